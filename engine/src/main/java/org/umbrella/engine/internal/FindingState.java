package org.umbrella.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Vote;

/**
 * The engine's view of one raised finding (mutable; owned by the evaluator).
 *
 * <p>Kept small: a match finding is remembered for the revision horizon (hundreds of thousands at
 * sensor rates, copied by the young collector until tenured), so what only aggregates and findings
 * awaiting a body need lives in {@link More}, allocated only for them.
 */
final class FindingState {
  /** What only aggregates (window, evidence) and candidates (votes) need. */
  private static final class More {
    String aggregateId;
    /**
     * Contributing findings of an aggregate (empty for a match finding); dropped once the finding is
     * older than the revision horizon, when no revision can reach them any more.
     */
    List<FindingState> contributors = List.of();
    /** The evidence ids, computed once when first asked. */
    List<String> evidence;
    /**
     * The evidence ids once the contributors are dropped, each preceded by its length in two chars:
     * one array instead of thousands of strings for an aggregate that waits long for its body.
     */
    char[] packedEvidence;
    long windowFromMillis;
    /** For aggregates: the re-arm time of its window state before this finding was raised. */
    long previousArmedFrom;
    /** Votes and determinations so far; allocated when a finding awaits a body. */
    SortedMap<String, Vote> votes;
    List<String> determinations;
    /** Engine clock when raised: only findings kept by id (aggregates, candidates) need it. */
    long raisedAtMillis;
    /** A match finding's incident, when some aggregate sums an expression over incidents. */
    Incident incident;
  }

  private final String definitionId;
  private final int version;
  final int definition;
  final String actor;
  /** The incident's id for a match finding; null for an aggregate. */
  final String incidentId;
  /** Event time: the incident's time, or the end of the aggregate's window. */
  final long eventMillis;
  String status;
  /**
   * Null for a confirmed match finding that keeps no incident: the common case, remembered by the
   * hundred thousand, so that it is 48 bytes (12 of header, five references, two ints and a long).
   */
  private More more;

  private FindingState(String definitionId, int version, int definition, String actor, String incidentId, Incident incident,
      long eventMillis, String status) {
    this.definitionId = definitionId;
    this.version = version;
    this.definition = definition;
    this.actor = actor;
    this.incidentId = incidentId;
    if (incident != null) {
      this.more = new More();
      this.more.incident = incident;
    }
    this.eventMillis = eventMillis;
    this.status = status;
  }

  /** A match finding on one incident ({@code incident} only when it must be kept, else null). */
  static FindingState match(String definitionId, int version, int definition, String actor, String incidentId, Incident incident,
      long eventMillis, String status) {
    return new FindingState(definitionId, version, definition, actor, incidentId, incident, eventMillis, status);
  }

  /** An aggregate finding {@code id} over {@code contributors} in the window (from, to]. */
  static FindingState aggregate(String id, String definitionId, int definition, String actor, List<FindingState> contributors,
      long windowFromMillis, long windowToMillis, long previousArmedFrom, String status) {
    FindingState f = new FindingState(definitionId, 1, definition, actor, null, null, windowToMillis, status);
    f.more = new More();
    f.more.aggregateId = id;
    f.more.contributors = contributors;
    f.more.windowFromMillis = windowFromMillis;
    f.more.previousArmedFrom = previousArmedFrom;
    return f;
  }

  /** {@code <definition>/<incident>} (then {@code #2}, {@code #3} for later raises), or the aggregate's own id. */
  String id() {
    if (incidentId == null) {
      return more.aggregateId;
    }
    return version == 1 ? definitionId + "/" + incidentId : definitionId + "/" + incidentId + "#" + version;
  }

  int version() {
    return version;
  }

  Instant raisedAt() {
    return Instant.ofEpochMilli(raisedAtMillis());
  }

  /** When raised (engine clock); {@link Long#MIN_VALUE} for a confirmed match finding, which needs none. */
  long raisedAtMillis() {
    return more == null ? Long.MIN_VALUE : more.raisedAtMillis;
  }

  /** Notes when it was raised, for a finding kept by id: an aggregate, or one awaiting votes (after {@link #awaitVotes}). */
  void raisedAtMillis(long millis) {
    if (more != null) {
      more.raisedAtMillis = millis;
    }
  }

  /** The incident of a match finding when some aggregate sums an expression over incidents; null otherwise. */
  Incident incident() {
    return more == null ? null : more.incident;
  }

  boolean isAggregate() {
    return incidentId == null;
  }

  /** The contributing findings of an aggregate; empty for a match finding or once dropped. */
  List<FindingState> contributors() {
    return more == null ? List.of() : more.contributors;
  }

  /**
   * Lets go of the contributors (past the revision horizon), after fixing the evidence ids in one
   * array: an aggregate that waits long for its body then no longer keeps its incidents' id strings.
   */
  void dropContributors() {
    if (isAggregate() && more.packedEvidence == null) {
      List<String> ids = incidentIds();
      int length = 0;
      for (String id : ids) {
        length += 2 + id.length();
      }
      char[] packed = new char[length];
      int at = 0;
      for (String id : ids) {
        packed[at++] = (char) (id.length() >>> 16);
        packed[at++] = (char) id.length();
        id.getChars(0, id.length(), packed, at);
        at += id.length();
      }
      more.packedEvidence = packed;
      more.evidence = null;
      more.contributors = List.of();
    }
  }

  long windowFromMillis() {
    return isAggregate() ? more.windowFromMillis : eventMillis;
  }

  long previousArmedFrom() {
    return more.previousArmedFrom;
  }

  void awaitVotes() {
    if (more == null) {
      more = new More();
    }
    if (more.votes == null) {
      more.votes = new TreeMap<>();
      more.determinations = new ArrayList<>();
    }
  }

  /** Votes so far, by party (after {@link #awaitVotes}). */
  SortedMap<String, Vote> votes() {
    return more.votes;
  }

  /** Determinations counted so far (after {@link #awaitVotes}). */
  List<String> determinations() {
    return more.determinations;
  }

  /**
   * The incident ids under {@code contributors}, in order, without repeats. For match findings (one
   * id each) the repeats are removed with an open-addressing table of the ids themselves instead of
   * a linked set: an aggregate of the benchmark's stream has ~10,000 contributors, and this is one
   * pass with no object per id.
   */
  private static List<String> evidenceOf(List<FindingState> contributors) {
    int n = contributors.size();
    String[] ids = new String[n];
    String[] table = new String[Integer.highestOneBit(Math.max(2, n)) << 2]; // at most half full
    int mask = table.length - 1;
    int count = 0;
    for (FindingState c : contributors) {
      String id = c.incidentId;
      if (id == null) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (FindingState d : contributors) {
          set.addAll(d.incidentIds());
        }
        return List.copyOf(set);
      }
      int slot = (id.hashCode() * 0x9E3779B9) >>> 7 & mask;
      boolean seen = false;
      for (String t; (t = table[slot]) != null; slot = (slot + 1) & mask) {
        if (t.equals(id)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        table[slot] = id;
        ids[count++] = id;
      }
    }
    return List.of(count == n ? ids : java.util.Arrays.copyOf(ids, count));
  }

  /** The evidence: the incident ids under this finding, in order, without repeats. */
  List<String> incidentIds() {
    if (incidentId != null) {
      return List.of(incidentId);
    }
    if (more.packedEvidence != null) {
      // rare: only a late determination or withdrawal of an old aggregate lists it again
      List<String> ids = new ArrayList<>();
      char[] packed = more.packedEvidence;
      for (int at = 0; at < packed.length; ) {
        int length = packed[at] << 16 | packed[at + 1];
        ids.add(new String(packed, at + 2, length));
        at += 2 + length;
      }
      return List.copyOf(ids);
    }
    if (more.evidence == null) {
      more.evidence = evidenceOf(more.contributors);
    }
    return more.evidence;
  }
}
