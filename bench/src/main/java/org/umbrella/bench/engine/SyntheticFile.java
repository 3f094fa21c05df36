package org.umbrella.bench.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;

/**
 * Writes the benchmark's synthetic stream (seed 42, the same incidents {@link EngineComparison}
 * measures) as canonical JSON Lines, to replay it through {@code umbrella replay} (memory of the
 * CLI path, docs/benchmarks.md). The file is large (about 400 bytes an incident) and is not
 * committed.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.umbrella.bench.engine.SyntheticFile OUT.jsonl [N]} (default N: 10,000,000).
 */
public final class SyntheticFile {
  private SyntheticFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SyntheticFile OUT.jsonl [N]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long n = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 10_000_000;
    Agreement agreement = TwentyPoint.load(Path.of(TwentyPoint.DEFAULT_PATH));
    Iterator<Incident> s = TwentyPoint.stream(agreement, n, 42);
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      while (s.hasNext()) {
        w.write(InputCodec.encode(s.next()));
        w.write('\n');
      }
    }
    System.out.printf("%,d incidents written to %s (%,d bytes)%n", n, out, Files.size(out));
  }
}
