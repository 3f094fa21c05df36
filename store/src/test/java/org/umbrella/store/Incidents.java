package org.umbrella.store;

import java.time.Instant;
import java.util.List;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;

/** Incidents for store tests. */
final class Incidents {
  private Incidents() {}

  static Incident incident(String id, int n, List<IncidentSource> sources) {
    return new Incident(
        id,
        Instant.parse("2026-02-01T00:00:00Z").plusSeconds(n * 3600L),
        TimePrecision.EXACT,
        new IncidentPlace(47.0 + (n % 100) / 1000.0, 35.5 + (n % 37) / 100.0, PlacePrecision.EXACT),
        Kind.SHELLING,
        Actor.UNATTRIBUTED,
        "civilian",
        new Fatalities(n % 3, n % 5, n % 7),
        sources,
        ReviewStatus.REPORTED,
        List.of());
  }

  static Incident incident(String id, int n) {
    return incident(id, n, List.of(new IncidentSource("src-" + id, "monitor", "omm")));
  }
}
