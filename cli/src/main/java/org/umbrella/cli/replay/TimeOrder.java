package org.umbrella.cli.replay;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;

/**
 * Puts records in record-time order, ties in input order (LANGUAGE.md rule 1; docs/engine.md,
 * "Time"): a record's {@code recorded} time when it has one, else its own time, so that a dataset
 * without record times is sorted by event time as before and an exported journal replays in the
 * order the service accepted it. In bounded memory: up to {@code chunk} records are sorted in
 * memory; larger inputs are sorted in runs spilled to temporary files (canonical JSON Lines) and
 * merged. Temporary files are deleted when the merge ends.
 */
final class TimeOrder {
  private record Seq(long seq, RecordedInput record) {}

  private static final Comparator<Seq> ORDER =
      Comparator.comparing((Seq s) -> s.record().recordedAt()).thenComparingLong(Seq::seq);

  private TimeOrder() {}

  static Iterator<RecordedInput> sort(Iterator<RecordedInput> in, int chunk, Path tempDir) {
    List<Seq> buffer = new ArrayList<>();
    List<Path> runs = new ArrayList<>();
    long seq = 0;
    try {
      while (in.hasNext()) {
        buffer.add(new Seq(seq++, in.next()));
        if (buffer.size() >= chunk) {
          runs.add(spill(buffer, tempDir));
          buffer.clear();
        }
      }
      buffer.sort(ORDER);
      if (runs.isEmpty()) {
        return buffer.stream().map(Seq::record).iterator();
      }
      runs.add(spill(buffer, tempDir));
      buffer.clear();
      return merge(runs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path spill(List<Seq> buffer, Path tempDir) throws IOException {
    buffer.sort(ORDER);
    Path file = Files.createTempFile(tempDir, "umbrella-replay-", ".jsonl");
    file.toFile().deleteOnExit();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Seq s : buffer) {
        w.write(Long.toString(s.seq()));
        w.write('\t');
        w.write(InputCodec.encode(s.record()));
        w.write('\n');
      }
    }
    return file;
  }

  private static final class Run {
    final BufferedReader reader;
    final Path file;
    @Nullable Seq head;

    Run(Path file) throws IOException {
      this.file = file;
      this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      advance();
    }

    void advance() throws IOException {
      String line = reader.readLine();
      if (line == null) {
        head = null;
        reader.close();
        Files.deleteIfExists(file);
        return;
      }
      int tab = line.indexOf('\t');
      head =
          new Seq(
              Long.parseLong(line.substring(0, tab)),
              InputCodec.decodeRecorded(line.substring(tab + 1), 0));
    }
  }

  private static Iterator<RecordedInput> merge(List<Path> files) throws IOException {
    PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> ORDER.compare(a.head, b.head));
    for (Path f : files) {
      Run r = new Run(f);
      if (r.head != null) {
        queue.add(r);
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !queue.isEmpty();
      }

      @Override
      public RecordedInput next() {
        if (queue.isEmpty()) {
          throw new NoSuchElementException();
        }
        Run r = queue.poll();
        // only runs with a head are queued
        RecordedInput out = Objects.requireNonNull(r.head).record();
        try {
          r.advance();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (r.head != null) {
          queue.add(r);
        }
        return out;
      }
    };
  }
}
