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
        file = ROOT.resolve("_agreements").resolve(Files.readString(scenario.resolve("agreement.ref")).strip());
      }
      Path dir = file.getParent();
      LoadResult result = AgreementLoader.load(file.getFileName().toString(), Files.readString(file),
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

  public static List<InputRecord> input(Path scenario) {
    try {
      List<InputRecord> records = new ArrayList<>();
      long n = 0;
      for (String line : Files.readAllLines(scenario.resolve("input.jsonl"))) {
        n++;
        if (!line.isBlank()) {
          records.add(InputCodec.decode(line, n));
        }
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the records through a fresh engine and returns the canonical output text (one line per record). */
  public static String run(Agreement agreement, List<InputRecord> records) {
    Engine engine = Engine.create(agreement);
    StringBuilder out = new StringBuilder();
    for (InputRecord r : records) {
      engine.process(r, o -> {
        OutputCodec.encode(o, out);
        out.append('\n');
      });
    }
    return out.toString();
  }
}
