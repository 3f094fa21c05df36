package org.umbrella.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentSource;

/**
 * Builds the CEL activation of an incident: one entry per field of the agreement's incident schema
 * (`docs/incidents.md`).
 */
final class IncidentActivation {
  private IncidentActivation() {}

  static Map<String, Object> of(Incident i) {
    Map<String, Object> m = new HashMap<>(40);
    m.put("incident.id", i.id());
    m.put("incident.time", i.time());
    m.put("incident.time_precision", i.timePrecision().wireName());
    m.put("incident.kind", i.kind().wireName());
    m.put("incident.place.lat", i.place().lat());
    m.put("incident.place.lon", i.place().lon());
    m.put("incident.place.precision", i.place().precision().wireName());
    m.put("incident.actor.party", i.actor().party());
    m.put("incident.actor.confidence", i.actor().confidence());
    m.put("incident.target", i.target());
    m.put("incident.fatalities.low", (long) i.fatalities().low());
    m.put("incident.fatalities.best", (long) i.fatalities().best());
    m.put("incident.fatalities.high", (long) i.fatalities().high());
    List<Map<String, Object>> sources = new ArrayList<>(i.sources().size());
    for (IncidentSource s : i.sources()) {
      sources.add(Map.of("id", s.id(), "kind", s.kind(), "group", s.group()));
    }
    m.put("incident.sources", sources);
    m.put("incident.independent_sources", (long) i.independentSources());
    m.put("incident.status", i.status().wireName());
    m.put("incident.tags", i.tags());
    return m;
  }
}
