package org.umbrella.server.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;

/**
 * An incident report with the engine's incident fields (LANGUAGE.md section 2) and its review
 * state.
 */
public record Report(
    String id,
    Instant time,
    TimePrecision timePrecision,
    Kind kind,
    double lat,
    double lon,
    PlacePrecision placePrecision,
    String actorParty,
    double actorConfidence,
    String target,
    int fatalitiesLow,
    int fatalitiesBest,
    int fatalitiesHigh,
    List<Source> sources,
    ReviewStatus status,
    List<String> tags,
    String summary,
    String filedBy,
    Instant filedAt) {

  /** A source of a report; independence is counted by distinct {@code group}. */
  public record Source(String id, String kind, String group) {}

  public Report {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }

  /** The number of distinct source groups. */
  public long independentSources() {
    return sources.stream().map(Source::group).distinct().count();
  }

  /**
   * This report as a review leaves it: in {@code status}, attributed to {@code party} with {@code
   * confidence} when a party is named (else as it was).
   */
  public Report reviewed(ReviewStatus status, String party, double confidence) {
    boolean attributed = !party.isEmpty();
    return new Report(
        id,
        time,
        timePrecision,
        kind,
        lat,
        lon,
        placePrecision,
        attributed ? party : actorParty,
        attributed ? confidence : actorConfidence,
        target,
        fatalitiesLow,
        fatalitiesBest,
        fatalitiesHigh,
        sources,
        status,
        tags,
        summary,
        filedBy,
        filedAt);
  }

  /** The engine's canonical incident for this report (its current version). */
  public Incident incident() {
    return new Incident(
        id,
        time,
        timePrecision,
        new IncidentPlace(lat, lon, placePrecision),
        kind,
        actorParty.isEmpty() ? Actor.UNATTRIBUTED : new Actor(actorParty, actorConfidence),
        target,
        new Fatalities(fatalitiesLow, fatalitiesBest, fatalitiesHigh),
        sources.stream().map(s -> new IncidentSource(s.id(), s.kind(), s.group())).toList(),
        status,
        tags);
  }

  /** The report as it was filed, for the ledger (API keys; who filed it and when are beside it). */
  public Map<String, Object> asFiled() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("time", time.toString());
    m.put("time-precision", timePrecision.wireName());
    m.put("kind", kind.wireName());
    m.put("place", Map.of("lat", lat, "lon", lon, "precision", placePrecision.wireName()));
    m.put("actor", Map.of("party", actorParty, "confidence", actorConfidence));
    m.put("target", target);
    m.put(
        "fatalities", Map.of("low", fatalitiesLow, "best", fatalitiesBest, "high", fatalitiesHigh));
    m.put(
        "sources",
        sources.stream()
            .map(s -> Map.of("id", s.id(), "kind", s.kind(), "group", s.group()))
            .toList());
    m.put("tags", tags);
    m.put("summary", summary);
    return m;
  }
}
