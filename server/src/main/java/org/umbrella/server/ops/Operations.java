package org.umbrella.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.umbrella.engine.input.ReviewStatus;
import org.umbrella.server.ServerException;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.Ledger;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.GroupCommit;
import org.umbrella.store.Records;

/**
 * The review and enforcement workflow: reports and reviews, candidate findings and votes,
 * obligations and answers, guarantee and provision status.
 *
 * <p>Every change runs in one transaction with its audit row and its records in the evidence
 * store (each a leaf of the tamper-evident ledger, see {@link Ledger}); then it is announced on
 * the {@link EventBus} and handed to the {@link Enforcement} port. The {@code ops_*} tables are
 * the current view the pages and the API read; the store's record tables are the history.
 * Reports are committed in groups ({@link GroupCommit}): a request is answered after the commit
 * that made its report durable and a leaf. The engine runs on one thread of its own, in commit
 * order ({@link EngineQueue}, bounded): after a report is filed the response does not wait for it
 * (but a filing waits for room, or is refused with 503, when the engine lags by the queue's
 * limit); reviews, votes, answers and
 * provision reports wait until the engine has seen them (so what they trigger is recorded when
 * they return). Access control happens before these calls (see {@code
 * org.umbrella.server.http.Router}); these methods check the workflow's own rules (a finding must
 * be a candidate to be voted on, an obligation pending to be answered).
 */
public final class Operations implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A filter over reports; null fields do not filter. */
  public record ReportFilter(Instant from, Instant to, Set<String> kinds, Set<String> statuses, double[] bbox) {}

  /** A body that determines findings. */
  public record Body(String id, String title, Set<String> members) {}

  /** A finding, with the votes cast so far (empty when the caller may not see them). */
  public record Finding(String id, String definition, String title, String status, String actor, Optional<String> body,
      List<String> incidents, Instant raisedAt, Optional<Instant> decidedAt, Map<String, String> votes) {}

  /** An obligation of a guarantor. */
  public record Obligation(String id, String guarantee, String duty, String party, Instant due, String status,
      Instant raisedAt, Optional<String> answer, String decision, String note, Optional<Instant> answeredAt) {}

  /** The status of a guarantee or provision. */
  public record Status(String subject, String kind, String title, String status, Optional<Integer> level, String cause, Instant at) {}

  /** The most reports committed in one transaction. */
  private static final int MAX_REPORT_BATCH = 500;

  private final Jdbi jdbi;
  private final Clock clock;
  private final EventBus events;
  private final Ledger ledger;
  private final GroupCommit<Report, Report> reportCommits;
  private final EngineQueue engineQueue;
  private volatile Enforcement enforcement = Enforcement.NONE;
  private volatile ReportTimes reportTimes = ReportTimes.defaults();

  /** Operations whose engine may lag by 10,000 reports, filing waiting up to 5 s for room. */
  public Operations(Jdbi jdbi, Clock clock, EventBus events, Ledger ledger) {
    this(jdbi, clock, events, ledger, new EngineQueue(10_000, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), System::nanoTime));
  }

  /** Operations whose engine runs behind {@code engineQueue} (which they close). */
  public Operations(Jdbi jdbi, Clock clock, EventBus events, Ledger ledger, EngineQueue engineQueue) {
    this.engineQueue = engineQueue;
    this.jdbi = jdbi;
    this.clock = clock;
    this.events = events;
    this.ledger = ledger;
    this.reportCommits = new GroupCommit<>("umbrella-report-commit", this::commitReports, MAX_REPORT_BATCH);
  }

  /** The ledger every change is written to. */
  public Ledger ledger() {
    return ledger;
  }

  /** Waits until the engine has seen every change accepted so far. */
  public void awaitEngine() {
    onEngine(() -> { });
  }

  /** The engine's queue: how far it lags. */
  public EngineQueue engineQueue() {
    return engineQueue;
  }

  private void onEngine(Runnable task) {
    engineQueue.await(task);
  }

  /** Commits what is queued, lets the engine finish what it was given, and stops both threads. */
  @Override
  public void close() {
    reportCommits.close();
    engineQueue.close();
  }

  /** Sets which claimed times a new report may carry (default {@link ReportTimes#defaults()}). */
  public void reportTimes(ReportTimes times) {
    this.reportTimes = java.util.Objects.requireNonNull(times);
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

  // ---- reports -------------------------------------------------------------------------------

  /**
   * Stores a new report in state {@code reported} and returns it once committed (with its audit
   * row, its canonical incident and the report as filed, both ledger leaves). The engine sees it
   * right after, without holding up the answer.
   *
   * <p>{@code filed-at} is the report's record time: the server clock when it is accepted. Its
   * claimed {@code time} must be plausible against it ({@link ReportTimes}).
   *
   * @throws ServerException 400 naming {@code /time} when the claimed time is after the record
   *     time plus the skew or before the horizon; 503 when the engine lags by its queue's limit
   *     for longer than the queue's wait (nothing is stored then; see {@link EngineQueue})
   */
  public Report fileReport(ReportInput.NewReport r, String actor) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    reportTimes.check(r.time(), now);
    String id = "rep-" + Secrets.random("").substring(0, 12).replace('_', 'x').replace('-', 'y').toLowerCase(java.util.Locale.ROOT);
    Report filed = new Report(id, r.time(), r.timePrecision(), r.kind(), r.lat(), r.lon(), r.placePrecision(), r.actorParty(),
        r.actorConfidence(), r.target(), r.low(), r.best(), r.high(), r.sources(), "reported", r.tags(), r.summary(), actor, now);
    EngineQueue.Admission room = engineQueue.admit();
    Report stored;
    try {
      stored = reportCommits.submit(filed).join();
    } catch (CompletionException e) {
      room.cancel();
      throw e.getCause() instanceof RuntimeException re ? re : e;
    } catch (RuntimeException e) {
      room.cancel();
      throw e;
    }
    events.publish(new Event("report.filed", id, r.kind() + " reported at " + r.time(), "mechanism", now));
    engineQueue.later(room, () -> {
      try {
        enforcement.reportChanged(stored, stored.filedAt());
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Operations.class).warn("engine failed on an accepted change: {}", org.umbrella.server.Redaction.describe(e));
      }
    });
    return stored;
  }

  /** One group commit of reports: server rows, audit rows, incidents and reports as filed, leaves. */
  private List<Report> commitReports(List<Report> batch) {
    return ledger.write((h, records) -> {
      List<Audit.Change> audits = new ArrayList<>(batch.size());
      List<Records.FiledReport> filed = new ArrayList<>(batch.size());
      Map<String, List<org.umbrella.engine.input.Incident>> incidentsBy = new java.util.LinkedHashMap<>();
      for (Report r : batch) {
        audits.add(new Audit.Change(r.filedAt(), r.filedBy(), "report.filed", r.id(), Map.of("kind", r.kind(), "time", r.time().toString())));
        filed.add(new Records.FiledReport(r.id(), JSON.valueToTree(r.asFiled()), r.filedBy(), r.filedAt()));
        incidentsBy.computeIfAbsent(r.filedBy(), k -> new ArrayList<>()).add(r.incident());
      }
      Audit.recordAll(h, audits);
      Map<String, Long> leaves = new java.util.HashMap<>();
      incidentsBy.forEach((by, incidents) -> {
        List<org.umbrella.store.Receipt> receipts = records.incidents(incidents, by);
        for (int i = 0; i < incidents.size(); i++) {
          leaves.put(incidents.get(i).id(), receipts.get(i).leafIndex());
        }
      });
      records.incidentReports(filed);
      // each report as filed is journaled (the engine passes over it until it is reviewed), and
      // the pages' view is its projection (ReportProjection), in the same transaction
      List<ReportProjection.Filed> projected = new ArrayList<>(batch.size());
      long seq = 0;
      for (Report r : batch) {
        seq = Journal.append(h, r.incident(), r.filedAt(), leaves.get(r.id()));
        projected.add(new ReportProjection.Filed(r.incident(), r.filedBy(), r.filedAt(), r.summary()));
      }
      ReportProjection.filed(h, projected, seq);
      return batch;
    });
  }

  /**
   * Records a review of report {@code id}: its new status and, optionally, a (re)attribution.
   *
   * <p>The store's review rules are the rules ({@link org.umbrella.store.ReviewRules}): reported
   * -> corroborated (sources from at least {@value org.umbrella.store.ReviewRules#DEFAULT_MIN_GROUPS}
   * independence groups), corroborated -> verified, reported or corroborated -> rejected with a
   * reason; verified and rejected are final. Who may review (a verifier) is checked before this
   * call. The review's record time is the server clock now; a rejection reaches the engine as the
   * report's rejected version, which withdraws every finding it alone supported.
   *
   * @throws ServerException 404 for an unknown report, 400 for a bad status or a rejection
   *     without a reason ({@code /note}), 409 for a change the rules do not allow
   */
  public Report review(String id, String status, String actorParty, double confidence, String note, String reviewer) {
    if (!Kinds.REVIEW_DECISIONS.contains(status)) {
      throw ServerException.invalid("/status", "status must be one of " + Kinds.REVIEW_DECISIONS + ", was '" + ReportInput.clip(String.valueOf(status)) + "'");
    }
    ReviewStatus to = ReviewStatus.fromWire(status).orElseThrow();
    if (to == ReviewStatus.REJECTED && (note == null || note.isBlank())) {
      throw ServerException.invalid("/note", "a rejection needs a reason: say in the note why the report is rejected");
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Report stored = ledger.write((h, records) -> {
      Report before = h.createQuery("select * from ops_report where id = :id for update").bind("id", id).map(Operations::mapReport).findOne()
          .orElseThrow(() -> ServerException.notFound("id", "no report '" + ReportInput.clip(id) + "'"));
      String why = org.umbrella.store.ReviewRules.refusal(ReviewStatus.fromWire(before.status()).orElseThrow(), to, note,
          (int) before.independentSources(), org.umbrella.store.ReviewRules.DEFAULT_MIN_GROUPS);
      if (why != null) {
        throw ServerException.conflict("/status", "report " + id + ": " + why);
      }
      Audit.record(h, now, reviewer, "report.reviewed", id, Map.of("status", status, "actor", actorParty));
      Report after = before.reviewed(status, actorParty, confidence);
      records.review(id, ReviewStatus.fromWire(before.status()).orElseThrow(), ReviewStatus.fromWire(status).orElseThrow(), note, reviewer);
      if (!actorParty.isEmpty()) {
        records.attribution(id, actorParty, confidence, note, reviewer);
      }
      org.umbrella.store.Receipt version = records.incident(after.incident(), reviewer);
      long seq = Journal.append(h, after.incident(), now, version.leafIndex());
      ReportProjection.reviewed(h, after.incident(), reviewer, note, now, seq);
      return h.createQuery("select * from ops_report where id = :id").bind("id", id).map(Operations::mapReport).one();
    });
    events.publish(new Event("report.reviewed", id, "report " + id + " " + status,
        "verified".equals(status) ? "public" : "mechanism", now));
    onEngine(() -> enforcement.reportChanged(stored, now));
    return stored;
  }

  public Optional<Report> report(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_report where id = :id").bind("id", id).map(Operations::mapReport).findOne());
  }

  /** How many stored reports are read from the database per round trip when streaming them. */
  private static final int STREAM_FETCH = 2_000;

  /**
   * Streams every stored report (its current version) to {@code sink} with the time of its last
   * change, oldest change first (ties by id): one query read through a server-side cursor
   * ({@value #STREAM_FETCH} rows per round trip), so memory does not grow with the history.
   */
  public void eachReportByLastChange(java.util.function.BiConsumer<Instant, Report> sink) {
    jdbi.useTransaction(h -> h.createQuery("select * from ops_report order by updated_at, id").setFetchSize(STREAM_FETCH)
        .map((rs, ctx) -> Map.entry(rs.getTimestamp("updated_at").toInstant(), mapReport(rs, ctx)))
        .forEach(e -> sink.accept(e.getKey(), e.getValue())));
  }

  /** Reports matching {@code filter}, newest first. */
  public List<Report> reports(ReportFilter filter, int limit, int offset) {
    StringBuilder sql = new StringBuilder("select * from ops_report where true");
    if (filter.from() != null) {
      sql.append(" and time >= :from");
    }
    if (filter.to() != null) {
      sql.append(" and time < :to");
    }
    if (filter.kinds() != null && !filter.kinds().isEmpty()) {
      sql.append(" and kind in (<kinds>)");
    }
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      sql.append(" and status in (<statuses>)");
    }
    if (filter.bbox() != null) {
      sql.append(" and lon between :minLon and :maxLon and lat between :minLat and :maxLat");
    }
    sql.append(" order by time desc, id limit :limit offset :offset");
    return jdbi.withHandle(h -> {
      Query q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
      if (filter.from() != null) {
        q.bind("from", filter.from());
      }
      if (filter.to() != null) {
        q.bind("to", filter.to());
      }
      if (filter.kinds() != null && !filter.kinds().isEmpty()) {
        q.bindList("kinds", List.copyOf(filter.kinds()));
      }
      if (filter.statuses() != null && !filter.statuses().isEmpty()) {
        q.bindList("statuses", List.copyOf(filter.statuses()));
      }
      if (filter.bbox() != null) {
        q.bind("minLon", filter.bbox()[0]).bind("minLat", filter.bbox()[1]).bind("maxLon", filter.bbox()[2]).bind("maxLat", filter.bbox()[3]);
      }
      return q.map(Operations::mapReport).list();
    });
  }

  /** Counts of reports per UTC day and kind within the filter, for the timeline. */
  public List<Map<String, Object>> reportsPerDay(ReportFilter filter) {
    List<Report> all = reports(filter, 100_000, 0);
    Map<String, Map<String, Integer>> byDay = new java.util.TreeMap<>();
    for (Report r : all) {
      String day = r.time().toString().substring(0, 10);
      byDay.computeIfAbsent(day, d -> new java.util.TreeMap<>()).merge(r.kind(), 1, Integer::sum);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byDay.forEach((day, kinds) -> out.add(Map.of("day", day, "kinds", kinds,
        "total", kinds.values().stream().mapToInt(Integer::intValue).sum())));
    return out;
  }

  // ---- bodies and findings --------------------------------------------------------------------

  public void defineBody(Body body) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into ops_body (id, title, members) values (:id, :t, :m)
            on conflict (id) do update set title = excluded.title, members = excluded.members""")
        .bind("id", body.id()).bind("t", body.title()).bind("m", String.join(",", body.members())).execute());
  }

  public Optional<Body> body(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_body where id = :id").bind("id", id)
        .map((rs, ctx) -> new Body(rs.getString("id"), rs.getString("title"), members(rs.getString("members")))).findOne());
  }

  public List<Body> bodies() {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_body order by id")
        .map((rs, ctx) -> new Body(rs.getString("id"), rs.getString("title"), members(rs.getString("members")))).list());
  }

  /** Records (or replaces) a finding the engine produced. */
  public void recordFinding(Finding f) {
    Instant now = clock.instant();
    ledger.write((h, records) -> {
      h.createUpdate("""
              insert into ops_finding (id, definition, title, status, actor, body, incidents, raised_at, decided_at)
              values (:id, :def, :title, :status, :actor, :body, cast(:inc as jsonb), :raised, :decided)
              on conflict (id) do update set status = excluded.status, actor = excluded.actor,
                incidents = excluded.incidents, decided_at = excluded.decided_at""")
          .bind("id", f.id()).bind("def", f.definition()).bind("title", f.title()).bind("status", f.status())
          .bind("actor", f.actor()).bind("body", f.body().orElse(null)).bind("inc", json(f.incidents()))
          .bind("raised", f.raisedAt()).bind("decided", f.decidedAt().orElse(null)).execute();
      Audit.record(h, now, "engine", "finding." + f.status(), f.id(), Map.of("definition", f.definition()));
      return null;
    });
    String audience = "candidate".equals(f.status()) && f.body().isPresent() ? "body:" + f.body().get()
        : "confirmed".equals(f.status()) ? "public" : "mechanism";
    events.publish(new Event("finding." + f.status(), f.id(), f.title() + " (" + f.status() + ")", audience, now));
  }

  public Optional<Finding> finding(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_finding where id = :id").bind("id", id)
        .map((rs, ctx) -> mapFinding(rs, h)).findOne());
  }

  /** Findings in the given statuses, newest first. */
  public List<Finding> findings(Set<String> statuses, int limit, int offset) {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_finding where status in (<s>) order by raised_at desc, id limit :l offset :o")
        .bindList("s", List.copyOf(statuses)).bind("l", limit).bind("o", offset)
        .map((rs, ctx) -> mapFinding(rs, h)).list());
  }

  /**
   * Records {@code party}'s vote on a candidate finding (a later vote replaces an earlier one).
   *
   * @throws ServerException 409 when the finding is not a candidate, or the party is the actor
   *     concerned (recusal)
   */
  public Finding vote(String findingId, String party, String vote, String voter) {
    if (!Kinds.VOTES.contains(vote)) {
      throw ServerException.invalid("/vote", "vote must be one of " + Kinds.VOTES + ", was '" + ReportInput.clip(String.valueOf(vote)) + "'");
    }
    Finding f = finding(findingId).orElseThrow(() -> ServerException.notFound("id", "no finding '" + ReportInput.clip(findingId) + "'"));
    if (!"candidate".equals(f.status())) {
      throw ServerException.conflict("/vote", "finding " + findingId + " is " + f.status() + ", votes are closed");
    }
    if (party.equals(f.actor())) {
      throw ServerException.conflict("/vote", "party " + party + " is the actor concerned by this finding and does not vote on it (recusal)");
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String determination = "det-" + findingId + "-" + Secrets.random("").substring(0, 8).replace('_', 'x').replace('-', 'y');
    ledger.write((h, records) -> {
      h.createUpdate("""
              insert into ops_vote (finding_id, party, vote, voter, at) values (:f, :p, :v, :voter, :at)
              on conflict (finding_id, party) do update set vote = excluded.vote, voter = excluded.voter, at = excluded.at""")
          .bind("f", findingId).bind("p", party).bind("v", vote).bind("voter", voter).bind("at", now).execute();
      Audit.record(h, now, voter, "finding.voted", findingId, Map.of("party", party, "vote", vote));
      records.vote(findingId, party, vote, "cast by " + voter);
      // the tally the engine reads next: the body's determination as it now stands
      Map<String, Object> tally = new java.util.LinkedHashMap<>();
      tally.put("finding", findingId);
      tally.put("body", f.body().orElse(null));
      Map<String, String> votes = mapFinding(h, findingId).votes();
      tally.put("votes", votes);
      org.umbrella.store.Receipt leaf = records.determination(findingId, JSON.valueToTree(tally));
      if (f.body().isPresent()) {
        Map<String, org.umbrella.engine.input.Vote> cast = new java.util.TreeMap<>();
        votes.forEach((p, v) -> org.umbrella.engine.input.Vote.fromWire(v).ifPresent(x -> cast.put(p, x)));
        Journal.append(h, new org.umbrella.engine.input.Determination(determination, now, f.body().get(), findingId, cast), now, leaf.leafIndex());
      }
      return leaf;
    });
    Finding updated = finding(findingId).orElseThrow();
    events.publish(new Event("finding.voted", findingId, party + " voted on " + f.title(), "body:" + f.body().orElse(""), now));
    onEngine(() -> enforcement.voted(updated));
    return updated;
  }

  // ---- obligations ----------------------------------------------------------------------------

  /** Records (or replaces the state of) an obligation the engine produced. */
  public void recordObligation(Obligation o) {
    Instant now = clock.instant();
    ledger.write((h, records) -> {
      h.createUpdate("""
              insert into ops_obligation (id, guarantee, duty, party, due, status, raised_at)
              values (:id, :g, :d, :p, :due, :s, :raised)
              on conflict (id) do update set status = excluded.status""")
          .bind("id", o.id()).bind("g", o.guarantee()).bind("d", o.duty()).bind("p", o.party())
          .bind("due", o.due()).bind("s", o.status()).bind("raised", o.raisedAt()).execute();
      Audit.record(h, now, "engine", "obligation." + o.status(), o.id(), Map.of("party", o.party(), "due", o.due().toString()));
      return null;
    });
    events.publish(new Event("obligation." + o.status(), o.id(), o.party() + ": " + o.duty() + " due " + o.due(), "party:" + o.party(), now));
  }

  public Optional<Obligation> obligation(String id) {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_obligation where id = :id").bind("id", id).map(Operations::mapObligation).findOne());
  }

  /** Obligations, soonest deadline first; only {@code party}'s when present. */
  public List<Obligation> obligations(Optional<String> party, Set<String> statuses, int limit, int offset) {
    return jdbi.withHandle(h -> {
      Query q = h.createQuery("select * from ops_obligation where status in (<s>)" + (party.isPresent() ? " and party = :p" : "")
              + " order by due, id limit :l offset :o")
          .bindList("s", List.copyOf(statuses)).bind("l", limit).bind("o", offset);
      party.ifPresent(p -> q.bind("p", p));
      return q.map(Operations::mapObligation).list();
    });
  }

  /**
   * Records a guarantor's answer to a pending obligation.
   *
   * @throws ServerException 409 when it is no longer pending or its deadline has passed
   */
  public Obligation answer(String id, String answer, String decision, String note, String by) {
    if (!Kinds.ANSWERS.contains(answer)) {
      throw ServerException.invalid("/answer", "answer must be one of " + Kinds.ANSWERS + ", was '" + ReportInput.clip(String.valueOf(answer)) + "'");
    }
    Obligation o = obligation(id).orElseThrow(() -> ServerException.notFound("id", "no obligation '" + ReportInput.clip(id) + "'"));
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    enforcement.checkAnswer(o, answer, decision);
    if (!"pending".equals(o.status())) {
      throw ServerException.conflict("/answer", "obligation " + id + " is already " + o.status());
    }
    if (!now.isBefore(o.due())) {
      throw ServerException.conflict("/answer", "obligation " + id + " was due at " + o.due() + "; the deadline has passed");
    }
    ledger.write((h, records) -> {
      int n = h.createUpdate("""
              update ops_obligation set status = :s, answer = :a, decision = :d, note = :n, answered_by = :by, answered_at = :at
              where id = :id and status = 'pending'""")
          .bind("s", answer).bind("a", answer).bind("d", decision).bind("n", note).bind("by", by).bind("at", now).bind("id", id).execute();
      if (n == 0) {
        throw ServerException.conflict("/answer", "obligation " + id + " was answered meanwhile");
      }
      Audit.record(h, now, by, "obligation.answered", id, Map.of("answer", answer, "decision", decision));
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("obligation", id);
      body.put("answer", answer);
      body.put("decision", decision);
      body.put("note", note);
      body.put("answered-by", by);
      org.umbrella.store.Receipt leaf = records.response("resp-" + id, o.party(), JSON.valueToTree(body));
      Journal.append(h, new org.umbrella.engine.input.Response("resp-" + id, now, id, o.party(),
          org.umbrella.engine.input.Answer.fromWire(answer).orElseThrow(), decision, note), now, leaf.leafIndex());
      return leaf;
    });
    Obligation updated = obligation(id).orElseThrow();
    events.publish(new Event("obligation.answered", id, o.party() + " answered " + o.duty() + ": " + answer, "party:" + o.party(), now));
    onEngine(() -> enforcement.answered(updated));
    return updated;
  }

  // ---- provisions -----------------------------------------------------------------------------

  /**
   * Records a provision's implementation level (0-3) as reported by the mechanism.
   *
   * @throws ServerException 400 for a level outside 0-3
   */
  public void reportProvision(String provision, int level, String note, String actor) {
    if (level < 0 || level > 3) {
      throw ServerException.invalid("/level", "level must be 0, 1, 2 or 3 (Peace Accords Matrix scale), was " + level);
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String id = "prov-" + Secrets.random("").substring(0, 12).replace('_', 'x').replace('-', 'y').toLowerCase(java.util.Locale.ROOT);
    enforcement.checkProvision(provision);
    ledger.write((h, records) -> {
      Audit.record(h, now, actor, "provision.reported", provision, Map.of("level", level, "note", note));
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("level", level);
      body.put("note", note);
      body.put("reported-by", actor);
      org.umbrella.store.Receipt leaf = records.provisionReport(id, provision, JSON.valueToTree(body));
      Journal.append(h, new org.umbrella.engine.input.ProvisionReport(id, now, provision, level, note), now, leaf.leafIndex());
      return leaf;
    });
    onEngine(() -> enforcement.provisionReported(id, provision, level, note, now));
  }

  // ---- the engine's computation ---------------------------------------------------------------

  /**
   * Records what the engine produced on journal entry {@code journalSeq}, in order, in one
   * transaction: each output a ledger leaf whose content is the engine's own canonical encoding
   * ({@code line}: cause and window included) and the agreement version it was computed under
   * ({@code agreement}), and a row of {@code outputs} tying it to the entry. {@code umbrella audit
   * reexecute} recomputes every line from the journal and compares it with the leaf, byte for byte.
   */
  public void recordOutputs(long journalSeq, String agreement, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    ledger.write((h, records) -> {
      PreparedBatch rows = h.prepareBatch("insert into outputs (journal_seq, leaf_index, body_text) values (:j, :leaf, :line)");
      for (String line : lines) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("agreement", agreement);
        body.put("line", line);
        org.umbrella.store.Receipt leaf = records.engineOutput(OUTPUT_KIND, JSON.valueToTree(body));
        rows.bind("j", journalSeq).bind("leaf", leaf.leafIndex()).bind("line", line).add();
      }
      rows.execute();
      return null;
    });
  }

  /**
   * As {@link #recordOutputs}, unless outputs of {@code journalSeq} or a later entry are already
   * recorded: checked after taking the ledger's tip lock, which every ledger write takes, so that
   * two service instances that both believe they lead (cluster mode, a leader whose lock session
   * just ended) cannot record an entry twice. Answers whether it recorded them.
   */
  public boolean recordOutputsOnce(long journalSeq, String agreement, List<String> lines) {
    if (lines.isEmpty()) {
      return false;
    }
    return ledger.write((h, records) -> {
      h.createQuery("select tree_size from ledger_tip where id = 1 for update").mapTo(Long.class).findOne();
      long last = h.createQuery("select coalesce(max(journal_seq), 0) from outputs").mapTo(Long.class).one();
      if (journalSeq <= last) {
        return false;
      }
      PreparedBatch rows = h.prepareBatch("insert into outputs (journal_seq, leaf_index, body_text) values (:j, :leaf, :line)");
      for (String line : lines) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("agreement", agreement);
        body.put("line", line);
        org.umbrella.store.Receipt leaf = records.engineOutput(OUTPUT_KIND, JSON.valueToTree(body));
        rows.bind("j", journalSeq).bind("leaf", leaf.leafIndex()).bind("line", line).add();
      }
      rows.execute();
      return true;
    });
  }

  /** The {@code output_kind} of the leaves holding the engine's canonical outputs. */
  public static final String OUTPUT_KIND = "engine";

  /** The last journal entry whose outputs are recorded (0 when none is). */
  public long lastRecordedStep() {
    return jdbi.withHandle(h -> h.createQuery("select coalesce(max(journal_seq), 0) from outputs").mapTo(Long.class).one());
  }

  /**
   * Puts an agreement version in force: its source bytes become a ledger leaf (once per content
   * hash) and the change is audited. Answers the hex SHA-256 of the bytes, which every output
   * computed under it names.
   */
  public String putInForce(String agreementId, String source, String by) {
    Instant now = clock.instant();
    return ledger.write((h, records) -> {
      records.agreement(agreementId, source, by);
      String hash = org.umbrella.ledger.Hashes.hex(org.umbrella.ledger.Hashes.sha256(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Audit.record(h, now, by, "agreement.in-force", agreementId, Map.of("sha256", hash));
      return hash;
    });
  }

  // ---- ticks ----------------------------------------------------------------------------------

  /**
   * Journals a tick of the server clock at {@code at} (trusted time), with a ledger leaf, so that
   * the deadlines it fires are re-executable; the engine sees it when it next catches up.
   */
  public void journalTick(Instant at) {
    Instant t = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    ledger.write((h, records) -> {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("tick", t.toString());
      org.umbrella.store.Receipt leaf = records.engineOutput("clock-tick", JSON.valueToTree(body));
      Journal.append(h, new org.umbrella.engine.input.Tick(t), t, leaf.leafIndex());
      return leaf;
    });
  }

  // ---- status ---------------------------------------------------------------------------------

  /** Records the status of a guarantee or provision. */
  public void recordStatus(Status s) {
    Instant now = clock.instant();
    ledger.write((h, records) -> {
      h.createUpdate("""
              insert into ops_status (subject, kind, title, status, level, cause, at) values (:sub, :k, :t, :s, :l, :c, :at)
              on conflict (subject) do update set status = excluded.status, level = excluded.level, cause = excluded.cause, at = excluded.at""")
          .bind("sub", s.subject()).bind("k", s.kind()).bind("t", s.title()).bind("s", s.status())
          .bind("l", s.level().orElse(null)).bind("c", s.cause()).bind("at", s.at()).execute();
      Audit.record(h, now, "engine", s.kind() + ".status", s.subject(), Map.of("status", s.status()));
      return null;
    });
    events.publish(new Event("status.changed", s.subject(), s.title() + ": " + s.status(), "public", now));
  }

  public List<Status> statuses(String kind) {
    return jdbi.withHandle(h -> h.createQuery("select * from ops_status where kind = :k order by subject").bind("k", kind)
        .map((rs, ctx) -> new Status(rs.getString("subject"), rs.getString("kind"), rs.getString("title"), rs.getString("status"),
            Optional.ofNullable((Integer) rs.getObject("level")), rs.getString("cause"), rs.getTimestamp("at").toInstant()))
        .list());
  }

  // ---- mapping --------------------------------------------------------------------------------

  private static Report mapReport(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    return new Report(rs.getString("id"), rs.getTimestamp("time").toInstant(), rs.getString("time_precision"), rs.getString("kind"),
        rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("place_precision"), rs.getString("actor_party"),
        rs.getDouble("actor_confidence"), rs.getString("target"), rs.getInt("fatalities_low"), rs.getInt("fatalities_best"),
        rs.getInt("fatalities_high"), read(rs.getString("sources"), new TypeReference<List<Report.Source>>() {}),
        rs.getString("status"), read(rs.getString("tags"), new TypeReference<List<String>>() {}), rs.getString("summary"),
        rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant());
  }

  private static Finding mapFinding(Handle h, String id) {
    return h.createQuery("select * from ops_finding where id = :id").bind("id", id).map((rs, ctx) -> mapFinding(rs, h)).one();
  }

  private static Finding mapFinding(ResultSet rs, Handle h) throws SQLException {
    String id = rs.getString("id");
    Map<String, String> votes = new java.util.TreeMap<>();
    h.createQuery("select party, vote from ops_vote where finding_id = :f").bind("f", id)
        .map((r, c) -> Map.entry(r.getString("party"), r.getString("vote"))).forEach(e -> votes.put(e.getKey(), e.getValue()));
    return new Finding(id, rs.getString("definition"), rs.getString("title"), rs.getString("status"), rs.getString("actor"),
        Optional.ofNullable(rs.getString("body")), read(rs.getString("incidents"), new TypeReference<List<String>>() {}),
        rs.getTimestamp("raised_at").toInstant(),
        Optional.ofNullable(rs.getTimestamp("decided_at")).map(java.sql.Timestamp::toInstant), votes);
  }

  private static Obligation mapObligation(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    return new Obligation(rs.getString("id"), rs.getString("guarantee"), rs.getString("duty"), rs.getString("party"),
        rs.getTimestamp("due").toInstant(), rs.getString("status"), rs.getTimestamp("raised_at").toInstant(),
        Optional.ofNullable(rs.getString("answer")), rs.getString("decision"), rs.getString("note"),
        Optional.ofNullable(rs.getTimestamp("answered_at")).map(java.sql.Timestamp::toInstant));
  }

  private static Set<String> members(String csv) {
    return new LinkedHashSet<>(Arrays.asList(csv.split(",")));
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String s, TypeReference<T> type) {
    try {
      return JSON.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }
}
