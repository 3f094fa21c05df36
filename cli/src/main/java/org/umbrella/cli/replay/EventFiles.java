package org.umbrella.cli.replay;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.umbrella.cli.UserException;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputFormatException;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.evidence.EvidenceException;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.ImportStream;
import org.umbrella.evidence.importers.PartyNames;
import org.umbrella.evidence.importers.RowOutcome;

/**
 * Reads one events file in a given format as input records with their record times, one at a time
 * (the umbrella format's optional {@code recorded} member; the records' own times otherwise, and
 * always for dataset formats). Rows an importer cannot map go to {@code rejected} with file, row
 * and reason; importer notes to {@code notes}.
 */
final class EventFiles {
  private EventFiles() {}

  /**
   * Opens {@code file}; the iterator closes it at the end. {@code parties} maps a dataset's actor
   * names to party ids (formats other than umbrella). {@code bytesRead} receives progress.
   */
  static Iterator<RecordedInput> open(
      Path file,
      ImportFormat format,
      PartyNames parties,
      Consumer<String> rejected,
      Consumer<String> notes,
      LongConsumer bytesRead) {
    BufferedReader reader;
    try {
      InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead);
      reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
    String name = file.toString();
    if (format == ImportFormat.UMBRELLA) {
      Iterator<RecordedInput> records = InputCodec.readRecorded(reader);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          try {
            boolean more = records.hasNext();
            if (!more) {
              close(reader);
            }
            return more;
          } catch (InputFormatException e) {
            close(reader);
            throw new UserException(
                name
                    + ":"
                    + e.line()
                    + ": "
                    + (e.field().isEmpty() ? "" : "field '" + e.field() + "': ")
                    + e.problem());
          } catch (UncheckedIOException e) {
            close(reader);
            throw new UserException("cannot read " + name + ": " + UserException.causeMessage(e));
          }
        }

        @Override
        public RecordedInput next() {
          return records.next();
        }
      };
    }
    ImportStream stream = format.importer(parties).open(reader);
    return new Iterator<>() {
      private @Nullable InputRecord next;
      private boolean notesReported;

      @Override
      public boolean hasNext() {
        try {
          while (next == null) {
            if (!stream.hasNext()) {
              reportNotes();
              close(reader);
              return false;
            }
            reportNotes();
            switch (stream.next()) {
              case RowOutcome.Imported i -> next = i.incident();
              case RowOutcome.Rejected r -> rejected.accept(name + ": " + r);
            }
          }
          return true;
        } catch (EvidenceException e) {
          close(reader);
          throw new UserException(name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
          close(reader);
          throw new UserException("cannot read " + name + ": " + UserException.causeMessage(e));
        }
      }

      private void reportNotes() {
        if (!notesReported) {
          notesReported = true;
          List<String> n = stream.notes();
          n.forEach(note -> notes.accept(name + ": " + note));
        }
      }

      @Override
      public RecordedInput next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        InputRecord r = Objects.requireNonNull(next, "hasNext() found one");
        next = null;
        return RecordedInput.historical(r);
      }
    };
  }

  private static void close(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing more to read from it either way
    }
  }

  /** Counts bytes for the progress bar. */
  private static final class CountingInputStream extends FilterInputStream {
    private final LongConsumer counter;

    CountingInputStream(InputStream in, LongConsumer counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.accept(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counter.accept(n);
      }
      return n;
    }
  }
}
