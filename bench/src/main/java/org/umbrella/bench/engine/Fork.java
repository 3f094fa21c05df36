package org.umbrella.bench.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.umbrella.bench.engine.EngineComparison.Run;

/**
 * One contestant's timed run in a JVM of its own, started with this JVM's flags and class path:
 * JMH's fork. In one shared JVM the contestants share compiled code, the profiles of shared classes
 * (the generator, JTS, the revision index) and the collector's adaptive sizes, so that a run
 * depends on who ran before it: the engine came out 5-10% slower beside Esper than without it
 * (docs/benchmarks.md, "An eighth look"). A fork starts each run from the same state. The child
 * warms its one contestant up as the shared JVM would, runs it once over the measured stream and
 * prints one line, {@link #RESULT} and the run; it inherits the parent's processor affinity, so a
 * pinned bench stays pinned.
 */
final class Fork {
  /** What starts the child's one line of result. */
  static final String RESULT = "RESULT ";

  private Fork() {}

  /**
   * Runs contestant {@code key} in a fresh JVM with {@code args} (the measured stream's length, the
   * warm-up's, the agreement) and returns its run.
   *
   * @throws IllegalStateException if the child fails or prints no result
   */
  static Run run(String key, List<String> args) {
    List<String> cmd = command("--child", key, args);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      @Nullable Run run = null;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith(RESULT)) {
            run = parse(line.substring(RESULT.length()));
          }
        }
      }
      int exit = p.waitFor();
      if (exit != 0 || run == null) {
        throw new IllegalStateException(
            "the run of " + key + " in a JVM of its own failed (exit " + exit + ")");
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM for " + key, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + key + " ran", e);
    }
  }

  /**
   * The command that starts a child JVM with this JVM's flags and class path, running {@link
   * EngineComparison} in {@code mode} ({@code --child} or {@code --serve}) for contestant {@code
   * key}.
   */
  static List<String> command(String mode, String key, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EngineComparison.class.getName());
    cmd.add(mode);
    cmd.add(key);
    cmd.addAll(args);
    return cmd;
  }

  /** The child's line for {@code run}: nanos, CPU nanos, peak heap, counts, then what it found. */
  static String format(Run run) {
    long[] counts = run.counts();
    String c =
        counts == null
            ? "-"
            : String.join(",", Arrays.stream(counts).mapToObj(Long::toString).toList());
    return String.format(
        Locale.ROOT,
        "%s%d %d %d %s %s",
        RESULT,
        run.nanos(),
        run.cpuNanos(),
        run.peakHeapMb(),
        c,
        run.found());
  }

  static Run parse(String line) {
    String[] f = line.split(" ", 5);
    long @Nullable [] counts =
        f[3].equals("-")
            ? null
            : Arrays.stream(f[3].split(",")).mapToLong(Long::parseLong).toArray();
    return new Run(
        Long.parseLong(f[0]),
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        f.length > 4 ? f[4] : "",
        counts);
  }
}
