package org.umbrella.engine.input;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.umbrella.agreement.model.ReviewStatus;

/**
 * The canonical incident: one thing that happened, as reported and reviewed (docs/incidents.md).
 *
 * <p>A later incident with the same {@code id} replaces the earlier version (review,
 * re-attribution). {@code actor} is {@link Actor#UNATTRIBUTED} when nobody is named; {@code
 * fatalities} is {@link Fatalities#NONE_REPORTED} when a source gives no count. Lists are copied
 * and unmodifiable.
 *
 * <p>The constructor throws {@code NullPointerException} if a component is null; {@code
 * IllegalArgumentException} if {@code id} is blank.
 */
public record Incident(
    String id,
    Instant time,
    TimePrecision timePrecision,
    IncidentPlace place,
    Kind kind,
    Actor actor,
    String target,
    Fatalities fatalities,
    List<IncidentSource> sources,
    ReviewStatus status,
    List<String> tags)
    implements InputRecord {

  public Incident {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("incident id must not be blank");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(timePrecision, "timePrecision");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fatalities, "fatalities");
    sources = List.copyOf(sources);
    Objects.requireNonNull(status, "status");
    tags = List.copyOf(tags);
  }

  @Override
  public String type() {
    return "incident";
  }

  /** The number of distinct independence groups among the sources. */
  public int independentSources() {
    int n = sources.size();
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      String g = sources.get(i).group();
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = sources.get(j).group().equals(g);
      }
      if (!seen) {
        distinct++;
      }
    }
    return distinct;
  }

  /** A copy with another attribution (a re-attribution after review). */
  public Incident withActor(Actor newActor) {
    return new Incident(
        id, time, timePrecision, place, kind, newActor, target, fatalities, sources, status, tags);
  }

  /** A copy with another review status. */
  public Incident withStatus(ReviewStatus newStatus) {
    return new Incident(
        id, time, timePrecision, place, kind, actor, target, fatalities, sources, newStatus, tags);
  }
}
