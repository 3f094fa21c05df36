package org.umbrella.bench.engine;

import java.util.Random;
import org.umbrella.engine.internal.RevisionIndex;

/**
 * How many lookups of an absent key get past the revision index's pre-check ({@link
 * RevisionIndex#homeTag}) and read its table, which is larger than the core's cache: counted, so
 * that the load on the machine does not enter (docs/benchmarks.md, issue 15 third round). Steady
 * state of a sliding horizon with a quarter of the incidents remembered, as the bench's stream.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.umbrella.bench.engine.FilterRate [HORIZON]} (default 920,000 incidents: 230,000 keys live).
 */
public final class FilterRate {
  private FilterRate() {}

  public static void main(String[] args) {
    int horizon = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 920_000;
    RevisionIndex index = new RevisionIndex();
    Random random = new Random(7);
    long passed = 0;
    long lookups = 0;
    for (int t = 0; t < 4 * horizon; t++) {
      index.evictBefore(t - horizon);
      if (t % 4 == 0) {
        index.put("inc-" + random.nextLong(), t, t);
      }
      if (t > 2 * horizon) {
        lookups++;
        passed += index.homeTag("new-" + random.nextLong());
      }
    }
    System.out.printf(
        "horizon %,d (%,d keys live): %.1f%% of misses read the table%n",
        horizon, horizon / 4, 100.0 * passed / lookups);
  }
}
