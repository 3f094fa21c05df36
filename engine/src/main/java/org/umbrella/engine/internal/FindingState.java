package org.umbrella.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Vote;

/** The engine's view of one raised finding (mutable; owned by the evaluator). */
final class FindingState {
  /**
   * The id of an aggregate; null for a match finding, whose id is derived when asked (see {@link
   * #id()}): match findings are remembered for the revision horizon, and an id string each would
   * double the objects the young collector copies.
   */
  private final String aggregateId;
  private final String definitionId;
  private final int version;
  final int definition;
  final String actor;
  /**
   * The incident of a match finding when some aggregate sums an expression over incidents; null
   * otherwise (and for aggregates), so that remembered findings stay small.
   */
  final Incident incident;
  /** The incident's id for a match finding; null for an aggregate. */
  final String incidentId;
  /**
   * Contributing findings of an aggregate (empty for a match finding); dropped once the finding is
   * older than the revision horizon, when no revision can reach them any more.
   */
  List<FindingState> contributors;
  /** The evidence ids, computed once when raised. */
  private List<String> evidence;
  /** Event time: the incident's time, or the end of the aggregate's window. */
  final long eventMillis;
  final long windowFromMillis;
  String status;
  /** Votes and determinations so far; allocated when a finding awaits a body. */
  SortedMap<String, Vote> votes;
  List<String> determinations;
  /** For aggregates: the re-arm time of its window state before this finding was raised. */
  long previousArmedFrom;
  long raisedAtMillis;

  FindingState(String aggregateId, String definitionId, int version, int definition, String actor, String incidentId, Incident incident,
      List<FindingState> contributors, long eventMillis, long windowFromMillis, String status) {
    this.aggregateId = aggregateId;
    this.definitionId = definitionId;
    this.version = version;
    this.definition = definition;
    this.actor = actor;
    this.incidentId = incidentId;
    this.incident = incident;
    this.contributors = contributors;
    this.eventMillis = eventMillis;
    this.windowFromMillis = windowFromMillis;
    this.status = status;
  }

  /** {@code <definition>/<incident>} (then {@code #2}, {@code #3} for later raises), or the aggregate's own id. */
  String id() {
    if (aggregateId != null) {
      return aggregateId;
    }
    return version == 1 ? definitionId + "/" + incidentId : definitionId + "/" + incidentId + "#" + version;
  }

  int version() {
    return version;
  }

  Instant raisedAt() {
    return Instant.ofEpochMilli(raisedAtMillis);
  }

  boolean isAggregate() {
    return incidentId == null;
  }

  void awaitVotes() {
    if (votes == null) {
      votes = new TreeMap<>();
      determinations = new ArrayList<>();
    }
  }

  /** The evidence: the incident ids under this finding, in order, without repeats. */
  List<String> incidentIds() {
    if (incidentId != null) {
      return List.of(incidentId);
    }
    if (evidence == null) {
      {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (FindingState c : contributors) {
          ids.addAll(c.incidentIds());
        }
        evidence = List.copyOf(ids);
      }
    }
    return evidence;
  }
}
