package org.umbrella.bench.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.bench.engine.EngineComparison.Contestant;
import org.umbrella.bench.engine.EngineComparison.Entry;
import org.umbrella.bench.engine.EngineComparison.Run;
import org.umbrella.engine.input.Incident;

/**
 * One round of the contestants' timed runs made side by side: each contestant in a JVM of its own
 * (as {@link Fork} makes them, same flags, same pinned core), all warmed up and waiting before the
 * clock starts, then the measured stream fed to them in chunks, one contestant at a time, the order
 * rotating from chunk to chunk. Run after run, one contestant would meet other minutes of the
 * machine than the next: this host slows down by up to 40% for minutes at a time, and whole runs of
 * 2-30 s in a row then compare the machine's minutes as much as the contestants (in one round the
 * bare loop came out slower than the same loop doing more; docs/benchmarks.md, "A ninth look"). In
 * chunks of a few hundred milliseconds taken in turn, every contestant meets the same minutes and
 * the same stretch of the stream, and each chunk gives a paired ratio.
 *
 * <p>A child answers on its standard output: {@link #READY} once warmed up with a fresh instance
 * made, {@link #DONE} and the nanoseconds of each chunk asked for on its standard input, and at the
 * end its run as {@link Fork} reads it.
 */
final class Interleaved {
  static final String READY = "READY";
  static final String DONE = "DONE ";
  private static final String CHUNK = "CHUNK ";
  private static final String END = "END";

  private Interleaved() {}

  /**
   * The child's side: warms {@code e} up, makes a fresh instance, and feeds it the measured stream
   * (seed 42) a chunk at a time as asked, timing each chunk.
   */
  static void serve(Entry e, Agreement agreement, long n, long warmup) {
    EngineComparison.warmUp(List.of(e), agreement, warmup);
    System.gc();
    JvmStats.resetPeaks();
    Contestant c = e.make().apply(agreement);
    Iterator<Incident> s = TwentyPoint.stream(agreement, n, 42);
    long nanos = 0;
    long cpuNanos = 0;
    PrintStream out = System.out;
    out.println(READY);
    out.flush();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null && !line.equals(END); ) {
        long k = Long.parseLong(line.substring(CHUNK.length()));
        long cpuStart = JvmStats.processCpuNanos();
        long start = System.nanoTime();
        for (long i = 0; i < k && s.hasNext(); i++) {
          c.process().accept(s.next());
        }
        long t = System.nanoTime() - start;
        nanos += t;
        cpuNanos += JvmStats.processCpuNanos() - cpuStart;
        out.println(DONE + t);
        out.flush();
      }
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    Run run =
        new Run(
            nanos,
            cpuNanos,
            JvmStats.peakHeapMb(),
            c.found().get(),
            c.counts() == null ? null : c.counts().get());
    c.close().run();
    out.println(Fork.format(run));
    out.flush();
  }

  /**
   * One round: a child per contestant, started and warmed up one after the other, then {@code n}
   * incidents in chunks of {@code chunk} taken in turn. Answers each contestant's run by name, and
   * appends the nanoseconds of each of its chunks to {@code chunks}.
   */
  static Map<String, Run> round(
      List<Entry> entries,
      List<String> childArgs,
      long n,
      long chunk,
      Map<String, List<Long>> chunks) {
    List<Child> children = new ArrayList<>();
    try {
      for (Entry e : entries) {
        Child c = new Child(e, Fork.command("--serve", e.key(), childArgs));
        children.add(c);
        c.await(READY);
      }
      int k = children.size();
      long steps = (n + chunk - 1) / chunk;
      for (long step = 0; step < steps; step++) {
        for (int q = 0; q < k; q++) {
          Child c = children.get((int) ((step + q) % k));
          c.send(CHUNK + chunk);
          long t = Long.parseLong(c.await(DONE).substring(DONE.length()));
          chunks.computeIfAbsent(c.entry.name(), x -> new ArrayList<>()).add(t);
        }
      }
      Map<String, Run> runs = new LinkedHashMap<>();
      for (Child c : children) {
        c.send(END);
        runs.put(c.entry.name(), Fork.parse(c.await(Fork.RESULT).substring(Fork.RESULT.length())));
        c.finish();
      }
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException("a contestant's JVM failed", e);
    } finally {
      children.forEach(c -> c.process.destroy());
    }
  }

  /** A contestant's JVM and the two pipes to it. */
  private static final class Child {
    final Entry entry;
    final Process process;
    final BufferedReader out;
    final Writer in;

    Child(Entry entry, List<String> command) throws IOException {
      this.entry = entry;
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    void send(String line) throws IOException {
      in.write(line + "\n");
      in.flush();
    }

    /** The child's next line starting with {@code prefix} (others are passed over). */
    String await(String prefix) throws IOException {
      for (@Nullable String line; (line = out.readLine()) != null; ) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      throw new IOException(
          "the JVM of " + entry.name() + " ended before it said " + prefix.strip());
    }

    void finish() throws IOException {
      in.close();
      try {
        int exit = process.waitFor();
        if (exit != 0) {
          throw new IOException("the JVM of " + entry.name() + " exited with " + exit);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while " + entry.name() + " ended", e);
      }
    }
  }
}
