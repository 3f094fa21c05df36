package org.umbrella.server.ops;

import java.time.Instant;
import java.util.List;

/**
 * An incident report with the engine's incident fields (LANGUAGE.md section 2) and its review
 * state.
 */
public record Report(
    String id,
    Instant time,
    String timePrecision,
    String kind,
    double lat,
    double lon,
    String placePrecision,
    String actorParty,
    double actorConfidence,
    String target,
    int fatalitiesLow,
    int fatalitiesBest,
    int fatalitiesHigh,
    List<Source> sources,
    String status,
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
}
