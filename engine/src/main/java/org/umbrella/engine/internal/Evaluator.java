package org.umbrella.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Expression;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.Recusal;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.EngineOptions;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.internal.Timers.Timer;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.Cause;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.OutputRecord;

/**
 * Applies an agreement to a stream of input records (LANGUAGE.md section 2; docs/engine.md).
 *
 * <p>Deterministic: every iteration that can reach the output runs in agreement-file order or in
 * arrival order; no hash order, no clock. Not thread-safe: one evaluator per stream.
 *
 * <p>Over 500 lines because what stays here (~1,250 lines as formatted) is one recursion:
 * guarantees, obligations, provisions and consequences live in {@link Commitments}; records and
 * timers, match findings with their revisions, determinations, and aggregate windows stay. These
 * are one recursion over the same rows: a withdrawn or confirmed finding re-runs the scans of the
 * aggregates over it, which raise or withdraw aggregates, which are confirmed or await a body in
 * turn, all within one record and with row handles valid only until {@link FindingRows#reclaim}.
 * The next seam is the aggregate scan ({@code recompute}, {@code holds}, {@code raise}: ~250 lines)
 * behind an interface for withdraw and confirm; not split yet.
 */
public final class Evaluator {
  private static final byte CANDIDATE = FindingRows.CANDIDATE;
  private static final byte CONFIRMED = FindingRows.CONFIRMED;
  private static final byte REJECTED = FindingRows.REJECTED;
  private static final byte WITHDRAWN = FindingRows.WITHDRAWN;

  private final Agreement agreement;
  private final long horizonMillis;
  private final PlaceIndex places;
  private final List<Finding> defs = new ArrayList<>();
  private final Map<String, Integer> defIndex = new HashMap<>();
  private final List<MatchDef> matchDefs = new ArrayList<>();
  private final AggDef[] aggByIndex;

  /**
   * Whether match findings keep their incident: only when some aggregate sums an expression over
   * incidents.
   */
  private final boolean keepIncidents;

  private final List<List<AggDef>> aggregatesOver = new ArrayList<>();

  // state
  private long now = Long.MIN_VALUE;
  private long seq;

  /**
   * Incidents that raised a match finding, by id, in the order first raised: the value is the row
   * of one of its findings in {@link #table}, the others linked from it (one per definition). A
   * withdrawn finding stays as a marker, so that a later raise gets the next version ({@code #2}).
   */
  private final RevisionIndex incidents = new RevisionIndex();

  /** Every remembered finding, as rows (docs/benchmarks.md: no object per finding). */
  private final FindingRows table;

  /** Lets go of the findings of an incident the revision index forgets. */
  private final IntConsumer forgetIncident = this::releaseIncident;

  /**
   * Findings kept by id (aggregates, candidates): rows of {@link #table}, each holding a reference.
   */
  private final RowsById findings;

  /** Findings in {@link #findings}, in the order raised, for eviction past the revision horizon. */
  private final ArrayDeque<Integer> findingsByAge = new ArrayDeque<>();

  private final int[] aggregateCount;

  /**
   * Per definition deciding within a span: the fixed words of its overdue alert (made when first
   * needed).
   */
  private final String[][] overdueWords;

  private final List<Map<String, WindowState>> windows = new ArrayList<>();

  /** Per aggregate definition index: from a window end, when the definition is armed again. */
  private final List<LongUnaryOperator> armedAfter = new ArrayList<>();

  /**
   * Guarantees, obligations, provisions and consequences: what follows from confirmed findings and
   * deadlines.
   */
  private final Commitments commitments;

  private long alertCount;
  private final Timers timers = new Timers();

  /** Where {@link #process}'s outputs go; {@link #nowhere} between records. */
  private Consumer<OutputRecord> sink = Evaluator::nowhere;

  private @Nullable Instant nowInstant;
  private long nowInstantMillis;

  /** Parties as numbers, each definition's {@code by} as a bit set over them. */
  private final PartyBits parties = new PartyBits();

  private record MatchDef(
      int index,
      MatchFinding def,
      boolean[] kinds,
      ReviewStatus minStatus,
      int @Nullable [] within,
      Optional<Expression> when,
      int by) {}

  private record AggDef(
      int index,
      AggregateFinding def,
      int over,
      Optional<Expression> sumOf,
      double sumAtLeast,
      int countAtLeast,
      int distinctDays,
      long windowMillis,
      int by) {}

  /**
   * What a timer does when it falls due (package-private: {@link Commitments} sets most of them).
   */
  enum TimerKind {
    GUARANTEE_ACTIVATE,
    PROVISION_IN_FORCE,
    GUARANTEE_EXPIRE,
    PROVISION_DUE,
    DECIDE_DUE,
    OBLIGATION_DUE
  }

  /**
   * Compiles {@code agreement}: places indexed, definitions resolved, fixed-date timers scheduled.
   */
  @SuppressWarnings("EnumOrdinal") // kinds as a boolean array by ordinal: see incident(Incident)
  public Evaluator(Agreement agreement, EngineOptions options) {
    this.agreement = agreement;
    this.horizonMillis = options.revisionHorizon().toMillis();
    Map<String, Geometry> geometries = new LinkedHashMap<>();
    agreement.places().forEach((id, p) -> geometries.put(id, p.geometry()));
    this.places = new PlaceIndex(geometries);
    for (Finding f : agreement.findings().values()) {
      defIndex.put(f.id(), defs.size());
      defs.add(f);
      aggregatesOver.add(new ArrayList<>());
    }
    String[] definitionIds = new String[defs.size()];
    for (int k = 0; k < definitionIds.length; k++) {
      definitionIds[k] = defs.get(k).id();
    }
    table = new FindingRows(definitionIds);
    findings = new RowsById(table::id);
    aggByIndex = new AggDef[defs.size()];
    aggregateCount = new int[defs.size()];
    overdueWords = new String[defs.size()][];
    for (int k = 0; k < defs.size(); k++) {
      windows.add(null);
      armedAfter.add(null);
    }
    for (Finding f : defs) {
      int i = Objects.requireNonNull(defIndex.get(f.id()));
      switch (f) {
        case MatchFinding m -> {
          boolean[] kinds = new boolean[Kind.values().length];
          for (String k : m.kinds()) {
            Kind.fromWire(k).ifPresent(kind -> kinds[kind.ordinal()] = true);
          }
          if (m.kinds().isEmpty()) {
            Arrays.fill(kinds, true);
          }
          int[] within = null;
          if (!m.within().isEmpty()) {
            within = new int[m.within().size()];
            for (int k = 0; k < within.length; k++) {
              String p = m.within().get(k);
              within[k] = places.indexOf(p);
              if (within[k] < 0) {
                throw new EngineException(
                    "finding '" + m.id() + "' names unknown place '" + p + "'");
              }
            }
          }
          matchDefs.add(
              new MatchDef(i, m, kinds, m.status(), within, m.when(), parties.filter(m.by())));
        }
        case AggregateFinding a -> {
          Integer over = defIndex.get(a.over());
          if (over == null) {
            throw new EngineException(
                "finding '" + a.id() + "' aggregates unknown finding '" + a.over() + "'");
          }
          AggDef d =
              switch (a.threshold()) {
                case AggregateFinding.Threshold.Count c ->
                    new AggDef(
                        i,
                        a,
                        over,
                        Optional.empty(),
                        0,
                        c.atLeast(),
                        a.distinctDays().orElse(0),
                        a.window().fixedLength().map(Duration::toMillis).orElse(-1L),
                        parties.filter(a.by()));
                case AggregateFinding.Threshold.Sum s ->
                    new AggDef(
                        i,
                        a,
                        over,
                        Optional.of(s.of()),
                        s.atLeast(),
                        0,
                        a.distinctDays().orElse(0),
                        a.window().fixedLength().map(Duration::toMillis).orElse(-1L),
                        parties.filter(a.by()));
              };
          aggByIndex[i] = d;
          armedAfter.set(i, end -> windowEndLimit(d, end));
          aggregatesOver.get(over).add(d);
          windows.set(i, new LinkedHashMap<>());
        }
      }
    }
    boolean sums = false;
    for (AggDef a : aggByIndex) {
      sums |= a != null && a.sumOf.isPresent();
    }
    keepIncidents = sums;
    commitments = new Commitments(agreement, defIndex, table, effects());
  }

  /** What {@link Commitments} may do: emit, alert and set timers, in this evaluator's order. */
  private Commitments.Effects effects() {
    return new Commitments.Effects() {
      @Override
      public void emit(OutputRecord r) {
        Evaluator.this.emit(r);
      }

      @Override
      public void alert(
          Instant at, List<String> to, String about, String reason, String message, Cause cause) {
        Evaluator.this.alert(at, to, about, reason, message, cause);
      }

      @Override
      public void schedule(long at, TimerKind kind, String ref) {
        Evaluator.this.schedule(at, kind, ref);
      }
    };
  }

  /** Rows of remembered findings in use (for tests: state stays bounded by the stream's rate). */
  int findingRows() {
    return table.live();
  }

  /** The agreement this evaluator applies. */
  public Agreement agreement() {
    return agreement;
  }

  /**
   * The earliest deadline still scheduled (it may turn out to fire nothing, as when the obligation
   * it watches was answered), or empty when none is.
   */
  public Optional<Instant> nextDeadline() {
    Timer next = timers.peek();
    return next == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next.at()));
  }

  /**
   * The trusted clock: the latest record time processed (or deadline fired), or null before the
   * first record.
   */
  public @Nullable Instant clock() {
    return now == Long.MIN_VALUE ? null : Instant.ofEpochMilli(now);
  }

  /**
   * Processes one record recorded at {@code recordedAt} (trusted time): first every deadline at or
   * before that time, then the record itself at the trusted clock. The record's own time is a claim
   * and only places an incident in windows. Outputs go to {@code out} in a deterministic order.
   */
  public void process(InputRecord record, Instant recordedAt, Consumer<OutputRecord> out) {
    this.sink = out;
    long t = recordedAt.toEpochMilli();
    fireTimersThrough(t);
    if (t > now) {
      now = t;
    }
    if (now == t) {
      // the caller's instant is the clock's: the outputs stamped with it need no copy of their own
      nowInstant = recordedAt;
      nowInstantMillis = t;
    }
    switch (record) {
      case Incident i -> incident(i);
      case Determination d -> determination(d);
      case Response r -> commitments.response(r, Instant.ofEpochMilli(now));
      case ProvisionReport p -> commitments.provisionReport(p, Instant.ofEpochMilli(now));
      case Tick tick -> {}
    }
    evict();
    this.sink = Evaluator::nowhere;
    table.reclaim();
  }

  // ---------------------------------------------------------------- timers

  private void schedule(long at, TimerKind kind, String ref) {
    timers.add(new Timer(at, seq++, kind, ref, -1));
  }

  private void fireTimersThrough(long t) {
    for (Timer next; (next = timers.peek()) != null && next.at() <= t; ) {
      Timer timer = timers.poll();
      if (timer.at() > now) {
        now = timer.at();
      }
      fire(timer);
    }
  }

  private void fire(Timer timer) {
    Instant at = Instant.ofEpochMilli(timer.at());
    switch (timer.kind()) {
      case PROVISION_IN_FORCE,
          GUARANTEE_ACTIVATE,
          GUARANTEE_EXPIRE,
          PROVISION_DUE,
          OBLIGATION_DUE ->
          commitments.fire(timer.kind(), timer.ref(), at);
      case DECIDE_DUE -> {
        int f = timer.row();
        table.release(f); // the row stays usable until the record's reclaim
        // still undecided: ids are never reused, so this is the finding kept by this id (a decided
        // one may have been forgotten by id since; it is not a candidate)
        if (table.status(f) == CANDIDATE) {
          String id = timer.ref(); // the finding's id: made once, when it was kept
          int d = table.definition(f);
          Finding def = defs.get(d);
          Body body = deciding(def);
          String[] words = overdueWords[d];
          if (words == null) {
            // the same for every finding of the definition: made once, not per deadline
            String within = def.decideWithin().orElseThrow().toString();
            words =
                new String[] {
                  body.id() + " did not decide on ",
                  " within "
                      + within
                      + "; the finding stays candidate and the body is in breach of its own duty to decide",
                  "decide-within " + within + " from "
                };
            overdueWords[d] = words;
          }
          alert(
              at,
              body.members(),
              id,
              "decision-overdue",
              words[0] + id + words[1],
              new Cause(
                  def.id(),
                  words[2] + IsoInstants.format(table.raisedAtMillis(f)),
                  List.of(),
                  List.of(id)));
        }
      }
    }
  }

  // ---------------------------------------------------------------- incidents and match findings

  // a boolean per kind indexed by ordinal: the cheapest set test on the hot path; the array is
  // built
  // from Kind.values() in the constructor, so the two cannot disagree
  @SuppressWarnings("EnumOrdinal")
  private void incident(Incident incident) {
    // the index lookup misses the cache: start it now, finish it when the first definition needs it
    byte homeTag = incidents.homeTag(incident.id());
    int slots = -1;
    int expired = -1;
    boolean looked = false;
    boolean present = false;
    boolean stored = false;
    // the id packed once (PackedIds), for the findings' rows and the index both
    long idLow = 0;
    long idHigh = PackedIds.NONE;
    Instant at = null;
    boolean placeSet = false;
    Map<String, Object> activation = null;
    int sources = -1;
    String partyName = incident.actor().party();
    int party = parties.id(partyName);
    for (int k = 0; k < matchDefs.size(); k++) {
      MatchDef m = matchDefs.get(k);
      boolean ok = m.kinds[incident.kind().ordinal()] && incident.status().satisfies(m.minStatus);
      if (ok && m.def.sources() > 1) {
        if (sources < 0) {
          sources = incident.independentSources();
        }
        ok = sources >= m.def.sources();
      } else if (ok && m.def.sources() == 1) {
        ok = !incident.sources().isEmpty();
      }
      ok = ok && parties.admits(m.by, party, partyName);
      if (ok && m.within != null) {
        if (!placeSet) {
          places.at(incident.place().lon(), incident.place().lat());
          placeSet = true;
        }
        boolean inside = false;
        for (int p : m.within) {
          if (places.covers(p)) {
            inside = true;
            break;
          }
        }
        ok = inside;
      }
      if (ok && m.when.isPresent()) {
        if (activation == null) {
          activation = IncidentActivation.of(incident);
        }
        try {
          ok = m.when.get().testActivation(activation);
        } catch (RuntimeException e) {
          // one bad condition must not halt enforcement: not met for this record, and said
          ok = false;
          alert(
              nowInstant(),
              List.of(),
              incident.id(),
              "condition-failed",
              "condition of finding '"
                  + m.def.id()
                  + "' failed on incident '"
                  + incident.id()
                  + "': "
                  + e.getMessage()
                  + "; counted as not met",
              new Cause(
                  m.def.id(),
                  "a condition that fails at run time counts as not met",
                  List.of(incident.id()),
                  List.of()));
        }
      }
      if (!looked) {
        slots = incidents.get(incident.id(), homeTag);
        present = slots >= 0;
        if (slots >= 0 && incidents.timeOf(incident.id()) < now - horizonMillis) {
          // Rule 2's horizon holds at the lookup too (defect 2): a version recorded more than the
          // horizon ago is not revised but counts as a new incident, even if eviction has not
          // reached it yet. Its findings are numbered on from the old ones, so that no id is
          // reused.
          expired = slots;
          slots = -1;
        }
        looked = true;
      }
      int old = slot(slots, m);
      if (!ok && old < 0) {
        continue;
      }
      if (at == null) {
        at = nowInstant();
      }
      boolean live = old >= 0 && table.status(old) != WITHDRAWN;
      if (live) {
        String why =
            !ok
                ? "the revised incident no longer satisfies the definition"
                : !table.actor(old).equals(incident.actor().party())
                    ? "the incident was re-attributed from '"
                        + table.actor(old)
                        + "' to '"
                        + incident.actor().party()
                        + "'"
                    : table.eventMillis(old) != incident.time().toEpochMilli()
                        ? "the incident was re-dated from "
                            + Instant.ofEpochMilli(table.eventMillis(old))
                            + " to "
                            + incident.time()
                        : summedDiffers(m, old, incident)
                            ? "the revised incident changes what an aggregate sums over it"
                            : null;
        if (why != null) {
          // findings are never edited in place: withdrawn, and raised anew below if it still
          // matches
          withdraw(old, at, why, List.of(incident.id()), List.of());
          live = false;
        }
      }
      if (ok && !live) {
        // Only incidents that raised something are remembered: a revision of any other is new
        // evidence anyway.
        int before = old >= 0 ? old : slot(expired, m);
        if (!stored) {
          idLow = PackedIds.low(incident.id());
          idHigh = PackedIds.high(incident.id());
        }
        int version = before < 0 ? 1 : table.version(before) + 1;
        slots = store(slots, old, raiseMatch(m, incident, party, idLow, idHigh, at, version));
        stored = true;
      }
    }
    if (stored) {
      if (expired >= 0) {
        releaseIncident(expired); // replaced: the new version's findings are numbered on from these
      }
      // also when the list changed in place: its eviction time may have changed with it
      // forgotten in record order: the trusted clock when this version was recorded
      if (present) {
        incidents.put(incident.id(), idLow, idHigh, slots, now);
      } else {
        incidents.putAbsent(incident.id(), idLow, idHigh, slots, now); // looked up just above
      }
    }
  }

  /** Lets go of the revision index's reference to each finding of one incident. */
  private void releaseIncident(int head) {
    for (int f = head; f >= 0; ) {
      int next = table.next(f);
      table.release(f);
      f = next;
    }
  }

  /**
   * The sum expression's value for an incident, or NaN when it fails (then any revision differs).
   */
  private static double value(Expression of, Incident incident) {
    try {
      return of.number(IncidentActivation.of(incident));
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Whether an aggregate summing over {@code m}'s findings would count the revision differently.
   */
  private boolean summedDiffers(MatchDef m, int old, Incident revised) {
    Incident before = table.incident(old);
    if (before == null) {
      return false;
    }
    for (AggDef a : aggregatesOver.get(m.index)) {
      if (a.sumOf.isPresent() && value(a.sumOf.get(), before) != value(a.sumOf.get(), revised)) {
        return true;
      }
    }
    return false;
  }

  /** The finding of {@code m} among an incident's findings listed from {@code head}, or -1. */
  private int slot(int head, MatchDef m) {
    for (int f = head; f >= 0; f = table.next(f)) {
      if (table.definition(f) == m.index) {
        return f;
      }
    }
    return -1;
  }

  /**
   * The incident's list of findings from {@code head} with {@code f} in place of {@code old} (or
   * added when -1); the list holds a reference to each, and lets go of the one replaced.
   */
  private int store(int head, int old, int f) {
    table.acquire(f);
    if (old < 0) {
      table.next(f, head);
      return f;
    }
    table.next(f, table.next(old));
    table.release(old);
    if (head == old) {
      return f;
    }
    int p = head;
    while (table.next(p) != old) {
      p = table.next(p);
    }
    table.next(p, f);
    return head;
  }

  private int raiseMatch(
      MatchDef m, Incident incident, int party, long idLow, long idHigh, Instant at, int version) {
    boolean determined = m.def.determinedBy().isPresent();
    int f =
        table.match(
            m.index,
            version,
            incident.actor().party(),
            incident.id(),
            idLow,
            idHigh,
            keepIncidents ? incident : null,
            incident.time().toEpochMilli(),
            determined ? CANDIDATE : CONFIRMED,
            determined
                ? FindingRows.LANE_KEPT
                : countedByWindow(m.index, party, incident.actor().party())
                    ? FindingRows.LANE_WINDOW
                    : FindingRows.LANE_HORIZON);
    if (determined) {
      table.awaitVotes(
          f); // kept by id until decided: it needs room for its votes and the time it was raised
      table.raisedAtMillis(f, at.toEpochMilli());
    }
    List<String> evidence = List.of(incident.id());
    // the id from the incident's own string: the row keeps it packed
    String id = FindingRows.matchId(m.def.id(), incident.id(), version);
    emit(
        new FindingRecord(
            id,
            at,
            m.def.id(),
            table.findingStatus(f),
            table.actor(f),
            evidence,
            Optional.empty(),
            new Cause(m.def.id(), "the incident matches", evidence, List.of())));
    if (determined) {
      awaitDetermination(f, id, at);
    } else {
      confirmed(f, at);
    }
    return f;
  }

  /**
   * Whether a confirmed finding of definition {@code def} by {@code party} (its number, named
   * {@code actor}) would be counted by some aggregate's window: its row then lives as long as the
   * window keeps it, and goes in the lane of rows that do.
   */
  private boolean countedByWindow(int def, int party, String actor) {
    List<AggDef> over = aggregatesOver.get(def);
    for (int i = 0; i < over.size(); i++) {
      if (parties.admits(over.get(i).by, party, actor)) {
        return true;
      }
    }
    return false;
  }

  private void withdraw(int f, Instant at, String why, List<String> inputs, List<String> outputs) {
    byte before = table.status(f);
    if (before == WITHDRAWN || before == REJECTED) {
      return;
    }
    table.status(f, WITHDRAWN);
    Finding def = defs.get(table.definition(f));
    emit(
        new FindingRecord(
            table.id(f),
            at,
            def.id(),
            FindingStatus.WITHDRAWN,
            table.actor(f),
            table.incidentIds(f),
            window(f),
            new Cause(def.id(), "withdrawn: " + why, inputs, outputs)));
    if (before == CONFIRMED) {
      retracted(f, at);
    }
  }

  private Optional<FindingRecord.Window> window(int f) {
    return table.isAggregate(f)
        ? Optional.of(
            new FindingRecord.Window(
                Instant.ofEpochMilli(table.windowFromMillis(f)),
                Instant.ofEpochMilli(table.eventMillis(f))))
        : Optional.empty();
  }

  // ---------------------------------------------------------------- determinations

  private void awaitDetermination(int f, String id, Instant at) {
    table.awaitVotes(f);
    keepById(f, id);
    Finding def = defs.get(table.definition(f));
    Body body = deciding(def);
    int eligible = 0;
    for (String m : body.members()) {
      if (mayVote(body, m, f)) {
        eligible++;
      }
    }
    if (eligible < body.quorum()) {
      alert(
          at,
          body.members(),
          id,
          "quorum-unreachable",
          body.id()
              + " cannot reach its quorum of "
              + body.quorum()
              + " on "
              + id
              + ": only "
              + eligible
              + " members may vote after recusal",
          new Cause(
              def.id(),
              "quorum " + body.quorum() + ", " + eligible + " eligible",
              List.of(),
              List.of(id)));
    }
    def.decideWithin()
        .ifPresent(
            w -> {
              table.acquire(f);
              // one lane a definition: its deadlines fall due in the order they are set
              timers.add(
                  table.definition(f),
                  new Timer(w.addTo(at).toEpochMilli(), seq++, TimerKind.DECIDE_DUE, id, f));
            });
  }

  /**
   * Keeps {@code f} by id (an aggregate, or a finding awaiting a body) until past the horizon and
   * decided.
   */
  private void keepById(int f, String id) {
    if (findings.putIfAbsent(id, f)) {
      table.acquire(f);
      findingsByAge.addLast(f);
    }
  }

  private List<String> eligible(Body body, int f) {
    List<String> out = new ArrayList<>();
    for (String m : body.members()) {
      if (mayVote(body, m, f)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether member {@code m} of {@code body} may vote on {@code f} (not recused from it). */
  private boolean mayVote(Body body, String m, int f) {
    return !(body.recusal() == Recusal.CONCERNED && m.equals(table.actor(f)));
  }

  private void determination(Determination d) {
    Instant at = Instant.ofEpochMilli(now);
    int f = findings.get(d.finding());
    Body body = agreement.bodies().get(d.body());
    List<String> to = body == null ? List.of() : body.members();
    if (f < 0) {
      alert(
          at,
          to,
          d.id(),
          "determination-ignored",
          "determination "
              + d.id()
              + " names finding '"
              + d.finding()
              + "', which is not awaiting a determination",
          new Cause(d.body(), "unknown finding", List.of(d.id()), List.of()));
      return;
    }
    Finding def = defs.get(table.definition(f));
    if (body == null || !def.determinedBy().orElse("").equals(body.id())) {
      Body rightful = agreement.bodies().get(def.determinedBy().orElse(""));
      alert(
          at,
          rightful == null ? to : rightful.members(),
          d.id(),
          "determination-ignored",
          "determination "
              + d.id()
              + " comes from '"
              + d.body()
              + "', but "
              + table.id(f)
              + " is determined by '"
              + def.determinedBy().orElse("nobody")
              + "'",
          new Cause(def.id(), "wrong body", List.of(d.id()), List.of(table.id(f))));
      return;
    }
    if (table.status(f) != CANDIDATE) {
      alert(
          at,
          to,
          d.id(),
          "determination-ignored",
          "determination "
              + d.id()
              + " on "
              + table.id(f)
              + " comes after it was "
              + table.findingStatus(f).wireName(),
          new Cause(
              def.id(),
              "already " + table.findingStatus(f).wireName(),
              List.of(d.id()),
              List.of(table.id(f))));
      return;
    }
    List<String> eligible = eligible(body, f);
    List<String> ignored = new ArrayList<>();
    d.votes()
        .forEach(
            (party, vote) -> {
              if (eligible.contains(party)) {
                table.votes(f).put(party, vote);
              } else {
                ignored.add(
                    party
                        + (body.members().contains(party)
                            ? " (recused: named in the finding)"
                            : " (not a member)"));
              }
            });
    table.determinations(f).add(d.id());
    int yes = 0;
    int no = 0;
    for (Vote v : table.votes(f).values()) {
      if (v == Vote.CONFIRM) {
        yes++;
      } else if (v == Vote.REJECT) {
        no++;
      }
    }
    int cast = table.votes(f).size();
    int n = eligible.size();
    String tally =
        body.rule()
            + " of "
            + n
            + " eligible"
            + (n < body.members().size()
                ? " ("
                    + String.join(
                        ", ", body.members().stream().filter(m -> !eligible.contains(m)).toList())
                    + " recused)"
                : "")
            + ": "
            + yes
            + " confirm, "
            + no
            + " reject, "
            + (cast - yes - no)
            + " abstain; quorum "
            + body.quorum()
            + (ignored.isEmpty() ? "" : "; votes not counted: " + String.join(", ", ignored));
    FindingStatus outcome = null;
    if (cast >= body.quorum() && body.rule().passes(yes, no, n)) {
      outcome = FindingStatus.CONFIRMED;
    } else if (!body.rule().passes(yes + (n - cast), no, n)) {
      outcome = FindingStatus.REJECTED;
    }
    if (!ignored.isEmpty()) {
      // also when this determination decides (defect 3: the alert was skipped then)
      alert(
          at,
          to,
          d.id(),
          "votes-not-counted",
          tally,
          new Cause(def.id(), tally, List.of(d.id()), List.of(table.id(f))));
    }
    if (outcome == null) {
      return;
    }
    table.status(f, outcome == FindingStatus.CONFIRMED ? CONFIRMED : REJECTED);
    emit(
        new FindingRecord(
            table.id(f),
            at,
            def.id(),
            outcome,
            table.actor(f),
            table.incidentIds(f),
            window(f),
            new Cause(def.id(), tally, table.determinations(f), List.of())));
    if (outcome == FindingStatus.CONFIRMED) {
      confirmed(f, at);
    }
  }

  // ---------------------------------------------------------------- confirmed findings and what
  // follows

  private void confirmed(int f, Instant at) {
    String actor = table.actor(f);
    int party = parties.id(actor);
    List<AggDef> over = aggregatesOver.get(table.definition(f));
    for (int i = 0; i < over.size(); i++) { // indexed: no iterator per confirmed finding
      AggDef a = over.get(i);
      if (parties.admits(a.by, party, actor)) {
        addToAggregate(a, f, at);
      }
    }
    commitments.confirmed(f, defs.get(table.definition(f)).id(), at);
  }

  /**
   * A confirmed finding no longer stands: every aggregate counting it drops it and re-runs its
   * scan.
   */
  private void retracted(int f, Instant at) {
    for (AggDef a : aggregatesOver.get(table.definition(f))) {
      WindowState w = windows.get(a.index).get(table.actor(f));
      if (w == null) {
        continue;
      }
      if (w.remove(f)) {
        recompute(a, w, f, true, at);
        continue;
      }
      // Not held: too late to be counted, or older than the windows keep. An aggregate still on it
      // is withdrawn; the windows it leaves are not scanned again (their evidence is gone).
      for (int r : new ArrayList<>(w.chain)) {
        if (table.hasContributor(r, f)) {
          w.chain.remove(Integer.valueOf(r));
          table.release(r);
          withdraw(
              r,
              at,
              "its evidence " + table.id(f) + " was withdrawn",
              List.of(),
              List.of(table.id(f)));
        }
      }
    }
  }

  private void addToAggregate(AggDef a, int f, Instant at) {
    if (table.eventMillis(f) <= now - horizonMillis) {
      // Its windows may already be forgotten: counting it with part of them would not be rule 3.
      alert(
          at,
          List.of(),
          table.id(f),
          "evidence-too-late",
          table.id(f)
              + " happened at "
              + Instant.ofEpochMilli(table.eventMillis(f))
              + ", more than the revision horizon before the engine clock "
              + at
              + ": it is not counted by "
              + a.def.id(),
          new Cause(
              a.def.id(),
              "evidence older than the revision horizon "
                  + Duration.ofMillis(horizonMillis)
                  + " is not counted in windows",
              List.of(),
              List.of(table.id(f))));
      return;
    }
    Map<String, WindowState> byActor = windows.get(a.index);
    WindowState w = byActor.get(table.actor(f));
    if (w == null) {
      w = new WindowState(table, a.sumOf.isPresent());
      byActor.put(table.actor(f), w);
    }
    double value = a.sumOf.isPresent() ? sum(a.sumOf.get(), f) : 0;
    w.insert(f, value);
    w.counted(now, table.eventMillis(f));
    recompute(a, w, f, false, at);
    // Keep every entry a rescan can still need: a change can come from a finding up to the horizon
    // behind the clock (later ones are not counted), or from a revision of a finding counted within
    // the horizon (later ones are forgotten), and its windows reach one window before it. On a
    // time-ordered stream that is the horizon plus one window; late findings keep their neighbours.
    long reachable = Math.min(now - horizonMillis, w.earliestCountedAfter(now - horizonMillis));
    w.evictThrough(windowStart(a, reachable), armedAfter.get(a.index));
  }

  /**
   * Re-runs rule 3's left-to-right scan for one actor of one aggregate from the event time of
   * {@code changed} (just inserted, or just {@code removed}) and brings the chain to it. Windows
   * ending before that time cannot see the change, so the chain before it stands; the scan goes on
   * until its windows no longer contain the change and it is armed from the same instant as the old
   * chain, after which both agree. Aggregates of the old chain that the new scan does not raise, or
   * that rest on a removed finding, are withdrawn; windows the new scan raises that are not
   * standing are raised. An aggregate that stands in both keeps the evidence it was raised on.
   */
  private void recompute(AggDef a, WindowState w, int changed, boolean removed, Instant at) {
    long t = table.eventMillis(changed);
    int k = w.chainFrom(t);
    long armed =
        k > 0 ? windowEndLimit(a, table.eventMillis(w.chain.get(k - 1))) : w.prunedArmedFrom;
    long reach = windowEndLimit(a, t);
    // the old chain from k on, read in place: a view object per confirmed finding is garbage
    List<Integer> chain = w.chain;
    int oldSize = chain.size() - k;
    long oldArmed = armed;
    int passed = 0;
    int stop = -1;
    List<Long> ends = null;
    int i = w.firstAfter(t - 1);
    while (i < w.end()) {
      long e = w.time(i);
      while (passed < oldSize && table.eventMillis(chain.get(k + passed)) < e) {
        oldArmed = windowEndLimit(a, table.eventMillis(chain.get(k + passed)));
        passed++;
      }
      if (e >= reach && oldArmed == armed) {
        stop = passed;
        break;
      }
      if (e < armed) {
        i = w.firstAfter(armed - 1);
      } else if (holds(a, w, e)) {
        if (ends == null) {
          ends = new ArrayList<>(2);
        }
        ends.add(e);
        armed = windowEndLimit(a, e);
        i = w.firstAfter(armed - 1);
      } else {
        i = w.firstAfter(e);
      }
    }
    if (stop < 0) {
      stop = oldSize;
    }
    if (stop == 0 && ends == null) {
      return;
    }
    List<Integer> affected = new ArrayList<>(chain.subList(k, k + stop));
    List<Integer> kept = new ArrayList<>(affected.size());
    List<Integer> gone = new ArrayList<>(affected.size());
    for (int r : affected) {
      if (ends != null
          && ends.contains(table.eventMillis(r))
          && !(removed && table.hasContributor(r, changed))) {
        kept.add(r);
        ends.remove(table.eventMillis(r));
      } else {
        gone.add(r);
      }
    }
    chain.subList(k, k + stop).clear();
    w.chain.addAll(k, kept);
    for (int r : gone) {
      table.release(r); // out of the chain; kept by id for this record at least
      String why =
          removed && table.hasContributor(r, changed)
              ? "its evidence " + table.id(changed) + " was withdrawn"
              : removed
                  ? "the windows were scanned again when "
                      + table.id(changed)
                      + " was withdrawn, and this one no longer comes first"
                  : "late evidence "
                      + table.id(changed)
                      + " makes an earlier window hold, which disarms this one (rule 3)";
      withdraw(r, at, why, List.of(), List.of(table.id(changed)));
    }
    if (ends != null) {
      for (long e : ends) {
        int f = raise(a, w, e, at);
        w.chain.add(w.chainFrom(e), f);
        table.acquire(f);
        if (a.def.determinedBy().isPresent()) {
          awaitDetermination(f, table.id(f), at);
        } else {
          confirmed(f, at);
        }
      }
    }
  }

  private static long windowStart(AggDef a, long endMillis) {
    return a.windowMillis >= 0
        ? endMillis - a.windowMillis
        : a.def.window().subtractFrom(Instant.ofEpochMilli(endMillis)).toEpochMilli();
  }

  private static long windowEndLimit(AggDef a, long startMillis) {
    return a.windowMillis >= 0
        ? startMillis + a.windowMillis
        : a.def.window().addTo(Instant.ofEpochMilli(startMillis)).toEpochMilli();
  }

  /** Whether the window (end - window, end] holds for the definition's threshold. */
  private boolean holds(AggDef a, WindowState w, long end) {
    int from = w.firstAfter(windowStart(a, end));
    int to = w.endThrough(end);
    int count = to - from;
    if (count <= 0 || (a.countAtLeast > 0 && count < a.countAtLeast)) {
      return false;
    }
    if (a.sumOf.isPresent()) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += w.value(i);
      }
      if (sum < a.sumAtLeast) {
        return false;
      }
    }
    return a.distinctDays <= 0 || distinctDays(w, from, to, a.distinctDays) >= a.distinctDays;
  }

  /** UTC days among entries [from, to), counting at most up to {@code enough}. */
  private static int distinctDays(WindowState w, int from, int to, int enough) {
    int days = 0;
    // entries are in time order: jump from each day to the first entry after it
    for (int i = from; i < to && days < enough; days++) {
      long dayEnd = (Math.floorDiv(w.time(i), 86_400_000L) + 1) * 86_400_000L - 1;
      i = w.firstAfter(dayEnd, i + 1, to);
    }
    return days;
  }

  /** Raises an aggregate finding for the window (start, end], which holds, and emits it. */
  private int raise(AggDef a, WindowState w, long end, Instant at) {
    long start = windowStart(a, end);
    int from = w.firstAfter(start);
    int to = w.endThrough(end);
    int count = to - from;
    double sum = 0;
    if (a.sumOf.isPresent()) {
      for (int i = from; i < to; i++) {
        sum += w.value(i);
      }
    }
    int days = a.distinctDays > 0 ? distinctDays(w, from, to, Integer.MAX_VALUE) : 0;
    int[] contributors = w.slice(from, to);
    String actor = table.actor(contributors[0]);
    int n = ++aggregateCount[a.index];
    String id = a.def.id() + "/" + n;
    boolean determined = a.def.determinedBy().isPresent();
    FindingRows.ContributorIds ids = table.copyIds(contributors);
    int f =
        table.aggregate(id, a.index, actor, ids, start, end, determined ? CANDIDATE : CONFIRMED);
    table.raisedAtMillis(f, at.toEpochMilli());
    keepById(f, id);
    List<String> from_ = table.findingIds(ids); // made when read: the Cause keeps it without a copy
    String rule =
        (a.sumOf.isPresent()
                ? "sum of "
                    + a.sumOf.get().source()
                    + " = "
                    + number(sum)
                    + " >= "
                    + number(a.sumAtLeast)
                    + " over "
                    + count
                    + " findings"
                : count + " findings >= " + a.countAtLeast)
            + " of "
            + a.def.over()
            + (actor.isEmpty() ? " (unattributed)" : " by " + actor)
            + " in the "
            + a.def.window()
            + " window ("
            + Instant.ofEpochMilli(start)
            + ", "
            + Instant.ofEpochMilli(end)
            + "]"
            + (a.distinctDays > 0 ? " on " + days + " distinct days >= " + a.distinctDays : "");
    emit(
        new FindingRecord(
            id,
            at,
            a.def.id(),
            table.findingStatus(f),
            actor,
            table.incidentIds(f),
            window(f),
            new Cause(a.def.id(), rule, List.of(), from_)));
    return f;
  }

  /** A contributor's incident, which is kept whenever some aggregate sums an expression over it. */
  private Incident keptIncident(int f) {
    Incident kept = table.incident(f);
    if (kept == null) {
      throw new IllegalStateException(
          "incident of " + table.id(f) + " not kept, but an aggregate sums over it");
    }
    return kept;
  }

  /** The body that decides {@code def}'s findings: the loader checked that it exists. */
  private Body deciding(Finding def) {
    String id = def.determinedBy().orElseThrow();
    Body body = agreement.bodies().get(id);
    if (body == null) {
      throw new IllegalStateException(
          "finding '" + def.id() + "' names body '" + id + "', which the agreement lacks");
    }
    return body;
  }

  private double sum(Expression of, int f) {
    if (!table.isAggregate(f)) {
      Incident incident =
          keptIncident(f); // outside the try: a missing incident is a bug, not a failing expression
      try {
        return of.number(IncidentActivation.of(incident));
      } catch (RuntimeException e) {
        // as a failing condition (docs/engine.md, "Conditions that fail"): counted as 0, and said
        alert(
            nowInstant(),
            List.of(),
            table.id(f),
            "expression-failed",
            "sum expression '"
                + of.source()
                + "' failed on incident '"
                + table.incidentId(f)
                + "' ("
                + table.id(f)
                + "): "
                + e.getMessage()
                + "; counted as 0",
            new Cause(
                defs.get(table.definition(f)).id(),
                "an expression that fails at run time counts as 0",
                List.of(table.incidentId(f)),
                List.of(table.id(f))));
        return 0;
      }
    }
    double s = 0;
    for (int c : table.contributors(f)) {
      s += sum(of, c);
    }
    return s;
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  // ---------------------------------------------------------------- output

  private void alert(
      Instant at, List<String> to, String about, String reason, String message, Cause cause) {
    emit(new AlertRecord("alert-" + ++alertCount, at, to, about, reason, message, cause));
  }

  private static void nowhere(OutputRecord r) {
    throw new IllegalStateException("an output outside process(): " + r);
  }

  private void emit(OutputRecord r) {
    sink.accept(r);
  }

  /**
   * The clock as an Instant, made once per clock value (most records emit at most a few outputs).
   */
  private Instant nowInstant() {
    Instant made = nowInstant;
    if (made == null || nowInstantMillis != now) {
      made = Instant.ofEpochMilli(now);
      nowInstant = made;
      nowInstantMillis = now;
    }
    return made;
  }

  private void evict() {
    long limit = now - horizonMillis;
    incidents.evictBefore(limit, forgetIncident);
    // Decided findings past the horizon are forgotten; undecided ones stay (a body may still vote).
    // An aggregate lets go of its contributors when its window leaves the windows kept
    // (WindowState).
    Integer first;
    while ((first = findingsByAge.peekFirst()) != null && table.raisedAtMillis(first) < limit) {
      int f = findingsByAge.pollFirst();
      if (table.status(f) != CANDIDATE) {
        findings.remove(table.id(f));
        table.release(f);
      }
    }
  }

  static long utcDay(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }
}
