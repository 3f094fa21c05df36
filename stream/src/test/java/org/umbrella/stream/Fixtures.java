package org.umbrella.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.OutputCodec;

/**
 * The engine module's golden scenarios and the single-node reference run, read from this checkout.
 */
final class Fixtures {
  static final Path SCENARIOS = Path.of("../engine/src/test/resources/scenarios");

  private Fixtures() {}

  static List<Path> scenarios() {
    try (Stream<Path> dirs = Files.list(SCENARIOS)) {
      return dirs.filter(d -> Files.exists(d.resolve("input.jsonl"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Agreement scenarioAgreement(Path scenario) {
    try {
      Path file = scenario.resolve("agreement.yaml");
      if (!Files.exists(file)) {
        file =
            SCENARIOS
                .resolve("_agreements")
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

  static List<RecordedInput> scenarioInput(Path scenario) {
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

  static Agreement file(String path) {
    LoadResult result = AgreementFiles.load(Path.of(path));
    if (!result.isValid()) {
      throw new AssertionError(result.toDisplayString());
    }
    return result.agreement();
  }

  /** The single-node engine's output lines for these records (the reference). */
  static List<String> singleNode(Agreement agreement, List<RecordedInput> records) {
    Engine engine = Engine.create(agreement);
    List<String> out = new ArrayList<>();
    for (RecordedInput r : records) {
      engine.process(r, o -> out.add(OutputCodec.encode(o)));
    }
    return out;
  }

  /** The topology's output lines for these records (in process, one partition). */
  static List<String> topology(
      Agreement agreement, List<RecordedInput> records, EngineTopology.StoreKind kind) {
    List<String> out = new ArrayList<>();
    try (InProcessReplay replay = new InProcessReplay(agreement, kind)) {
      replay.run(records.iterator(), out::add);
    }
    return out;
  }
}
