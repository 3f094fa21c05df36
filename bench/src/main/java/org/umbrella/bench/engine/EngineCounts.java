package org.umbrella.bench.engine;

import java.util.function.Consumer;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.OutputRecord;

/**
 * The engine's outputs counted as its peers count what they find: violations, significant attacks,
 * strikes on the capitals, attacks on Russia and decide-within alerts, in that order (the order
 * {@link EngineComparison} checks the contestants' counts in). Every output record passes through
 * it, as a sink that writes them would.
 */
final class EngineCounts implements Consumer<OutputRecord> {
  private final long[] counts = new long[5];

  @Override
  public void accept(OutputRecord o) {
    if (o instanceof FindingRecord f) {
      switch (f.definition()) {
        case "ceasefire-violation" -> counts[0]++;
        case "significant-attack" -> counts[1]++;
        case "unprovoked-strike-on-capitals" -> counts[2]++;
        case "unprovoked-attack-on-russia" -> counts[3]++;
        default -> {}
      }
    } else if (o instanceof AlertRecord a && a.reason().equals("decision-overdue")) {
      counts[4]++;
    }
  }

  /** The counts so far, a copy. */
  long[] counts() {
    return counts.clone();
  }
}
