package org.umbrella.bench.engine;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.OutputRecord;

/**
 * One engine build over the bench's stream, loaded by {@link BuildComparison} in a class loader of
 * its own: each call feeds the next {@code k} incidents and answers a checksum of what was found so
 * far. Only JDK types cross the loader's boundary. Public for that loader's reflection; not API.
 */
public final class BuildDriver implements IntToLongFunction {
  private final Engine engine;
  private final Iterator<Incident> stream;
  private final long[] counts = new long[5];
  private final Consumer<OutputRecord> sink = this::count;

  /** A fresh engine for the agreement in {@code agreementFile} over {@code n} incidents. */
  public BuildDriver(String agreementFile, long n, long seed) {
    var agreement = TwentyPoint.load(Path.of(agreementFile));
    engine = Engine.create(agreement);
    stream = TwentyPoint.stream(agreement, n, seed);
  }

  @Override
  public long applyAsLong(int k) {
    for (int i = 0; i < k && stream.hasNext(); i++) {
      engine.process(stream.next(), sink);
    }
    long sum = 0;
    for (long c : counts) {
      sum = sum * 1_000_003L + c;
    }
    return sum;
  }

  private void count(OutputRecord o) {
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
}
