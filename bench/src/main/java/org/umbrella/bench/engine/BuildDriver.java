package org.umbrella.bench.engine;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.IntToLongFunction;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;

/**
 * One engine build over the bench's stream, loaded by {@link BuildComparison} in a class loader of
 * its own: each call feeds the next {@code k} incidents and answers a checksum of what was found so
 * far. Only JDK types cross the loader's boundary. Public for that loader's reflection; not API.
 */
public final class BuildDriver implements IntToLongFunction {
  private final Engine engine;
  private final Iterator<Incident> stream;
  private final EngineCounts sink = new EngineCounts();

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
    for (long c : sink.counts()) {
      sum = sum * 1_000_003L + c;
    }
    return sum;
  }
}
