package org.umbrella.server.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.LoggerFactory;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.server.Redaction;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.GroupCommit;
import org.umbrella.store.Receipt;
import org.umbrella.store.RecordWrites;
import org.umbrella.store.ReviewRules;

/**
 * Reports and their reviews: filing (group-committed, see {@link GroupCommit}), reviewing under the
 * store's review rules, and the reads of the report view ({@code ops_report}, a projection).
 */
final class Reports extends Workflow {
  /** The most reports committed in one transaction. */
  private static final int MAX_REPORT_BATCH = 500;

  private final GroupCommit<Report, Report> reportCommits;

  Reports(
      Operations ops,
      Jdbi jdbi,
      Clock clock,
      EventBus events,
      ServerLedger ledger,
      EngineQueue engineQueue) {
    super(ops, jdbi, clock, events, ledger, engineQueue);
    this.reportCommits =
        new GroupCommit<>("umbrella-report-commit", this::commitReports, MAX_REPORT_BATCH);
  }

  /** Commits what is queued and stops the commit thread. */
  void close() {
    reportCommits.close();
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
   * @throws DomainError 400 naming {@code /time} when the claimed time is after the record time
   *     plus the skew or before the horizon; 503 when the engine lags by its queue's limit for
   *     longer than the queue's wait (nothing is stored then; see {@link EngineQueue})
   */
  public Report fileReport(ReportInput.NewReport r, String actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ops.reportTimes().check(r.time(), now);
    String id =
        "rep-"
            + Secrets.random("")
                .substring(0, 12)
                .replace('_', 'x')
                .replace('-', 'y')
                .toLowerCase(Locale.ROOT);
    Report filed =
        new Report(
            id,
            r.time(),
            r.timePrecision(),
            r.kind(),
            r.lat(),
            r.lon(),
            r.placePrecision(),
            r.actorParty(),
            r.actorConfidence(),
            r.target(),
            r.low(),
            r.best(),
            r.high(),
            r.sources(),
            ReviewStatus.REPORTED,
            r.tags(),
            r.summary(),
            actor,
            now);
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
    events.publish(
        new Event(
            "report.filed",
            id,
            r.kind().wireName() + " reported at " + r.time(),
            "mechanism",
            now));
    engineQueue.later(
        room,
        () -> {
          try {
            enforcement().reportChanged(stored, stored.filedAt());
          } catch (RuntimeException e) {
            LoggerFactory.getLogger(Reports.class)
                .warn("engine failed on an accepted change: {}", Redaction.describe(e));
          }
        });
    return stored;
  }

  /**
   * One group commit of reports: server rows, audit rows, incidents and reports as filed, leaves.
   */
  private List<Report> commitReports(List<Report> batch) {
    return ledger.write(
        (h, records) -> {
          List<Audit.Change> audits = new ArrayList<>(batch.size());
          List<RecordWrites.FiledReport> filed = new ArrayList<>(batch.size());
          Map<String, List<Incident>> incidentsBy = new LinkedHashMap<>();
          for (Report r : batch) {
            audits.add(
                new Audit.Change(
                    r.filedAt(),
                    r.filedBy(),
                    "report.filed",
                    r.id(),
                    Map.of("kind", r.kind().wireName(), "time", r.time().toString())));
            filed.add(
                new RecordWrites.FiledReport(
                    r.id(), JSON.valueToTree(r.asFiled()), r.filedBy(), r.filedAt()));
            incidentsBy.computeIfAbsent(r.filedBy(), k -> new ArrayList<>()).add(r.incident());
          }
          Audit.recordAll(h, audits);
          Map<String, Long> leaves = new HashMap<>();
          incidentsBy.forEach(
              (by, incidents) -> {
                List<Receipt> receipts = records.incidents(incidents, by);
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
            seq =
                Journal.append(
                    h,
                    r.incident(),
                    r.filedAt(),
                    Objects.requireNonNull(leaves.get(r.id()), "every filed incident has a leaf"));
            projected.add(
                new ReportProjection.Filed(r.incident(), r.filedBy(), r.filedAt(), r.summary()));
          }
          ReportProjection.filed(h, projected, seq);
          return batch;
        });
  }

  /**
   * Records a review of report {@code id}: its new status and, optionally, a (re)attribution.
   *
   * <p>The store's review rules are the rules ({@link org.umbrella.store.ReviewRules}): reported ->
   * corroborated (sources from at least {@value org.umbrella.store.ReviewRules#DEFAULT_MIN_GROUPS}
   * independence groups), corroborated -> verified, reported or corroborated -> rejected with a
   * reason; verified and rejected are final. Who may review (a verifier) is checked before this
   * call. The review's record time is the server clock now; a rejection reaches the engine as the
   * report's rejected version, which withdraws every finding it alone supported.
   *
   * @throws DomainError 404 for an unknown report, 409 for a change the rules do not allow (what
   *     the command alone decides, such as a rejection's reason, it checked when it was made)
   */
  public Report review(Command.ReviewReport c) {
    String id = c.reportId();
    ReviewStatus to = c.decision();
    String status = to.wireName();
    String actorParty = c.actorParty();
    double confidence = c.confidence();
    String note = c.note();
    String reviewer = c.actor();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Report stored =
        ledger.write(
            (h, records) -> {
              Report before =
                  h.createQuery("select * from ops_report where id = :id for update")
                      .bind("id", id)
                      .map(Reports::mapReport)
                      .findOne()
                      .orElseThrow(
                          () ->
                              new DomainError.NotFound(
                                  "id", "no report '" + ReportInput.clip(id) + "'"));
              String why =
                  ReviewRules.refusal(
                      before.status(),
                      to,
                      note,
                      (int) before.independentSources(),
                      ReviewRules.DEFAULT_MIN_GROUPS);
              if (why != null) {
                throw new DomainError.Conflict("/status", "report " + id + ": " + why);
              }
              Audit.record(
                  h,
                  now,
                  reviewer,
                  "report.reviewed",
                  id,
                  Map.of("status", status, "actor", actorParty));
              Report after = before.reviewed(to, actorParty, confidence);
              records.review(id, before.status(), to, note, reviewer);
              if (!actorParty.isEmpty()) {
                records.attribution(id, actorParty, confidence, note, reviewer);
              }
              Receipt version = records.incident(after.incident(), reviewer);
              long seq = Journal.append(h, after.incident(), now, version.leafIndex());
              ReportProjection.reviewed(h, after.incident(), reviewer, note, now, seq);
              return h.createQuery("select * from ops_report where id = :id")
                  .bind("id", id)
                  .map(Reports::mapReport)
                  .one();
            });
    events.publish(
        new Event(
            "report.reviewed",
            id,
            "report " + id + " " + status,
            "verified".equals(status) ? "public" : "mechanism",
            now));
    onEngine(() -> enforcement().reportChanged(stored, now));
    return stored;
  }

  public Optional<Report> report(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from ops_report where id = :id")
                .bind("id", id)
                .map(Reports::mapReport)
                .findOne());
  }

  /** How many stored reports are read from the database per round trip when streaming them. */
  private static final int STREAM_FETCH = 2_000;

  /**
   * Streams every stored report (its current version) to {@code sink} with the time of its last
   * change, oldest change first (ties by id): one query read through a server-side cursor ({@value
   * #STREAM_FETCH} rows per round trip), so memory does not grow with the history.
   */
  public void eachReportByLastChange(BiConsumer<Instant, Report> sink) {
    jdbi.useTransaction(
        h ->
            h.createQuery("select * from ops_report order by updated_at, id")
                .setFetchSize(STREAM_FETCH)
                .map(
                    (rs, ctx) ->
                        Map.entry(rs.getTimestamp("updated_at").toInstant(), mapReport(rs, ctx)))
                .forEach(e -> sink.accept(e.getKey(), e.getValue())));
  }

  /** Reports matching {@code filter}, newest first. */
  public List<Report> reports(Operations.ReportFilter filter, int limit, int offset) {
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
    if (filter.actors() != null && !filter.actors().isEmpty()) {
      sql.append(" and coalesce(actor_party, '') in (<actors>)");
    }
    sql.append(" order by time desc, id limit :limit offset :offset");
    return jdbi.withHandle(
        h -> {
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
            q.bind("minLon", filter.bbox()[0])
                .bind("minLat", filter.bbox()[1])
                .bind("maxLon", filter.bbox()[2])
                .bind("maxLat", filter.bbox()[3]);
          }
          if (filter.actors() != null && !filter.actors().isEmpty()) {
            q.bindList("actors", List.copyOf(filter.actors()));
          }
          return q.map(Reports::mapReport).list();
        });
  }

  /** Counts of reports per UTC day and kind within the filter, for the timeline. */
  public List<Map<String, Object>> reportsPerDay(Operations.ReportFilter filter) {
    List<Report> all = reports(filter, 100_000, 0);
    Map<String, Map<String, Integer>> byDay = new TreeMap<>();
    for (Report r : all) {
      String day = r.time().toString().substring(0, 10);
      byDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(r.kind().wireName(), 1, Integer::sum);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byDay.forEach(
        (day, kinds) ->
            out.add(
                Map.of(
                    "day",
                    day,
                    "kinds",
                    kinds,
                    "total",
                    kinds.values().stream().mapToInt(Integer::intValue).sum())));
    return out;
  }

  private static Report mapReport(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Report(
        rs.getString("id"),
        rs.getTimestamp("time").toInstant(),
        StoredStatus.reportWord(
            TimePrecision.fromWire(rs.getString("time_precision")),
            "time_precision",
            rs.getString("time_precision")),
        StoredStatus.reportWord(Kind.fromWire(rs.getString("kind")), "kind", rs.getString("kind")),
        rs.getDouble("lat"),
        rs.getDouble("lon"),
        StoredStatus.reportWord(
            PlacePrecision.fromWire(rs.getString("place_precision")),
            "place_precision",
            rs.getString("place_precision")),
        rs.getString("actor_party"),
        rs.getDouble("actor_confidence"),
        rs.getString("target"),
        rs.getInt("fatalities_low"),
        rs.getInt("fatalities_best"),
        rs.getInt("fatalities_high"),
        read(rs.getString("sources"), new TypeReference<List<Report.Source>>() {}),
        StoredStatus.reportWord(
            ReviewStatus.fromWire(rs.getString("status")), "status", rs.getString("status")),
        read(rs.getString("tags"), new TypeReference<List<String>>() {}),
        rs.getString("summary"),
        rs.getString("filed_by"),
        rs.getTimestamp("filed_at").toInstant());
  }
}
