package org.umbrella.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.OutputCodec;

/** Loads the golden scenarios under src/test/resources/scenarios and runs them. */
public final class Scenarios {
  public static final Path ROOT = Path.of("src/test/resources/scenarios");

  private Scenarios() {}

  /** Every scenario directory (those holding an input.jsonl), sorted by name. */
  public static List<Path> all() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(d -> Files.exists(d.resolve("input.jsonl"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario's agreement: its own agreement.yaml, or the shared one named in agreement.ref. */
  public static Agreement agreement(Path scenario) {
    try {
      Path file = scenario.resolve("agreement.yaml");
      if (!Files.exists(file)) {
        file =
            ROOT.resolve("_agreements")
                .resolve(Files.readString(scenario.resolve("agreement.ref")).strip());
      }
      Path dir = file.getParent();
      LoadResult result =
          AgreementLoader.load(
              file.getFileName().toString(),
              Files.readString(file),
              rel -> {
                try {
                  return Optional.of(Files.readString(dir.resolve(rel)));
                } catch (IOException e) {
                  return Optional.empty();
                }
              });
      if (!result.isValid()) {
        throw new AssertionError("scenario agreement is invalid:\n" + result.toDisplayString());
      }
      return result.agreement();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario's input records as claimed (any {@code recorded} member is not kept). */
  public static List<InputRecord> input(Path scenario) {
    return recordedInput(scenario).stream().map(RecordedInput::record).toList();
  }

  /**
   * The scenario's input records with their record times ({@code recorded}, else their own time).
   */
  public static List<RecordedInput> recordedInput(Path scenario) {
    try {
      List<RecordedInput> records = new ArrayList<>();
      long n = 0;
      for (String line : Files.readAllLines(scenario.resolve("input.jsonl"))) {
        n++;
        if (!line.isBlank()) {
          records.add(InputCodec.decodeRecorded(line, n));
        }
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the records through a fresh engine in historical mode and returns the canonical output
   * text (one line per record).
   */
  public static String run(Agreement agreement, List<InputRecord> records) {
    return runRecorded(agreement, records.stream().map(RecordedInput::historical).toList());
  }

  /**
   * Runs the records, each at its record time, through a fresh engine and returns the canonical
   * output text.
   */
  public static String runRecorded(Agreement agreement, List<RecordedInput> records) {
    Engine engine = Engine.create(agreement);
    StringBuilder out = new StringBuilder();
    for (RecordedInput r : records) {
      engine.process(
          r,
          o -> {
            OutputCodec.encode(o, out);
            out.append('\n');
          });
    }
    return out.toString();
  }
}
