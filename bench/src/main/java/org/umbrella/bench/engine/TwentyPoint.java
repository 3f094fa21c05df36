package org.umbrella.bench.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Incident;
import org.umbrella.evidence.synthetic.SyntheticIncidents;

/** The 20-point example agreement and the synthetic stream the benchmarks share. */
final class TwentyPoint {
  static final String DEFAULT_PATH = "bench/twenty-point.agreement.yaml";

  private TwentyPoint() {}

  static Agreement load(Path file) {
    LoadResult r = AgreementFiles.load(file);
    if (!r.isValid()) {
      throw new IllegalArgumentException(r.toDisplayString());
    }
    return r.agreement();
  }

  /**
   * {@code n} incidents scattered along the line of contact (10 km spread), one every 3 s of event
   * time on average (10 million span about a year), with hotspots at Moscow and Saint Petersburg.
   */
  static Iterator<Incident> stream(Agreement a, long n, long seed) {
    return new SyntheticIncidents(
        Objects.requireNonNull(
                a.places().get("line-of-contact"), "the 20-point text names a line of contact")
            .geometry(),
        List.of(new double[] {37.6176, 55.7558}, new double[] {30.3351, 59.9343}),
        n,
        Instant.parse("2026-03-01T00:00:00Z"),
        3_000,
        10,
        seed);
  }
}
