package org.umbrella.server.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.Receipt;

/** Guarantors' obligations the engine raised, and their answers. */
final class Obligations extends Workflow {
  Obligations(
      Operations ops,
      Jdbi jdbi,
      Clock clock,
      EventBus events,
      ServerLedger ledger,
      EngineQueue engineQueue) {
    super(ops, jdbi, clock, events, ledger, engineQueue);
  }

  // ---- obligations ----------------------------------------------------------------------------

  public Optional<Operations.Obligation> obligation(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from ops_obligation where id = :id")
                .bind("id", id)
                .map(Obligations::mapObligation)
                .findOne());
  }

  /** Obligations, soonest deadline first; only {@code party}'s when present. */
  public List<Operations.Obligation> obligations(
      Optional<String> party, Set<ObligationStatus> statuses, int limit, int offset) {
    return jdbi.withHandle(
        h -> {
          Query q =
              h.createQuery(
                      "select * from ops_obligation where status in (<s>)"
                          + (party.isPresent() ? " and party = :p" : "")
                          + " order by due, id limit :l offset :o")
                  .bindList("s", statuses.stream().map(ObligationStatus::wireName).toList())
                  .bind("l", limit)
                  .bind("o", offset);
          party.ifPresent(p -> q.bind("p", p));
          return q.map(Obligations::mapObligation).list();
        });
  }

  /**
   * Records a guarantor's answer to a pending obligation.
   *
   * @throws DomainError 409 when it is no longer pending or its deadline has passed
   */
  public Operations.Obligation answer(Command.AnswerObligation c) {
    String id = c.obligationId();
    String answer = c.answer().wireName();
    String decision = c.decision();
    String note = c.note();
    String by = c.actor();
    Operations.Obligation o =
        obligation(id)
            .orElseThrow(
                () ->
                    new DomainError.NotFound("id", "no obligation '" + ReportInput.clip(id) + "'"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    enforcement().checkAnswer(o, answer, decision);
    if (o.status().isFinal()) {
      throw new DomainError.Conflict(
          "/answer", "obligation " + id + " is already " + o.status().wireName());
    }
    if (!now.isBefore(o.due())) {
      throw new DomainError.Conflict(
          "/answer", "obligation " + id + " was due at " + o.due() + "; the deadline has passed");
    }
    Response response = new Response("resp-" + id, now, id, o.party(), c.answer(), decision, note);
    ledger.write(
        (h, records) -> {
          if (!OutcomeProjection.answered(h, response, by, now)) {
            throw new DomainError.Conflict(
                "/answer", "obligation " + id + " was answered meanwhile");
          }
          Audit.record(
              h,
              now,
              by,
              "obligation.answered",
              id,
              Map.of("answer", answer, "decision", decision));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("obligation", id);
          body.put("answer", answer);
          body.put("decision", decision);
          body.put("note", note);
          body.put("answered-by", by);
          Receipt leaf = records.response("resp-" + id, o.party(), JSON.valueToTree(body));
          Journal.append(h, response, now, leaf.leafIndex());
          return leaf;
        });
    Operations.Obligation updated = obligation(id).orElseThrow();
    events.publish(
        new Event(
            "obligation.answered",
            id,
            o.party() + " answered " + o.duty() + ": " + answer,
            "party:" + o.party(),
            now));
    onEngine(() -> enforcement().answered(updated));
    return updated;
  }

  private static Operations.Obligation mapObligation(ResultSet rs, StatementContext ctx)
      throws SQLException {
    return new Operations.Obligation(
        rs.getString("id"),
        rs.getString("guarantee"),
        rs.getString("duty"),
        rs.getString("party"),
        rs.getTimestamp("due").toInstant(),
        StoredStatus.obligation(rs.getString("status")),
        rs.getTimestamp("raised_at").toInstant(),
        Optional.ofNullable(rs.getString("answer")),
        rs.getString("decision"),
        rs.getString("note"),
        Optional.ofNullable(rs.getTimestamp("answered_at")).map(Timestamp::toInstant));
  }
}
