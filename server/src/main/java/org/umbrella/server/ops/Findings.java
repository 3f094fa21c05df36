package org.umbrella.server.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.Receipt;

/** Bodies, the findings the engine raised, and the votes bodies cast on candidates. */
final class Findings extends Workflow {
  Findings(
      Operations ops,
      Jdbi jdbi,
      Clock clock,
      EventBus events,
      ServerLedger ledger,
      EngineQueue engineQueue) {
    super(ops, jdbi, clock, events, ledger, engineQueue);
  }

  // ---- bodies and findings --------------------------------------------------------------------

  public void defineBody(Operations.Body body) {
    BodyProjection.define(jdbi, body);
  }

  public Optional<Operations.Body> body(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from ops_body where id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Operations.Body(
                            rs.getString("id"),
                            rs.getString("title"),
                            members(rs.getString("members"))))
                .findOne());
  }

  public List<Operations.Body> bodies() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from ops_body order by id")
                .map(
                    (rs, ctx) ->
                        new Operations.Body(
                            rs.getString("id"),
                            rs.getString("title"),
                            members(rs.getString("members"))))
                .list());
  }

  public Optional<Operations.Finding> finding(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from ops_finding where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> mapFinding(rs, h))
                .findOne());
  }

  /** Findings in the given statuses, newest first. */
  public List<Operations.Finding> findings(Set<FindingStatus> statuses, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from ops_finding where status in (<s>) order by raised_at desc, id limit :l offset :o")
                .bindList("s", statuses.stream().map(FindingStatus::wireName).toList())
                .bind("l", limit)
                .bind("o", offset)
                .map((rs, ctx) -> mapFinding(rs, h))
                .list());
  }

  /**
   * Records {@code party}'s vote on a candidate finding (a later vote replaces an earlier one).
   *
   * @throws DomainError 409 when the finding is not a candidate, or the party is the actor
   *     concerned (recusal)
   */
  public Operations.Finding vote(Command.CastVote c) {
    String findingId = c.findingId();
    String party = c.party();
    String vote = c.vote().wireName();
    String voter = c.actor();
    Operations.Finding f =
        finding(findingId)
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "id", "no finding '" + ReportInput.clip(findingId) + "'"));
    if (f.status() != FindingStatus.CANDIDATE) {
      throw new DomainError.Conflict(
          "/vote", "finding " + findingId + " is " + f.status().wireName() + ", votes are closed");
    }
    if (party.equals(f.actor())) {
      throw new DomainError.Conflict(
          "/vote",
          "party "
              + party
              + " is the actor concerned by this finding and does not vote on it (recusal)");
    }
    if (f.body().isEmpty()) {
      // a vote reaches the engine as its body's tally: without a body there is nothing to journal
      throw new DomainError.Conflict(
          "/vote", "finding " + findingId + " is not determined by a body; it takes no votes");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String determination =
        "det-"
            + findingId
            + "-"
            + Secrets.random("").substring(0, 8).replace('_', 'x').replace('-', 'y');
    ledger.write(
        (h, records) -> {
          // the view is the journal's projection; the tally below reads the vote back from it
          OutcomeProjection.voted(h, findingId, party, vote, voter, now);
          Audit.record(
              h, now, voter, "finding.voted", findingId, Map.of("party", party, "vote", vote));
          records.vote(findingId, party, vote, OutcomeProjection.CAST_BY + voter);
          // the tally the engine reads next: the body's determination as it now stands
          Map<String, Object> tally = new LinkedHashMap<>();
          tally.put("finding", findingId);
          tally.put("body", f.body().orElse(null));
          Map<String, String> votes = mapFinding(h, findingId).votes();
          tally.put("votes", votes);
          Receipt leaf = records.determination(findingId, JSON.valueToTree(tally));
          Map<String, Vote> cast = new TreeMap<>();
          votes.forEach((p, v) -> Vote.fromWire(v).ifPresent(x -> cast.put(p, x)));
          Journal.append(
              h,
              new Determination(determination, now, f.body().get(), findingId, cast),
              now,
              leaf.leafIndex());
          return leaf;
        });
    Operations.Finding updated = finding(findingId).orElseThrow();
    events.publish(
        new Event(
            "finding.voted",
            findingId,
            party + " voted on " + f.title(),
            "body:" + f.body().orElse(""),
            now));
    onEngine(() -> enforcement().voted(updated));
    return updated;
  }

  private static Operations.Finding mapFinding(Handle h, String id) {
    return h.createQuery("select * from ops_finding where id = :id")
        .bind("id", id)
        .map((rs, ctx) -> mapFinding(rs, h))
        .one();
  }

  private static Operations.Finding mapFinding(ResultSet rs, Handle h) throws SQLException {
    String id = rs.getString("id");
    Map<String, String> votes = new TreeMap<>();
    h.createQuery("select party, vote from ops_vote where finding_id = :f")
        .bind("f", id)
        .map((r, c) -> Map.entry(r.getString("party"), r.getString("vote")))
        .forEach(e -> votes.put(e.getKey(), e.getValue()));
    return new Operations.Finding(
        id,
        rs.getString("definition"),
        rs.getString("title"),
        StoredStatus.finding(rs.getString("status")),
        rs.getString("actor"),
        Optional.ofNullable(rs.getString("body")),
        read(rs.getString("incidents"), new TypeReference<List<String>>() {}),
        rs.getTimestamp("raised_at").toInstant(),
        Optional.ofNullable(rs.getTimestamp("decided_at")).map(Timestamp::toInstant),
        votes);
  }

  private static Set<String> members(String csv) {
    return new LinkedHashSet<>(Arrays.asList(csv.split(",")));
  }
}
