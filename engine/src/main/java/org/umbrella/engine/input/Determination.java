package org.umbrella.engine.input;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A body's votes on a candidate finding: party -> vote. A later determination on the same finding
 * adds to (and for the same party replaces) earlier votes.
 *
 * <p>Votes are kept sorted by party so that iteration, and so output, is deterministic.
 */
public record Determination(
    String id, Instant time, String body, String finding, SortedMap<String, Vote> votes)
    implements InputRecord {
  public Determination {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(finding, "finding");
    votes = Collections.unmodifiableSortedMap(new TreeMap<>(votes));
  }

  public Determination(
      String id, Instant time, String body, String finding, Map<String, Vote> votes) {
    this(id, time, body, finding, new TreeMap<>(votes));
  }

  @Override
  public String type() {
    return "determination";
  }
}
