package org.umbrella.cli.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code umbrella bench}: the engine against a hand-written loop and Esper, side by side, on a
 * synthetic stream with the 20-point example's definitions.
 *
 * <p>Runs {@code org.umbrella.bench.engine.EngineComparison} from the bench module in a child JVM
 * pinned to one core (with {@code taskset} when the system has it) and limited to {@code --heap}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the engine: incidents per second on one core over a synthetic stream with the 20-point example's definitions,"
          + " side by side with a hand-written loop and Esper 9, in a 512 MB heap.",
      "Needs the bench module built: ./mvnw -q -pl bench -am package -DskipTests"
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--incidents",
      defaultValue = "10000000",
      description = "Incidents in the measured stream. Default: ${DEFAULT-VALUE}.")
  long incidents;

  @Option(
      names = "--warmup",
      defaultValue = "2000000",
      description =
          "Incidents in each warm-up run (each timed run has a JVM of its own, which first runs"
              + " its contestant twice, fresh each time, so that the timed run meets compiled code"
              + " that has seen a fresh start and the steady state past the 30-day horizon)."
              + " Default: ${DEFAULT-VALUE}.")
  long warmup;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Rounds; in each, every contestant runs once. Every run is printed, and the"
              + " summary compares medians, each round's ratios and the chunks' paired ratios."
              + " Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(
      names = "--chunk",
      defaultValue = "500000",
      description =
          "Incidents each contestant takes in turn within a round: all are warmed up and waiting"
              + " before the clock starts, so that every one meets the same minutes of the"
              + " machine. 0 runs each contestant whole, one after another. Default:"
              + " ${DEFAULT-VALUE}.")
  long chunk;

  @Option(
      names = "--heap",
      defaultValue = "512m",
      description = "Maximum heap of the benchmark JVM. Default: ${DEFAULT-VALUE}.")
  String heap;

  // The engine remembers 30 days of findings; in a small heap the young collector copies them
  // several times before they are tenured, which is most of the gap to the bare loop
  @Option(
      names = "--young",
      description =
          "Young generation size (-Xmn), e.g. 3g with --heap 4g for a throughput-sized heap. Default: the JVM's choice.")
  String young;

  @Option(
      names = "--gc",
      defaultValue = "ParallelGC",
      description = "Garbage collector (ParallelGC, G1GC, ...). Default: ${DEFAULT-VALUE}.")
  String gc;

  @Option(names = "--skip-esper", description = "Leave Esper out.")
  boolean skipEsper;

  @Option(
      names = "--agreement",
      description =
          "The agreement whose definitions are measured. Default: bench/twenty-point.agreement.yaml, the 20-point example as it stood before issue 13 (its definitions are what the hand-written peers implement).")
  Path agreement;

  @Override
  public Integer call() throws IOException, InterruptedException {
    for (String size : Arrays.asList(heap, young)) {
      if (size != null && !size.matches("[1-9][0-9]*[kKmMgG]?")) {
        throw new UserException("not a JVM memory size: '" + size + "' (use e.g. 512m or 4g)");
      }
    }
    // checked before anything starts: a round count of 0 would print medians of nothing
    if (rounds < 1) {
      throw new UserException("--rounds must be at least 1, was " + rounds);
    }
    if (incidents < 1) {
      throw new UserException("--incidents must be at least 1, was " + incidents);
    }
    if (warmup < 0) {
      throw new UserException("--warmup must not be negative, was " + warmup);
    }
    if (chunk < 0) {
      throw new UserException("--chunk must not be negative, was " + chunk);
    }
    Path root = repositoryRoot();
    Path classes = root.resolve("bench/target/classes");
    Path classpath = root.resolve("bench/target/classpath.txt");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) {
      throw new UserException(
          "the bench module is not built. Build it with: ./mvnw -q -pl bench -am package -DskipTests");
    }
    Path agreementFile =
        agreement != null
            ? agreement.toAbsolutePath()
            : root.resolve("bench/twenty-point.agreement.yaml");
    if (!Files.isRegularFile(agreementFile)) {
      throw new UserException("cannot read agreement " + agreementFile + ": no such file");
    }
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      cmd.addAll(List.of("/usr/bin/taskset", "-c", "0"));
    }
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    if (young != null) {
      cmd.add("-Xmn" + young);
    }
    cmd.addAll(
        List.of(
            "-Xmx" + heap,
            "-XX:+Use" + gc,
            "-XX:ActiveProcessorCount=1",
            "-cp",
            classes + File.pathSeparator + Files.readString(classpath).strip(),
            "org.umbrella.bench.engine.EngineComparison",
            "--incidents",
            Long.toString(incidents),
            "--warmup",
            Long.toString(warmup),
            "--rounds",
            Integer.toString(rounds),
            "--chunk",
            Long.toString(chunk),
            "--agreement",
            agreementFile.toString()));
    if (skipEsper) {
      cmd.add("--skip-esper");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "$ "
            + String.join(
                " ",
                cmd.stream().map(a -> a.length() > 120 ? a.substring(0, 60) + "..." : a).toList()));
    out.flush();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("WARNING:") && !line.startsWith("SLF4J")) {
          out.println(line);
          out.flush();
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0) {
      throw new UserException("the benchmark JVM failed (exit " + exit + "); its output is above");
    }
    return 0;
  }

  private static Path repositoryRoot() {
    try {
      Path here =
          Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath();
      for (Path dir = here; dir != null; dir = dir.getParent()) {
        if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("bench"))) {
          return dir;
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
