package org.umbrella.server.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Vote;
import org.umbrella.server.ops.Operations;

/**
 * The restart replay as it was before it streamed (one query for the report ids, then one query per
 * report), kept as the baseline the streaming {@link org.umbrella.server.enforce.Replay} is
 * compared with: same inputs, same order; and timed beside it in {@link ReplayBench}.
 */
final class PerRowReplay {
  private PerRowReplay() {}

  private record Timed(Instant accepted, InputRecord record) {}

  static List<org.umbrella.engine.input.RecordedInput> inputs(Operations ops) {
    Jdbi jdbi = ops.jdbi();
    List<Timed> inputs = new ArrayList<>();
    jdbi.useHandle(h -> {
      h.createQuery("select id, updated_at from ops_report order by id").map((rs, c) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
          .forEach(e -> ops.report(e.getKey()).filter(org.umbrella.server.enforce.EngineEnforcement::feeds).ifPresent(r -> inputs.add(new Timed(e.getValue(), r.incident()))));
      h.createQuery("select v.finding_id, f.body, v.party, v.vote, v.at from ops_vote v join ops_finding f on f.id = v.finding_id")
          .map((rs, c) -> new Timed(rs.getTimestamp(5).toInstant(), new Determination("det-replay-" + rs.getString(1) + "-" + rs.getString(3),
              rs.getTimestamp(5).toInstant(), rs.getString(2), rs.getString(1), Map.of(rs.getString(3), Vote.fromWire(rs.getString(4)).orElseThrow()))))
          .forEach(inputs::add);
      h.createQuery("select id, party, answer, decision, note, answered_at from ops_obligation where answered_at is not null and answer is not null")
          .map((rs, c) -> new Timed(rs.getTimestamp(6).toInstant(), new Response("resp-replay-" + rs.getString(1), rs.getTimestamp(6).toInstant(),
              rs.getString(1), rs.getString(2), Answer.fromWire(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getString(5))))
          .forEach(inputs::add);
      h.createQuery("select id, subject, (detail->>'level')::int, coalesce(detail->>'note', ''), at from audit_event where action = 'provision.reported'")
          .map((rs, c) -> new Timed(rs.getTimestamp(5).toInstant(), new ProvisionReport("prov-replay-" + rs.getLong(1), rs.getTimestamp(5).toInstant(),
              rs.getString(2), rs.getInt(3), rs.getString(4))))
          .forEach(inputs::add);
    });
    inputs.sort(Comparator.comparing(Timed::accepted));
    return inputs.stream().map(t -> new org.umbrella.engine.input.RecordedInput(t.record(), t.accepted())).toList();
  }
}
