package org.umbrella.cli.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.umbrella.cli.UserException;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.PartyNames;
import picocli.CommandLine.Option;

/**
 * How event files are read, shared by {@code replay} and {@code stress-test} so that both read the
 * same events the same way: the format, a record-time range, and the in-memory sort chunk.
 */
public final class EventOptions {
  @Option(
      names = "--format",
      defaultValue = "umbrella",
      paramLabel = "FORMAT",
      description =
          "Format of the event files: umbrella (JSON Lines, every record type), ucdp, acled, viina, csv. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description =
          "Skip records recorded before this instant or date (record time: 'recorded', else 'time').")
  String from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "Skip records recorded at or after this instant or date (exclusive).")
  String to;

  @Option(
      names = "--sort-chunk",
      defaultValue = "200000",
      paramLabel = "N",
      description =
          "Records sorted in memory at once; larger inputs are sorted in runs on disk. Default: ${DEFAULT-VALUE}.")
  int sortChunk;

  /** The --format value, or a user error naming the formats. */
  public ImportFormat format() {
    return ImportFormat.fromWire(format)
        .orElseThrow(
            () ->
                new UserException(
                    "unknown --format '"
                        + format
                        + "'; expected one of "
                        + ImportFormat.allWireNames()));
  }

  /** --from as an instant, or null. */
  public @Nullable Instant from() {
    return from == null ? null : ReplayCommand.instant("--from", from);
  }

  /** --to as an instant, or null. */
  public @Nullable Instant to() {
    return to == null ? null : ReplayCommand.instant("--to", to);
  }

  int sortChunk() {
    return sortChunk;
  }

  /**
   * Fails with a user error unless every file is a readable regular file; returns their total size.
   */
  public static long checkFiles(List<Path> files) {
    long total = 0;
    for (Path p : files) {
      if (!Files.isRegularFile(p)) {
        throw new UserException("cannot read events file " + p + ": no such file");
      }
      try {
        total += Files.size(p);
      } catch (IOException e) {
        throw new UserException("cannot read events file " + p + ": " + e.getMessage());
      }
    }
    return total;
  }

  /**
   * Reads {@code files} as one stream, in record-time order (ties in input order), within the
   * record-time range, into memory. Rows an importer cannot map go to {@code rejected}; importer
   * notes to {@code notes}.
   */
  public List<RecordedInput> readAll(
      List<Path> files, PartyNames parties, Consumer<String> rejected, Consumer<String> notes) {
    checkFiles(files);
    ImportFormat fmt = format();
    Instant fromT = from();
    Instant toT = to();
    List<RecordedInput> all = new ArrayList<>();
    for (Path f : files) {
      Iterator<RecordedInput> it = EventFiles.open(f, fmt, parties, rejected, notes, n -> {});
      while (it.hasNext()) {
        RecordedInput r = it.next();
        if ((fromT == null || !r.recordedAt().isBefore(fromT))
            && (toT == null || r.recordedAt().isBefore(toT))) {
          all.add(r);
        }
      }
    }
    try {
      List<RecordedInput> sorted = new ArrayList<>(all.size());
      TimeOrder.sort(
              all.iterator(),
              Math.max(all.size(), 1),
              Path.of(System.getProperty("java.io.tmpdir")))
          .forEachRemaining(sorted::add);
      return sorted;
    } catch (UncheckedIOException e) {
      throw new UserException("cannot sort events: " + UserException.causeMessage(e));
    }
  }

  /** Prints rejected rows and notes to {@code err}, prefixed. */
  public static Consumer<String> printer(PrintWriter err, String prefix) {
    return s -> err.println(prefix + s);
  }
}
