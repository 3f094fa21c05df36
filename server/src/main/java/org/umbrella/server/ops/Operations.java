package org.umbrella.server.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.ProvisionStatus;
import org.umbrella.engine.output.SubjectStatus;
import org.umbrella.server.app.Command;
import org.umbrella.server.journal.AgreementVersion;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.GroupCommit;

/**
 * The review and enforcement workflow: reports and reviews ({@link Reports}), candidate findings
 * and votes ({@link Findings}), obligations and answers ({@link Obligations}), provision reports
 * and status ({@link Provisions}), what the engine computed ({@link EngineRecords}). This class is
 * their one entry point for the HTTP layer and the pages, and holds the shared read models'
 * records; each entity's rules and transactions live in its own class.
 *
 * <p>Every change runs in one transaction with its audit row and its records in the evidence store
 * (each a leaf of the tamper-evident ledger, see {@link ServerLedger}); then it is announced on the
 * {@link EventBus} and handed to the {@link Enforcement} port. The {@code ops_*} tables are the
 * current view the pages and the API read; the store's record tables are the history. Reports are
 * committed in groups ({@link GroupCommit}): a request is answered after the commit that made its
 * report durable and a leaf. The engine runs on one thread of its own, in commit order ({@link
 * EngineQueue}, bounded): after a report is filed the response does not wait for it (but a filing
 * waits for room, or is refused with 503, when the engine lags by the queue's limit); reviews,
 * votes, answers and provision reports wait until the engine has seen them (so what they trigger is
 * recorded when they return). Access control happens before these calls (see {@code
 * org.umbrella.server.http.Router}); these methods check the workflow's own rules (a finding must
 * be a candidate to be voted on, an obligation pending to be answered).
 *
 * <p>The name is the product's: the operations service (PRODUCT.md, capability 5) is what this
 * facade fronts. Issue 16 asked for bag names to go; the other bags were renamed for what they hold
 * ({@code ReportVocabulary}, {@code ApiShapes}, {@code ServerComponents}, the store's {@code
 * RecordWrites}), and this one was split by entity instead (the classes above).
 */
public final class Operations implements AutoCloseable {
  /**
   * What a list of reports selects; null or empty fields do not filter.
   *
   * @param actors parties the reports are attributed to; the empty string selects unattributed
   *     reports
   */
  public record ReportFilter(
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Set<String> kinds,
      @Nullable Set<String> statuses,
      double @Nullable [] bbox,
      @Nullable Set<String> actors) {
    /** A filter on everything but the actor. */
    public ReportFilter(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Set<String> kinds,
        @Nullable Set<String> statuses,
        double @Nullable [] bbox) {
      this(from, to, kinds, statuses, bbox, null);
    }
  }

  /** A body that determines findings. */
  public record Body(String id, String title, Set<String> members) {}

  /** A finding, with the votes cast so far (empty when the caller may not see them). */
  public record Finding(
      String id,
      String definition,
      String title,
      FindingStatus status,
      String actor,
      Optional<String> body,
      List<String> incidents,
      Instant raisedAt,
      Optional<Instant> decidedAt,
      Map<String, String> votes) {}

  /** An obligation of a guarantor. */
  public record Obligation(
      String id,
      String guarantee,
      String duty,
      String party,
      Instant due,
      ObligationStatus status,
      Instant raisedAt,
      Optional<String> answer,
      String decision,
      String note,
      Optional<Instant> answeredAt) {}

  /**
   * The status of a guarantee or provision; {@code subject} is {@code <kind>:<id>}, {@code cause}
   * the rule of the output that set it.
   */
  public record Status(
      String subject, String title, SubjectStatus status, String cause, Instant at) {
    /** {@code "guarantee"} or {@code "provision"}. */
    public String kind() {
      return status.subjectKind();
    }

    /** The implementation level last reported, for a provision that has one. */
    public Optional<Integer> level() {
      return status instanceof ProvisionStatus p ? p.implementationLevel() : Optional.empty();
    }
  }

  private final Jdbi jdbi;
  private final EngineQueue engineQueue;
  private final Reports reports;
  private final Findings findings;
  private final Obligations obligations;
  private final Provisions provisions;
  private final EngineRecords engineRecords;
  private final ServerLedger ledger;
  private volatile Enforcement enforcement = Enforcement.NONE;
  private volatile ReportTimes reportTimes = ReportTimes.defaults();

  /** Operations whose engine may lag by 10,000 reports, filing waiting up to 5 s for room. */
  public Operations(Jdbi jdbi, Clock clock, EventBus events, ServerLedger ledger) {
    this(
        jdbi,
        clock,
        events,
        ledger,
        new EngineQueue(10_000, Duration.ofSeconds(5), Duration.ofSeconds(30), System::nanoTime));
  }

  /** Operations whose engine runs behind {@code engineQueue} (which they close). */
  public Operations(
      Jdbi jdbi, Clock clock, EventBus events, ServerLedger ledger, EngineQueue engineQueue) {
    this.engineQueue = engineQueue;
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.reports = new Reports(this, jdbi, clock, events, ledger, engineQueue);
    this.findings = new Findings(this, jdbi, clock, events, ledger, engineQueue);
    this.obligations = new Obligations(this, jdbi, clock, events, ledger, engineQueue);
    this.provisions = new Provisions(this, jdbi, clock, events, ledger, engineQueue);
    this.engineRecords = new EngineRecords(this, jdbi, clock, events, ledger, engineQueue);
  }

  /** The ledger every change is written to. */
  public ServerLedger ledger() {
    return ledger;
  }

  /** Waits until the engine has seen every change accepted so far. */
  public void awaitEngine() {
    engineQueue.await(() -> {});
  }

  /** The engine's queue: how far it lags. */
  public EngineQueue engineQueue() {
    return engineQueue;
  }

  /** Commits what is queued, lets the engine finish what it was given, and stops both threads. */
  @Override
  public void close() {
    reports.close();
    engineQueue.close();
  }

  /** Sets which claimed times a new report may carry (default {@link ReportTimes#defaults()}). */
  public void reportTimes(ReportTimes times) {
    this.reportTimes = Objects.requireNonNull(times);
  }

  public ReportTimes reportTimes() {
    return reportTimes;
  }

  /** Connects the enforcement engine; until called, nothing derives findings from reports. */
  public void connect(Enforcement enforcement) {
    this.enforcement = enforcement;
  }

  public Enforcement enforcement() {
    return enforcement;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  // ---- reports: see Reports ---------------------------------------------------------------------

  /** See {@link Reports#fileReport}. */
  public Report fileReport(ReportInput.NewReport r, String actor) {
    return reports.fileReport(r, actor);
  }

  /** See {@link Reports#review}. */
  public Report review(Command.ReviewReport review) {
    return reports.review(review);
  }

  /** {@link #review(Command.ReviewReport)} of the command these values make. */
  public Report review(
      String id,
      String status,
      String actorParty,
      double confidence,
      String note,
      String reviewer) {
    return review(Command.ReviewReport.of(id, status, actorParty, confidence, note, reviewer));
  }

  public Optional<Report> report(String id) {
    return reports.report(id);
  }

  /** See {@link Reports#eachReportByLastChange}. */
  public void eachReportByLastChange(BiConsumer<Instant, Report> sink) {
    reports.eachReportByLastChange(sink);
  }

  /** Reports matching {@code filter}, newest first. */
  public List<Report> reports(ReportFilter filter, int limit, int offset) {
    return reports.reports(filter, limit, offset);
  }

  /** Counts of reports per UTC day and kind within the filter, for the timeline. */
  public List<Map<String, Object>> reportsPerDay(ReportFilter filter) {
    return reports.reportsPerDay(filter);
  }

  // ---- bodies, findings, votes: see Findings
  // ------------------------------------------------------

  public void defineBody(Body body) {
    findings.defineBody(body);
  }

  public Optional<Body> body(String id) {
    return findings.body(id);
  }

  public List<Body> bodies() {
    return findings.bodies();
  }

  public Optional<Finding> finding(String id) {
    return findings.finding(id);
  }

  /** Findings in the given statuses, newest first. */
  public List<Finding> findings(Set<FindingStatus> statuses, int limit, int offset) {
    return findings.findings(statuses, limit, offset);
  }

  /** See {@link Findings#vote}. */
  public Finding vote(Command.CastVote vote) {
    return findings.vote(vote);
  }

  /** {@link #vote(Command.CastVote)} of the command these values make. */
  public Finding vote(String findingId, String party, String vote, String voter) {
    return vote(Command.CastVote.of(findingId, party, vote, voter));
  }

  // ---- obligations and answers: see Obligations
  // ---------------------------------------------------

  public Optional<Obligation> obligation(String id) {
    return obligations.obligation(id);
  }

  /** Obligations, soonest deadline first; only {@code party}'s when present. */
  public List<Obligation> obligations(
      Optional<String> party, Set<ObligationStatus> statuses, int limit, int offset) {
    return obligations.obligations(party, statuses, limit, offset);
  }

  /** See {@link Obligations#answer}. */
  public Obligation answer(Command.AnswerObligation answer) {
    return obligations.answer(answer);
  }

  /** {@link #answer(Command.AnswerObligation)} of the command these values make. */
  public Obligation answer(String id, String answer, String decision, String note, String by) {
    return answer(Command.AnswerObligation.of(id, answer, decision, note, by));
  }

  // ---- provisions and status: see Provisions
  // ------------------------------------------------------

  /** See {@link Provisions#reportProvision}. */
  public void reportProvision(Command.ReportProvision report) {
    provisions.reportProvision(report);
  }

  /** {@link #reportProvision(Command.ReportProvision)} of the command these values make. */
  public void reportProvision(String provision, int level, String note, String actor) {
    reportProvision(new Command.ReportProvision(provision, level, note, actor));
  }

  public List<Status> statuses(String kind) {
    return provisions.statuses(kind);
  }

  // ---- the engine's computation: see EngineRecords
  // ------------------------------------------------

  /** See {@link EngineRecords#recordOutputs}. */
  public void recordOutputs(
      long journalSeq, String agreement, List<OutputRecord> outputs, Agreement computedUnder) {
    engineRecords.recordOutputs(journalSeq, agreement, outputs, computedUnder);
  }

  /** See {@link EngineRecords#recordOutputsOnce}. */
  public boolean recordOutputsOnce(
      long journalSeq, String agreement, List<OutputRecord> outputs, Agreement computedUnder) {
    return engineRecords.recordOutputsOnce(journalSeq, agreement, outputs, computedUnder);
  }

  /** The {@code output_kind} of the leaves holding the engine's canonical outputs. */
  public static final String OUTPUT_KIND = EngineRecords.OUTPUT_KIND;

  /** The last journal entry whose outputs are recorded (0 when none is). */
  public long lastRecordedStep() {
    return engineRecords.lastRecordedStep();
  }

  /** See {@link EngineRecords#putInForce}. */
  public String putInForce(String agreementId, AgreementVersion version, String by) {
    return engineRecords.putInForce(agreementId, version, by);
  }

  /** See {@link EngineRecords#journalTick}. */
  public void journalTick(Instant at) {
    engineRecords.journalTick(at);
  }
}
