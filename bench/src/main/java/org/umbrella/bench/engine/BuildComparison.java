package org.umbrella.bench.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;
import org.umbrella.evidence.synthetic.SyntheticIncidents;

/**
 * Two or more builds of the engine side by side in one JVM, for judging a change to it: each build
 * in a class loader of its own, fed the same stream in chunks taken in turn (the order rotating),
 * so that every build meets the same minutes of the machine. Forked runs one after the other, as
 * {@link EngineComparison} makes them, meet different minutes, and this host's slow stretches
 * (minutes long, up to 40%) then decide the comparison (docs/benchmarks.md, "A ninth look").
 *
 * <p>What it is not for: the engine against its peers (that is {@link EngineComparison}). The
 * builds share the heap and the cache, so a change that acts through the collector or the working
 * set is judged here with both present; confirm it with forked runs.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.umbrella.bench.engine.BuildComparison \
 *   [--incidents N] [--chunk N] [--warmup N] [--agreement FILE] ENGINE_JAR ENGINE_JAR...
 * </pre>
 *
 * Prints each build's rate over the whole stream and, per chunk, its speed relative to the first
 * build (median and quartiles); exits 1 unless every build found the same.
 */
public final class BuildComparison {
  private BuildComparison() {}

  public static void main(String[] args) throws ReflectiveOperationException, IOException {
    System.exit(run(args, System.out));
  }

  /** Runs the comparison, printing to {@code out}; answers the exit status. */
  static int run(String[] args, PrintStream out) throws ReflectiveOperationException, IOException {
    long incidents = 10_000_000;
    int chunk = 500_000;
    long warmup = 2_000_000;
    String agreement = TwentyPoint.DEFAULT_PATH;
    List<Path> builds = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--incidents" -> incidents = Long.parseLong(args[++i]);
        case "--chunk" -> chunk = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Long.parseLong(args[++i]);
        case "--agreement" -> agreement = args[++i];
        default -> builds.add(Path.of(args[i]));
      }
    }
    if (builds.size() < 2 || chunk <= 0 || incidents < chunk) {
      out.println(
          "usage: BuildComparison [--incidents N] [--chunk N] [--warmup N] [--agreement FILE]"
              + " ENGINE_JAR ENGINE_JAR... (two builds at least; chunk at most the incidents)");
      return 2;
    }
    int k = builds.size();
    List<ClassLoader> loaders = new ArrayList<>();
    for (Path build : builds) {
      if (!Files.exists(build)) {
        out.println("no such engine build: " + build + " (a jar or classes directory of engine/)");
        return 2;
      }
      loaders.add(new ChildFirst(build));
    }
    out.printf(Locale.ROOT, "load average before: %s%n", JvmStats.loadAverage());
    // every build must find the same, in the warm-up runs as in the measured one
    long[] found = new long[k];
    for (int pass = 0; pass < EngineComparison.WARMUP_PASSES; pass++) {
      for (int j = 0; j < k; j++) {
        found[j] ^= driver(loaders.get(j), agreement, warmup, 7 + pass).applyAsLong((int) warmup);
      }
    }
    List<IntToLongFunction> drivers = new ArrayList<>();
    for (ClassLoader l : loaders) {
      drivers.add(driver(l, agreement, incidents, 42));
    }
    System.gc();
    long[] nanos = new long[k];
    List<double[]> speeds = new ArrayList<>();
    for (int step = 0; (long) step * chunk < incidents; step++) {
      long[] t = new long[k];
      for (int q = 0; q < k; q++) {
        int j = (step + q) % k;
        long start = System.nanoTime();
        long sum = drivers.get(j).applyAsLong(chunk);
        t[j] = System.nanoTime() - start;
        if ((long) (step + 1) * chunk >= incidents) {
          found[j] = found[j] * 31 + sum;
        }
        nanos[j] += t[j];
      }
      double[] s = new double[k];
      for (int j = 0; j < k; j++) {
        s[j] = (double) t[0] / t[j];
      }
      speeds.add(s);
    }
    out.printf(Locale.ROOT, "load average after: %s%n", JvmStats.loadAverage());
    boolean same = true;
    for (int j = 0; j < k; j++) {
      final int build = j;
      double[] col = speeds.stream().mapToDouble(s -> s[build]).sorted().toArray();
      out.printf(
          Locale.ROOT,
          "%-40s %,12.0f incidents/s; per chunk, speed against the first: median %.3f (quartiles %.3f, %.3f) of %d%n",
          builds.get(j),
          incidents / (nanos[j] / 1e9),
          col[col.length / 2],
          col[col.length / 4],
          col[(3 * col.length) / 4],
          col.length);
      same &= found[j] == found[0];
    }
    for (ClassLoader l : loaders) {
      ((URLClassLoader) l).close();
    }
    if (!same) {
      out.println("the builds found different counts: not comparable");
      return 1;
    }
    return 0;
  }

  private static IntToLongFunction driver(ClassLoader l, String agreement, long n, long seed)
      throws ReflectiveOperationException {
    return (IntToLongFunction)
        l.loadClass(BuildDriver.class.getName())
            .getConstructor(String.class, long.class, long.class)
            .newInstance(agreement, n, seed);
  }

  /**
   * Loads the engine, the generator and the bench's own classes from a build first, everything else
   * (the agreement model, JTS, the JDK) from the parent, shared by all builds.
   */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(Path engine) throws MalformedURLException {
      super(
          new URL[] {
            engine.toUri().toURL(), location(SyntheticIncidents.class), location(BuildDriver.class)
          },
          BuildComparison.class.getClassLoader());
    }

    private static URL location(Class<?> c) {
      return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      boolean own =
          name.startsWith("org.umbrella.engine.")
              || name.startsWith("org.umbrella.evidence.")
              || (name.startsWith("org.umbrella.bench.engine.")
                  && !name.equals(BuildComparison.class.getName()));
      if (!own) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
