package org.umbrella.server.enforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.engine.Engine;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.journal.Reexecution;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.server.ops.Enforcement;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;

/**
 * The enforcement engine running in-process: every accepted change becomes an engine input record;
 * the engine's findings, obligations and status are recorded on {@link Operations}, its alerts
 * announced to the parties they name.
 *
 * <p>The engine is single-threaded and keeps its state in memory; calls are serialized here. Two
 * clocks (docs/engine.md, "Time"): every record is fed with its record time, the server clock when
 * the change was accepted, and only record times move the engine's clock, so deadlines,
 * activations, expiries and breaches fall due on trusted time. Incidents keep their claimed event
 * time, which only places them in windows; votes, answers, provision reports and ticks have no
 * claim of their own and carry their record time. A report reaches the engine only once reviewed
 * (corroborated, verified or rejected): an unreviewed report changes no status, clock or deadline.
 * The engine reads only the journal ({@link Journal}): every accepted change is journaled in its
 * ledger transaction, and each notification makes the engine catch up with it, so the live engine,
 * the engine rebuilt at restart and {@code umbrella audit reexecute} see the same inputs in the
 * same order.
 */
public final class EngineEnforcement implements Enforcement {
  private static final Logger LOG = LoggerFactory.getLogger(EngineEnforcement.class);

  private final Engine engine;
  private final Agreement agreement;
  private final Clock clock;
  private final EventBus events;
  private @Nullable Operations operations;
  private long lastSeq;

  /** The journal entry being processed, whose outputs {@link #run} records. */
  private long currentSeq;

  /** The agreement version every recorded output names (see {@link #enforcing(String)}). */
  private String agreementRef;

  /** While rebuilding: outputs are neither recorded nor announced (they are on record already). */
  private boolean replaying;

  /** Cluster mode: the engine runs in the Streams topology; set by {@link #runRemotely}. */
  private volatile @Nullable Remote remote;

  private @Nullable Instant remoteClock;
  private Instant lastRemoteTick = Instant.EPOCH;

  /**
   * Where the engine runs in cluster mode ({@code serve --kafka}): the service journals changes as
   * always, the leader of the agreement ships them to the input topic and hands the committed
   * outputs back to {@link #recordRemote}.
   */
  public interface Remote {
    /**
     * A change was journaled: ship it (the leader does; a follower's leader finds it at its next
     * poll).
     */
    void nudge();

    /** Whether this instance leads the agreement (journals ticks, records outputs). */
    boolean leader();

    /** How often the leader journals a tick of the server clock. */
    Duration tickEvery();
  }

  public EngineEnforcement(Agreement agreement, Clock clock, EventBus events) {
    this.agreement = agreement;
    this.agreementRef = ref(agreement);
    this.engine = Engine.create(agreement);
    this.clock = clock;
    this.events = events;
  }

  private Operations ops() {
    Operations ops = operations;
    if (ops == null) {
      throw new IllegalStateException("enforcement used before attach(operations)");
    }
    return ops;
  }

  /**
   * Connects to {@code ops}. (The agreement's bodies reach the pages through {@code
   * BodyProjection}, from the journal's version in force.)
   */
  public void attach(Operations ops) {
    this.operations = ops;
    ops.connect(this);
  }

  public Agreement agreement() {
    return agreement;
  }

  @Override
  public void reportChanged(Report r, Instant recordedAt) {
    catchUp();
  }

  /**
   * Whether the engine consumes this journaled input: every one except a report version nobody has
   * reviewed (status {@code reported}), a claim nobody checked, which waits in the review queue and
   * changes no status, clock or deadline.
   */
  public static boolean feeds(InputRecord r) {
    return Reexecution.feeds(r);
  }

  /**
   * Feeds the engine every journal entry it has not seen, in journal order (which is commit order),
   * each at its record time; records and announces what it produces. Every accepted change ends
   * here, whichever thread noticed it first.
   */
  public void catchUp() {
    Remote r = remote;
    if (r != null) {
      r.nudge();
      return;
    }
    catchUpLocally();
  }

  private synchronized void catchUpLocally() {
    int n;
    do {
      List<Journal.Entry> batch = new ArrayList<>();
      lastSeq = Journal.read(ops().jdbi(), lastSeq, CATCH_UP_BATCH, batch::add);
      for (Journal.Entry e : batch) {
        // an agreement version put in force is journaled before this engine (built for it) reads
        // anything after it: it changes nothing here
        if (e instanceof Journal.InputEntry in && feeds(in.input().record())) {
          currentSeq = in.seq();
          run(in.input().record(), in.recordedAt());
        }
      }
      n = batch.size();
    } while (n == CATCH_UP_BATCH);
  }

  /** How many journal entries a catch-up reads per query. */
  private static final int CATCH_UP_BATCH = 5_000;

  /**
   * Rebuilds the engine's state after a restart from the whole journal (every report version,
   * tally, answer, provision report and tick, in order, at their record times). The entries whose
   * outputs are on record are replayed silently: nothing is recorded, announced or written to the
   * pages' view (a projection of the recorded outputs, {@link
   * org.umbrella.server.ops.OutcomeProjection}, rebuilt before this). Any after them (the engine
   * stopped before recording what they produced) are then processed as live ones. Returns the
   * entries read.
   */
  public synchronized long rebuild() {
    if (remote != null) {
      return 0; // the topology's state store holds the engine's state; the leader resumes from the
      // topics
    }
    long recordedThrough = ops().lastRecordedStep();
    replaying = true;
    try {
      lastSeq =
          Journal.read(
              ops().jdbi(),
              0,
              recordedThrough,
              Long.MAX_VALUE,
              e -> {
                if (e instanceof Journal.InputEntry in && feeds(in.input().record())) {
                  run(in.input().record(), in.recordedAt());
                }
              });
    } finally {
      replaying = false;
    }
    catchUp();
    return lastSeq;
  }

  /**
   * Names the agreement version outputs are computed under: {@code id@version}, with {@code
   * #sha256} of its bytes when they were put in force as a leaf ({@link Operations#putInForce}).
   */
  public synchronized void enforcing(String ref) {
    this.agreementRef = ref;
  }

  /** The agreement version recorded outputs name. */
  public synchronized String agreementRef() {
    return agreementRef;
  }

  /** The name of {@code a}'s version when no bytes were put in force: {@code id@version}. */
  public static String ref(Agreement a) {
    return a.id() + "@" + a.version();
  }

  @Override
  public void voted(Operations.Finding finding) {
    catchUp();
  }

  @Override
  public void answered(Operations.Obligation o) {
    catchUp();
  }

  @Override
  public void checkProvision(String provision) {
    if (!agreement.provisions().containsKey(provision)) {
      throw new DomainError.NotFound(
          "id", "no provision '" + ReportInput.clip(provision) + "' in " + agreement.id());
    }
  }

  @Override
  public void provisionReported(String id, String provision, int level, String note, Instant at) {
    catchUp();
  }

  @Override
  public void checkAnswer(Operations.Obligation o, String answer, String decision) {
    Guarantee g = agreement.guarantees().get(o.guarantee());
    if (g == null || !"fulfilled".equals(answer)) {
      return;
    }
    Optional<Duty> duty = g.duties().stream().filter(d -> d.id().equals(o.duty())).findFirst();
    if (duty.isPresent()
        && !duty.get().options().isEmpty()
        && !duty.get().options().contains(decision)) {
      throw new DomainError.Invalid(
          "/decision", "decision must be one of " + duty.get().options() + " for duty " + o.duty());
    }
  }

  @Override
  public List<String> decisionOptions(Operations.Obligation o) {
    Guarantee g = agreement.guarantees().get(o.guarantee());
    return g == null
        ? List.of()
        : g.duties().stream()
            .filter(d -> d.id().equals(o.duty()))
            .findFirst()
            .map(Duty::options)
            .orElse(List.of());
  }

  /**
   * Feeds {@code records} to the engine and answers what it produced, recording and announcing none
   * of it. The engine's state moves on: for comparing two engines' states by their answers to the
   * same inputs (diagnostics and tests), not for a running server's engine.
   */
  public synchronized List<OutputRecord> probe(List<InputRecord> records) {
    List<OutputRecord> out = new ArrayList<>();
    for (InputRecord r : records) {
      try {
        out.addAll(engine.process(r));
      } catch (EngineException e) {
        throw new IllegalArgumentException(
            "engine refused " + r.type() + " " + r.id() + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Advances the engine to the server clock, firing due deadlines (breaches, activations). A clock
   * behind the engine's (set back) ticks nothing: trusted time never goes back.
   */
  public synchronized void tick() {
    Remote r = remote;
    if (r != null) {
      tickRemotely(r);
      return;
    }
    catchUp();
    Instant now = now();
    Instant engineClock = engine.clock();
    Optional<Instant> due = engine.nextDeadline();
    // journaled only when a deadline is due: a tick that fires nothing changes nothing a later
    // record would not (the engine fires every deadline up to a record's time before the record)
    if (due.isPresent()
        && !due.get().isAfter(now)
        && (engineClock == null || now.isAfter(engineClock))) {
      ops().journalTick(now);
      catchUp();
    }
  }

  @Override
  public synchronized Optional<Instant> engineTime() {
    return remote != null ? Optional.ofNullable(remoteClock) : Optional.ofNullable(engine.clock());
  }

  /**
   * Switches to cluster mode before {@link #rebuild()}: from now on this instance runs no engine;
   * {@link #catchUp()} ships, {@link #tick()} journals ticks on the leader only, and outputs arrive
   * through {@link #recordRemote}.
   */
  public void runRemotely(Remote r) {
    this.remote = Objects.requireNonNull(r, "remote");
  }

  /**
   * Records what the topology committed for journal entry {@code journalSeq} (canonical output
   * lines, in the engine's order), as the in-process engine records its own: the outputs as ledger
   * leaves, then the projections (findings, obligations, statuses) and the alerts. Entries at or
   * before the last recorded one are skipped, so that a second leader (or a replayed ingest) writes
   * nothing twice.
   */
  public synchronized void recordRemote(long journalSeq, List<String> lines) {
    List<OutputRecord> outputs = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      outputs.add(OutputCodec.decode(lines.get(i), i + 1));
    }
    // the projections are written in the outputs' transaction, as for the in-process engine
    if (!ops().recordOutputsOnce(journalSeq, agreementRef, outputs, agreement)) {
      return;
    }
    // the alerts, as the in-process engine announces its own (cluster.ClusterEvents relays them to
    // the other instances)
    announce(outputs);
    Journal.read(ops().jdbi(), journalSeq - 1, 1, e -> remoteClock = e.recordedAt());
  }

  /**
   * The leader journals a tick every {@link Remote#tickEvery()}: the engine's deadlines are in the
   * topology, not here.
   */
  private void tickRemotely(Remote r) {
    Instant now = now();
    if (r.leader() && !now.isBefore(lastRemoteTick.plus(r.tickEvery()))) {
      ops().journalTick(now);
      lastRemoteTick = now;
      r.nudge();
    }
  }

  @Override
  public Optional<String> placesGeoJson() {
    return Optional.of(PlacesGeoJson.places(agreement.places()).toString());
  }

  @Override
  public boolean connected() {
    return true;
  }

  /** The server clock (trusted time), to the microsecond PostgreSQL keeps. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void run(InputRecord record, Instant recordedAt) {
    List<OutputRecord> out;
    try {
      out = engine.process(record, recordedAt);
    } catch (EngineException e) {
      LOG.warn("engine refused {} {}: {}", record.type(), record.id(), e.getMessage());
      return;
    }
    if (replaying) {
      return;
    }
    ops().recordOutputs(currentSeq, agreementRef, out, agreement);
    announce(out);
  }

  /** Publishes each alert among {@code outputs} to the parties it names. */
  private void announce(List<OutputRecord> outputs) {
    for (OutputRecord o : outputs) {
      if (o instanceof AlertRecord a) {
        for (String party : a.to()) {
          events.publish(
              new Event("alert." + a.reason(), a.about(), a.message(), "party:" + party, a.time()));
        }
      }
    }
  }
}
