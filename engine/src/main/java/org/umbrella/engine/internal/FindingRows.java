package org.umbrella.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.output.DeferredIds;
import org.umbrella.engine.output.FindingStatus;

/**
 * Every finding the engine remembers, as rows of parallel arrays referred to by row number (a
 * handle), instead of one object per finding.
 *
 * <p>Why: a match finding is remembered for the revision horizon, hundreds of thousands at sensor
 * rates; as objects the young collector copied each of them several times until tenured
 * (docs/benchmarks.md). As rows they are a few long-lived arrays the collector does not copy. What
 * only aggregates and findings awaiting a body need lives in a {@link More} object per such row.
 *
 * <p>A row is held by counted references: the revision index (each finding of an incident, linked
 * through {@link #next}), a window's entries, an aggregate's contributors, a window's chain and the
 * map of findings kept by id. A row whose count falls to zero (or that nothing took) is reused only
 * after {@link #reclaim}, which the evaluator calls between records, so that a handle held in a
 * local variable stays valid while one record is processed. Not thread-safe.
 *
 * <p>Over 500 lines because the parallel arrays, their growth and the reference counts must change
 * together: a row's columns split over classes would let one be resized or freed without the
 * others.
 */
final class FindingRows {
  // a status is stored as its FindingStatus code, one byte a row
  static final byte CANDIDATE = FindingStatus.CANDIDATE.code();
  static final byte CONFIRMED = FindingStatus.CONFIRMED.code();
  static final byte REJECTED = FindingStatus.REJECTED.code();
  static final byte WITHDRAWN = FindingStatus.WITHDRAWN.code();

  /**
   * The status of a row not in use (no {@link FindingStatus} has it): freeing a row writes this
   * byte and its bit in {@link FreeRows}, and no reference, whose store would dirty the line of a
   * row no longer needed and a card for the young collector.
   */
  private static final byte FREE = -1;

  /**
   * A bit of a row's status byte: set when the row has a {@link More} or an unpacked id string, so
   * that freeing a plain match finding reads no line of those columns.
   */
  private static final byte HAS_REFS = 0x40;

  private static final byte STATUS_BITS = 0x0f;

  /** The bits of a row's status byte that hold its lane ({@link #LANE_HORIZON} and the others). */
  private static final int LANE_SHIFT = 4;

  private static final byte LANE_BITS = 0x30;

  /**
   * Lanes: rows are handed out from the free rows of their lane, each lane holding findings of one
   * expected lifetime. Why: a row is written when a finding is made and read again when it is let
   * go of; rows let go of in the order they were made lie one after the other only if the rows
   * around them live as long. In one pool, a violation counted by a window (let go of three days
   * after the horizon) sits among violations counted by none (let go of at the horizon), the
   * next-fit cursor fills the gaps of one with the other, and after a few horizons consecutive
   * findings lie 5 to 64 rows apart instead of side by side (docs/benchmarks.md, "A twelfth look").
   * A lane is only a placement hint: any row may hold any finding.
   *
   * <p>This lane: a match finding held only by the revision index, let go of at the horizon.
   */
  static final int LANE_HORIZON = 0;

  /** A match finding that some aggregate's window counts as well: let go of after the window. */
  static final int LANE_WINDOW = 1;

  /** A finding kept by id (an aggregate, or one awaiting a body): let go of when decided. */
  static final int LANE_KEPT = 2;

  private static final int[] NO_CONTRIBUTORS = new int[0];

  /** What only aggregates (window, evidence) and candidates (votes) need. */
  private static final class More {
    @Nullable String aggregateId;

    /** Contributing findings (rows, each holding a reference) until dropped past the horizon. */
    int[] contributors = NO_CONTRIBUTORS;

    /**
     * The evidence: incident ids in order without repeats, made from a copy of the contributors'
     * packed ids taken when the aggregate was raised, and still there once the contributors are
     * dropped. Each output gets its own {@link DeferredIds} over it: an output that is never
     * written never makes the ~10,000 strings, and the strings an output made die with it instead
     * of living as long as the aggregate.
     */
    java.util.function.@Nullable Supplier<List<String>> evidence;

    long windowFromMillis;
    @Nullable SortedMap<String, Vote> votes;
    @Nullable List<String> determinations;

    /** Engine clock when raised: only findings kept by id (aggregates, candidates) need it. */
    long raisedAtMillis;

    /** A match finding's incident, when some aggregate sums an expression over incidents. */
    @Nullable Incident incident;
  }

  private final String[] definitionIds;
  private int[] definition = new int[1024];
  private int[] version = new int[1024];
  private String[] actor = new String[1024];

  /**
   * The incident's id for a match finding, packed ({@link PackedIds}: no string per remembered
   * finding), {@link #AGGREGATE} in {@code idHigh} for an aggregate; {@code idString} holds an id
   * that does not fit, else null.
   */
  private long[] idLow = new long[1024];

  private long[] idHigh = new long[1024];
  private String[] idString = new String[1024];

  /** {@code idHigh} of an aggregate (never a packed value, nor {@link PackedIds#NONE}). */
  private static final long AGGREGATE = -2L;

  /** Event time: the incident's time, or the end of the aggregate's window. */
  private long[] eventMillis = new long[1024];

  private byte[] status = new byte[1024];

  /**
   * The next finding of the same incident (another definition), or -1: the revision index's list.
   */
  private int[] next = new int[1024];

  private int[] refs = new int[1024];
  private More[] more = new More[1024];
  private int used;

  /** The free rows of each lane, by lane. */
  private final FreeRows[] free = {new FreeRows(), new FreeRows(), new FreeRows()};

  /** Rows whose count reached zero (or that were made) since the last {@link #reclaim}. */
  private int[] pending = new int[64];

  private int pendingSize;

  /** Actors as one string each: a row keeps no per-incident string but its id. */
  private final HashMap<String, String> actors = new HashMap<>();

  FindingRows(String[] definitionIds) {
    this.definitionIds = definitionIds;
  }

  /**
   * A match finding on one incident ({@code incident} only when it must be kept, else null), whose
   * id the caller has packed ({@link PackedIds}: once per incident, for this row and the revision
   * index both), in a row of {@code lane} ({@link #LANE_HORIZON} and the others).
   */
  int match(
      int def,
      int version,
      String actor,
      String incidentId,
      long idLow,
      long idHigh,
      @Nullable Incident incident,
      long eventMillis,
      byte status,
      int lane) {
    int f = row(def, version, actor, eventMillis, status, lane);
    this.idHigh[f] = idHigh;
    this.idLow[f] = idLow;
    if (idHigh == PackedIds.NONE) {
      idString[f] = incidentId;
      this.status[f] |= HAS_REFS;
    }
    if (incident != null) {
      more(f).incident = incident;
    }
    return f;
  }

  /**
   * Copies of what an aggregate's outputs say about its contributors, taken from their rows in one
   * pass when it is raised (rows are reused once let go of): their packed incident ids, which its
   * evidence and its cause share; definitions and versions, for the cause's finding ids; the ids
   * that do not pack, as strings (null when all do). {@code nested}: some contributor is itself an
   * aggregate.
   */
  record ContributorIds(
      int[] contributors,
      long[] low,
      long[] high,
      int[] definitions,
      int[] versions,
      String @Nullable [] incidentStrings,
      String @Nullable [] findingStrings,
      boolean nested) {}

  /** The ids of {@code contributors} as an aggregate over them needs them. */
  ContributorIds copyIds(int[] contributors) {
    int n = contributors.length;
    long[] low = new long[n];
    long[] high = new long[n];
    int[] defs = new int[n];
    int[] versions = new int[n];
    String[] incidentStrings = null;
    String[] findingStrings = null;
    boolean nested = false;
    for (int i = 0; i < n; i++) {
      int c = contributors[i];
      long h = idHigh[c];
      low[i] = idLow[c];
      high[i] = h;
      defs[i] = definition[c];
      versions[i] = version[c];
      if (h == AGGREGATE || h == PackedIds.NONE) {
        if (findingStrings == null) {
          findingStrings = new String[n];
        }
        findingStrings[i] = id(c);
        if (h == AGGREGATE) {
          nested = true;
        } else {
          if (incidentStrings == null) {
            incidentStrings = new String[n];
          }
          incidentStrings[i] = idString[c];
        }
      }
    }
    return new ContributorIds(
        contributors, low, high, defs, versions, incidentStrings, findingStrings, nested);
  }

  /**
   * An aggregate finding {@code id} over the contributors of {@code ids} in the window (from, to];
   * takes a reference to each.
   */
  int aggregate(
      String id,
      int def,
      String actor,
      ContributorIds ids,
      long windowFromMillis,
      long windowToMillis,
      byte status) {
    int f = row(def, 1, actor, windowToMillis, status, LANE_KEPT);
    idHigh[f] = AGGREGATE;
    More m = more(f);
    m.aggregateId = id;
    m.evidence = evidenceOf(ids);
    m.contributors = ids.contributors();
    m.windowFromMillis = windowFromMillis;
    for (int c : ids.contributors()) {
      acquire(c);
    }
    return f;
  }

  /** A new row; the caller sets its id ({@code idHigh}, and {@code idLow} for a match). */
  private int row(int def, int ver, String who, long event, byte st, int lane) {
    // a lane looks as far as it must once more than an eighth of all rows are free, in any lane:
    // the table grows past that only for a lane with no free row at all
    int f = free[lane].take((long) freeRows() * 8 > used);
    if (f < 0) {
      if (used == definition.length) {
        grow();
      }
      f = used++;
      for (FreeRows l : free) {
        l.coverUpTo(used);
      }
    }
    definition[f] = def;
    version[f] = ver;
    String a = actors.get(who);
    if (a == null) {
      actors.put(who, who);
      a = who;
    }
    actor[f] = a;
    eventMillis[f] = event;
    status[f] = (byte) (st | lane << LANE_SHIFT);
    next[f] = -1;
    refs[f] = 0; // more[f] is null: reclaim cleared it, and a new row never had one
    pend(f); // freed at the next reclaim unless something takes it
    return f;
  }

  private void grow() {
    int n = definition.length * 2;
    definition = Arrays.copyOf(definition, n);
    version = Arrays.copyOf(version, n);
    actor = Arrays.copyOf(actor, n);
    idLow = Arrays.copyOf(idLow, n);
    idHigh = Arrays.copyOf(idHigh, n);
    idString = Arrays.copyOf(idString, n);
    eventMillis = Arrays.copyOf(eventMillis, n);
    status = Arrays.copyOf(status, n);
    next = Arrays.copyOf(next, n);
    refs = Arrays.copyOf(refs, n);
    more = Arrays.copyOf(more, n);
  }

  private More more(int f) {
    More m = more[f];
    if (m == null) {
      m = new More();
      more[f] = m;
      status[f] |= HAS_REFS;
    }
    return m;
  }

  void acquire(int f) {
    refs[f]++;
  }

  void release(int f) {
    if (--refs[f] == 0) {
      pend(f);
    }
  }

  private void pend(int f) {
    if (pendingSize == pending.length) {
      pending = Arrays.copyOf(pending, pendingSize * 2);
    }
    pending[pendingSize++] = f;
  }

  /**
   * Makes the rows no longer referenced reusable; call only when no handle is held outside the
   * references counted.
   */
  void reclaim() {
    for (int i = 0; i < pendingSize; i++) {
      int f = pending[i];
      byte st = status[f];
      if (refs[f] == 0 && st != FREE) {
        if ((st & HAS_REFS) != 0) {
          More m = more[f];
          if (m != null) {
            for (int c : m.contributors) {
              release(c); // may add to pending: reclaimed in this same pass
            }
            more[f] = null;
          }
          idString[f] = null;
        }
        status[f] = FREE; // the actor stays: one of a few shared strings, and row() overwrites it
        free[(st & LANE_BITS) >>> LANE_SHIFT].free(f);
      }
    }
    pendingSize = 0;
  }

  /** Rows in use (for tests: what reclaim leaves). */
  int live() {
    return used - freeRows();
  }

  private int freeRows() {
    return free[LANE_HORIZON].count() + free[LANE_WINDOW].count() + free[LANE_KEPT].count();
  }

  int definition(int f) {
    return definition[f];
  }

  String definitionId(int f) {
    return definitionIds[definition[f]];
  }

  int version(int f) {
    return version[f];
  }

  String actor(int f) {
    return actor[f];
  }

  /** The incident's id of a match finding (made from its packed form: for outputs only). */
  String incidentId(int f) {
    long high = idHigh[f];
    if (high == AGGREGATE) {
      throw new IllegalStateException("an aggregate has no incident of its own");
    }
    return high == PackedIds.NONE ? idString[f] : PackedIds.unpack(idLow[f], high);
  }

  long eventMillis(int f) {
    return eventMillis[f];
  }

  byte status(int f) {
    return (byte) (status[f] & STATUS_BITS);
  }

  FindingStatus findingStatus(int f) {
    return FindingStatus.ofCode(status(f));
  }

  void status(int f, byte s) {
    status[f] = (byte) ((status[f] & (HAS_REFS | LANE_BITS)) | s);
  }

  int next(int f) {
    return next[f];
  }

  void next(int f, int n) {
    next[f] = n;
  }

  /**
   * {@code <definition>/<incident>} (then {@code #2}, {@code #3} for later raises), or the
   * aggregate's own id.
   */
  String id(int f) {
    if (idHigh[f] == AGGREGATE) {
      return Objects.requireNonNull(more[f].aggregateId);
    }
    return matchId(definitionIds[definition[f]], incidentId(f), version[f]);
  }

  /** A match finding's id from its parts (the caller may hold the incident's id already). */
  static String matchId(String definition, String incident, int version) {
    return version == 1 ? definition + "/" + incident : definition + "/" + incident + "#" + version;
  }

  /**
   * When raised (engine clock); {@link Long#MIN_VALUE} for a confirmed match finding, which needs
   * none.
   */
  long raisedAtMillis(int f) {
    More m = more[f];
    return m == null ? Long.MIN_VALUE : m.raisedAtMillis;
  }

  /**
   * Notes when it was raised, for a finding kept by id: an aggregate, or one awaiting votes (after
   * {@link #awaitVotes}).
   */
  void raisedAtMillis(int f, long millis) {
    More m = more[f];
    if (m != null) {
      m.raisedAtMillis = millis;
    }
  }

  /**
   * The incident of a match finding when some aggregate sums an expression over incidents; null
   * otherwise.
   */
  @Nullable Incident incident(int f) {
    More m = more[f];
    return m == null ? null : m.incident;
  }

  boolean isAggregate(int f) {
    return idHigh[f] == AGGREGATE;
  }

  /** The contributing findings of an aggregate; empty for a match finding or once dropped. */
  int[] contributors(int f) {
    More m = more[f];
    return m == null ? NO_CONTRIBUTORS : m.contributors;
  }

  boolean hasContributor(int f, int c) {
    for (int x : contributors(f)) {
      if (x == c) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lets go of the contributors (past the revision horizon, or once withdrawn): the evidence was
   * copied when the aggregate was made, so an aggregate that waits long for its body keeps no row
   * or string of its incidents.
   */
  void dropContributors(int f) {
    if (!isAggregate(f)) {
      return;
    }
    More m = more[f];
    int[] contributors = m.contributors;
    m.contributors = NO_CONTRIBUTORS;
    for (int c : contributors) {
      release(c);
    }
  }

  long windowFromMillis(int f) {
    return isAggregate(f) ? more[f].windowFromMillis : eventMillis[f];
  }

  /**
   * Makes room for what a finding awaiting a body keeps: its votes and determinations, each made
   * with the first (most candidates at sensor rates never get one, and live as long as undecided).
   */
  void awaitVotes(int f) {
    more(f);
  }

  /** Votes so far, by party (after {@link #awaitVotes}). */
  SortedMap<String, Vote> votes(int f) {
    More m = Objects.requireNonNull(more[f], "awaitVotes first");
    SortedMap<String, Vote> votes = m.votes;
    if (votes == null) {
      votes = new TreeMap<>();
      m.votes = votes;
    }
    return votes;
  }

  /** Determinations counted so far (after {@link #awaitVotes}). */
  List<String> determinations(int f) {
    More m = Objects.requireNonNull(more[f], "awaitVotes first");
    List<String> determinations = m.determinations;
    if (determinations == null) {
      determinations = new ArrayList<>();
      m.determinations = determinations;
    }
    return determinations;
  }

  /** The evidence: the incident ids under this finding, in order, without repeats. */
  List<String> incidentIds(int f) {
    if (!isAggregate(f)) {
      return List.of(incidentId(f));
    }
    return new DeferredIds(Objects.requireNonNull(more[f].evidence));
  }

  /**
   * The incident ids under the contributors, in order, without repeats, as a list made when first
   * read from the copies in {@code ids}. When a contributor is itself an aggregate the ids are made
   * at once. Holds only the packed ids, which the evidence keeps as long as the aggregate.
   */
  private Supplier<List<String>> evidenceOf(ContributorIds ids) {
    if (ids.nested()) {
      LinkedHashSet<String> set = new LinkedHashSet<>();
      for (int d : ids.contributors()) {
        set.addAll(incidentIds(d));
      }
      List<String> made = List.copyOf(set);
      return () -> made;
    }
    long[] low = ids.low();
    long[] high = ids.high();
    String[] overflow = ids.incidentStrings();
    return () -> distinct(low, high, overflow);
  }

  /**
   * The finding ids of the contributors (an aggregate's cause), as a list made when first read from
   * the copies in {@code ids}.
   */
  List<String> findingIds(ContributorIds ids) {
    int n = ids.contributors().length;
    long[] low = ids.low();
    long[] high = ids.high();
    int[] defs = ids.definitions();
    int[] versions = ids.versions();
    String[] made = ids.findingStrings();
    String[] definitionIds = this.definitionIds;
    return new DeferredIds(
        () -> {
          String[] out = new String[n];
          for (int i = 0; i < n; i++) {
            out[i] =
                made != null && made[i] != null
                    ? made[i]
                    : matchId(
                        definitionIds[defs[i]], PackedIds.unpack(low[i], high[i]), versions[i]);
          }
          return List.of(out);
        });
  }

  /**
   * The ids, in order, without repeats: repeats are removed on the packed longs with an
   * open-addressing table (an aggregate of the benchmark's stream has ~10,000 contributors; one
   * pass, no object per id).
   */
  private static List<String> distinct(long[] low, long[] high, String @Nullable [] overflow) {
    // ids that do not pack (high == NONE) are in overflow, which exists exactly when there are some
    String[] strings = overflow != null ? overflow : new String[0];
    int n = low.length;
    String[] ids = new String[n];
    int[] table =
        new int[Integer.highestOneBit(Math.max(2, n)) << 2]; // positions + 1, at most half full
    int mask = table.length - 1;
    int count = 0;
    for (int i = 0; i < n; i++) {
      String string = high[i] == PackedIds.NONE ? strings[i] : null;
      long h = string != null ? string.hashCode() : low[i] * 0x9E3779B97F4A7C15L ^ high[i];
      int slot = (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & mask;
      boolean seen = false;
      for (int t; (t = table[slot]) != 0; slot = (slot + 1) & mask) {
        int j = t - 1;
        if (low[j] == low[i]
            && high[j] == high[i]
            && (string == null || string.equals(strings[j]))) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        table[slot] = i + 1;
        ids[count++] = string != null ? string : PackedIds.unpack(low[i], high[i]);
      }
    }
    return List.of(count == n ? ids : Arrays.copyOf(ids, count));
  }
}
