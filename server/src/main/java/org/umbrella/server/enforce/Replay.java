package org.umbrella.server.enforce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Vote;

/**
 * Rebuilds the engine's in-memory state after a restart from what the server stored: each
 * report's current version, each party's vote, each answer and each provision report, in the order
 * they were accepted, each at its original time.
 *
 * <p>Limits until the store module keeps the full input journal: a report is replayed in its
 * current version only (earlier versions are in the audit trail, not re-fed), and a party's
 * earlier vote that it later changed is not re-fed.
 */
public final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  private Replay() {}

  private record Timed(Instant accepted, InputRecord record) {}

  /** Feeds every stored input to {@code engine}; returns how many. */
  public static int stored(org.umbrella.server.ops.Operations ops, EngineEnforcement engine) {
    Jdbi jdbi = ops.jdbi();
    List<Timed> inputs = new ArrayList<>();
    jdbi.useHandle(h -> {
      h.createQuery("select id, updated_at from ops_report").map((rs, c) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
          .forEach(e -> ops.report(e.getKey()).ifPresent(r -> inputs.add(new Timed(e.getValue(), r.incident()))));
      h.createQuery("select v.finding_id, f.body, v.party, v.vote, v.at from ops_vote v join ops_finding f on f.id = v.finding_id")
          .map((rs, c) -> new Timed(rs.getTimestamp(5).toInstant(), new Determination("det-replay-" + rs.getString(1) + "-" + rs.getString(3),
              rs.getTimestamp(5).toInstant(), rs.getString(2), rs.getString(1), Map.of(rs.getString(3), Vote.fromWire(rs.getString(4)).orElseThrow()))))
          .forEach(inputs::add);
      h.createQuery("select id, party, answer, decision, note, answered_at from ops_obligation where answered_at is not null and answer is not null")
          .map((rs, c) -> new Timed(rs.getTimestamp(6).toInstant(), new Response("resp-replay-" + rs.getString(1), rs.getTimestamp(6).toInstant(),
              rs.getString(1), rs.getString(2), Answer.fromWire(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getString(5))))
          .forEach(inputs::add);
      h.createQuery("select id, subject, (detail->>'level')::int, coalesce(detail->>'note', ''), at from audit_event where action = 'provision.reported'")
          .map((rs, c) -> {
            Timestamp at = rs.getTimestamp(5);
            return new Timed(at.toInstant(), new ProvisionReport("prov-replay-" + rs.getLong(1), at.toInstant(), rs.getString(2), rs.getInt(3), rs.getString(4)));
          })
          .forEach(inputs::add);
    });
    inputs.sort(Comparator.comparing(Timed::accepted));
    engine.replay(inputs.stream().map(Timed::record).toList());
    if (!inputs.isEmpty()) {
      LOG.info("replayed {} stored inputs into the engine", inputs.size());
    }
    return inputs.size();
  }
}
