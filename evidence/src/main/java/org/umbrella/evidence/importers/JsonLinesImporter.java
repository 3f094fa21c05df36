package org.umbrella.evidence.importers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputFormatException;
import org.umbrella.engine.input.InputRecord;

/**
 * Umbrella JSON Lines (docs/incidents.md) -> incidents. A line that is not a valid incident record
 * (or is another record type) is a rejection naming the line and field. Rows are lines here.
 */
public final class JsonLinesImporter implements Importer {
  @Override
  public String name() {
    return "umbrella";
  }

  @Override
  public ImportStream open(Reader input) {
    BufferedReader in = input instanceof BufferedReader b ? b : new BufferedReader(input);
    return new ImportStream() {
      private long line;
      private @Nullable String next;

      @Override
      public List<String> notes() {
        return List.of();
      }

      @Override
      public boolean hasNext() {
        try {
          while (next == null) {
            String l = in.readLine();
            if (l == null) {
              return false;
            }
            line++;
            if (!l.isBlank()) {
              next = l;
            }
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public RowOutcome next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String l = Objects.requireNonNull(next, "hasNext() read a line");
        next = null;
        try {
          InputRecord r = InputCodec.decode(l, line);
          if (r instanceof Incident i) {
            return new RowOutcome.Imported(line, line, i);
          }
          return new RowOutcome.Rejected(line, line, "a " + r.type() + " record, not an incident");
        } catch (InputFormatException e) {
          return new RowOutcome.Rejected(
              line, line, (e.field().isEmpty() ? "" : "field '" + e.field() + "': ") + e.problem());
        }
      }
    };
  }
}
