package org.umbrella.server.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.Receipt;

/** Provisions: implementation reports by the mechanism, and guarantee and provision status. */
final class Provisions extends Workflow {
  Provisions(
      Operations ops,
      Jdbi jdbi,
      Clock clock,
      EventBus events,
      ServerLedger ledger,
      EngineQueue engineQueue) {
    super(ops, jdbi, clock, events, ledger, engineQueue);
  }

  // ---- provisions -----------------------------------------------------------------------------

  /**
   * Records a provision's implementation level (0-3) as reported by the mechanism.
   *
   * @throws DomainError 400 for a level outside 0-3
   */
  public void reportProvision(Command.ReportProvision c) {
    String provision = c.provisionId();
    int level = c.level();
    String note = c.note();
    String actor = c.actor();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String id =
        "prov-"
            + Secrets.random("")
                .substring(0, 12)
                .replace('_', 'x')
                .replace('-', 'y')
                .toLowerCase(Locale.ROOT);
    enforcement().checkProvision(provision);
    ledger.write(
        (h, records) -> {
          Audit.record(
              h, now, actor, "provision.reported", provision, Map.of("level", level, "note", note));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("level", level);
          body.put("note", note);
          body.put("reported-by", actor);
          Receipt leaf = records.provisionReport(id, provision, JSON.valueToTree(body));
          Journal.append(
              h, new ProvisionReport(id, now, provision, level, note), now, leaf.leafIndex());
          return leaf;
        });
    onEngine(() -> enforcement().provisionReported(id, provision, level, note, now));
  }

  // ---- status ---------------------------------------------------------------------------------

  public List<Operations.Status> statuses(String kind) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from ops_status where kind = :k order by subject")
                .bind("k", kind)
                .map(
                    (rs, ctx) ->
                        new Operations.Status(
                            rs.getString("subject"),
                            rs.getString("title"),
                            StoredStatus.subject(rs.getString("kind"), rs.getString("status")),
                            rs.getString("cause"),
                            rs.getTimestamp("at").toInstant()))
                .list());
  }
}
