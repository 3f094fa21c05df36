package org.umbrella.server.enforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Vote;
import org.umbrella.server.ops.Operations;

/**
 * Rebuilds the engine's in-memory state after a restart from what the server stored: each
 * report's current version, each party's vote, each answer and each provision report, in the order
 * they were accepted, each at its original time.
 *
 * <p>One pass: the reports (the bulk of any history) are streamed in one query ordered by the time
 * of their last change, through a cursor; votes, answers and provision reports (a handful per
 * finding or obligation) are read first, sorted, and merged in between. At equal times a report
 * comes first, then votes, answers and provision reports.
 *
 * <p>Limits until the store module keeps the full input journal: a report is replayed in its
 * current version only (earlier versions are in the audit trail, not re-fed), and a party's
 * earlier vote that it later changed is not re-fed.
 */
public final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  private Replay() {}

  private record Timed(Instant accepted, InputRecord record) {
    RecordedInput recorded() {
      return new RecordedInput(record, accepted);
    }
  }

  /** Feeds every stored input to {@code engine}; returns how many. */
  public static int stored(Operations ops, EngineEnforcement engine) {
    int[] n = {0};
    engine.replay(feed -> inputs(ops, r -> {
      n[0]++;
      feed.accept(r);
    }));
    if (n[0] > 0) {
      LOG.info("replayed {} stored inputs into the engine", n[0]);
    }
    return n[0];
  }

  /** Hands every stored input to {@code sink} in the order the engine is to see them. */
  public static void inputs(Operations ops, Consumer<RecordedInput> sink) {
    List<Timed> others = others(ops.jdbi());
    int[] next = {0};
    ops.eachReportByLastChange((at, report) -> {
      while (next[0] < others.size() && others.get(next[0]).accepted().isBefore(at)) {
        sink.accept(others.get(next[0]++).recorded());
      }
      if (EngineEnforcement.feeds(report)) {
        sink.accept(new RecordedInput(report.incident(), at));
      }
    });
    others.subList(next[0], others.size()).forEach(t -> sink.accept(t.recorded()));
  }

  /** Votes, answers and provision reports, by the time they were accepted (stable). */
  private static List<Timed> others(Jdbi jdbi) {
    List<Timed> inputs = new ArrayList<>();
    jdbi.useHandle(h -> {
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
    return inputs;
  }
}
