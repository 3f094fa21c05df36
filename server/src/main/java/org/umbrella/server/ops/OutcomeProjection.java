package org.umbrella.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;

/**
 * The pages' view of what enforcement decided and who voted and answered ({@code ops_finding},
 * {@code ops_obligation}, {@code ops_status}, {@code ops_vote}): a projection of the engine's
 * recorded outputs ({@code outputs}) and of the journal's tallies and answers, never written any
 * other way (a test greps the sources for other writers).
 *
 * <p>Each step is one ledger leaf: an engine output (a finding, obligation or status; alerts are
 * announced, not kept), a body's tally (kind {@code determination}: the vote it records) or a
 * guarantor's answer (kind {@code response}). The live service applies each step in the transaction
 * that writes its leaf; since ledger transactions are serialized by the tip lock, leaf order is the
 * order the live service applied them, and {@link #rebuild} applies them again in that order
 * through the same code, so a rebuilt view equals the live one row for row. Titles and determining
 * bodies come from the agreement version each output names ({@code versions}). What the journal's
 * tally and answer leave out (who cast a vote, who answered) comes from the store's records of the
 * same transaction ({@code votes}, {@code guarantor_responses}).
 *
 * <p>A restart rebuilds it (the engine's silent replay writes nothing), so no page shows a state
 * that no recorded output holds: after a restart under a new agreement version, a subject keeps its
 * last recorded state until the new version's engine records an output for it.
 */
public final class OutcomeProjection {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutcomeProjection() {}

  /**
   * Projects engine output {@code o}, computed under {@code agreement} (null when unknown: titles
   * are then the definitions' ids); answers the row it changed (a {@link Operations.Finding},
   * {@link Operations.Obligation} or {@link Operations.Status}), empty when it changed nothing.
   */
  // journal entries have a record time; only output rows lack one
  private static Instant journaledAt(@Nullable Instant at) {
    return Objects.requireNonNull(at, "a journal entry's record time");
  }

  static Optional<Object> output(Handle h, OutputRecord o, @Nullable Agreement agreement) {
    return switch (o) {
      case FindingRecord f -> finding(h, f, agreement);
      case ObligationRecord ob -> obligation(h, ob);
      case StatusRecord s -> status(h, s, agreement);
      case AlertRecord a -> Optional.empty();
    };
  }

  private static Optional<Object> finding(
      Handle h, FindingRecord f, @Nullable Agreement agreement) {
    Optional<String[]> stored =
        h.createQuery("select status, actor, incidents from ops_finding where id = :id")
            .bind("id", f.id())
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .findOne();
    if (stored.isPresent()
        && stored.get()[0].equals(f.status().wireName())
        && stored.get()[1].equals(f.actor())
        && read(stored.get()[2]).equals(f.incidents())) {
      return Optional.empty(); // nothing new (an output repeated)
    }
    Finding def = agreement == null ? null : agreement.findings().get(f.definition());
    Optional<String> body = def == null ? Optional.empty() : def.determinedBy();
    String title = def == null ? f.definition() : def.title().orElse(f.definition());
    boolean decided = f.status().isDecided();
    Optional<Instant> decidedAt = decided ? Optional.of(f.time()) : Optional.empty();
    h.createUpdate(
            """
            insert into ops_finding (id, definition, title, status, actor, body, incidents, raised_at, decided_at)
            values (:id, :def, :title, :status, :actor, :body, cast(:inc as jsonb), :raised, :decided)
            on conflict (id) do update set status = excluded.status, actor = excluded.actor,
              incidents = excluded.incidents, decided_at = excluded.decided_at""")
        .bind("id", f.id())
        .bind("def", f.definition())
        .bind("title", title)
        .bind("status", f.status().wireName())
        .bind("actor", f.actor())
        .bind("body", body.orElse(null))
        .bind("inc", json(f.incidents()))
        .bind("raised", f.time())
        .bind("decided", decidedAt.orElse(null))
        .execute();
    return Optional.of(
        new Operations.Finding(
            f.id(),
            f.definition(),
            title,
            f.status(),
            f.actor(),
            body,
            f.incidents(),
            f.time(),
            decidedAt,
            Map.of()));
  }

  private static Optional<Object> obligation(Handle h, ObligationRecord ob) {
    boolean same =
        h.createQuery("select status from ops_obligation where id = :id")
            .bind("id", ob.id())
            .mapTo(String.class)
            .findOne()
            .map(ob.status().wireName()::equals)
            .orElse(false);
    if (same) {
      return Optional.empty();
    }
    // an obligation without a deadline is kept with one a century away, so "soonest first" holds
    Instant due = ob.due().orElse(ob.time().plus(Duration.ofDays(36500)));
    h.createUpdate(
            """
            insert into ops_obligation (id, guarantee, duty, party, due, status, raised_at)
            values (:id, :g, :d, :p, :due, :s, :raised)
            on conflict (id) do update set status = excluded.status""")
        .bind("id", ob.id())
        .bind("g", ob.guarantee())
        .bind("d", ob.duty())
        .bind("p", ob.party())
        .bind("due", due)
        .bind("s", ob.status().wireName())
        .bind("raised", ob.time())
        .execute();
    return Optional.of(
        new Operations.Obligation(
            ob.id(),
            ob.guarantee(),
            ob.duty(),
            ob.party(),
            due,
            ob.status(),
            ob.time(),
            Optional.empty(),
            ob.decision(),
            "",
            Optional.empty()));
  }

  private static Optional<Object> status(Handle h, StatusRecord s, @Nullable Agreement agreement) {
    String subject = s.subjectKind() + ":" + s.subject();
    boolean same =
        h.createQuery("select status from ops_status where subject = :s")
            .bind("s", subject)
            .mapTo(String.class)
            .findOne()
            .map(s.status().wireName()::equals)
            .orElse(false);
    if (same) {
      return Optional.empty();
    }
    String title =
        agreement == null
            ? s.subject()
            : switch (s.subjectKind()) {
              case "guarantee" ->
                  Optional.ofNullable(agreement.guarantees().get(s.subject()))
                      .flatMap(Guarantee::title)
                      .orElse(s.subject());
              default ->
                  Optional.ofNullable(agreement.provisions().get(s.subject()))
                      .map(p -> p.title())
                      .orElse(s.subject());
            };
    Operations.Status projected =
        new Operations.Status(subject, title, s.status(), s.cause().rule(), s.time());
    h.createUpdate(
            """
            insert into ops_status (subject, kind, title, status, level, cause, at) values (:sub, :k, :t, :s, :l, :c, :at)
            on conflict (subject) do update set status = excluded.status, level = excluded.level, cause = excluded.cause, at = excluded.at""")
        .bind("sub", projected.subject())
        .bind("k", s.subjectKind())
        .bind("t", title)
        .bind("s", s.status().wireName())
        .bind("l", projected.level().orElse(null))
        .bind("c", s.cause().rule())
        .bind("at", s.time())
        .execute();
    return Optional.of(projected);
  }

  /**
   * Projects a vote: {@code party}'s {@code vote} on {@code finding}, cast by {@code voter} at
   * {@code at} (its record time).
   */
  static void voted(Handle h, String finding, String party, String vote, String voter, Instant at) {
    h.createUpdate(
            """
            insert into ops_vote (finding_id, party, vote, voter, at) values (:f, :p, :v, :voter, :at)
            on conflict (finding_id, party) do update set vote = excluded.vote, voter = excluded.voter, at = excluded.at""")
        .bind("f", finding)
        .bind("p", party)
        .bind("v", vote)
        .bind("voter", voter)
        .bind("at", at)
        .execute();
  }

  /**
   * Projects a guarantor's answer {@code r}, given by {@code by} at {@code at}; false when the
   * obligation was no longer pending.
   */
  static boolean answered(Handle h, Response r, String by, Instant at) {
    return h.createUpdate(
                """
            update ops_obligation set status = :s, answer = :a, decision = :d, note = :n, answered_by = :by, answered_at = :at
            where id = :id and status = 'pending'""")
            .bind("s", r.answer().wireName())
            .bind("a", r.answer().wireName())
            .bind("d", r.decision())
            .bind("n", r.note())
            .bind("by", by)
            .bind("at", at)
            .bind("id", r.obligation())
            .execute()
        > 0;
  }

  /**
   * Empties the four tables and applies every step again, in leaf order, in one transaction
   * (holding the ledger's tip lock, so no writer adds a step meanwhile); {@code versions} gives the
   * agreement each output names (null when unknown). Answers the number of steps applied.
   */
  public static long rebuild(Jdbi jdbi, Function<String, Agreement> versions) {
    return jdbi.inTransaction(
        h -> {
          h.execute("select tree_size from ledger_tip where id = 1 for update");
          h.execute("truncate ops_vote, ops_finding, ops_obligation, ops_status");
          long[] applied = {0};
          Map<String, Optional<Agreement>> byRef = new HashMap<>();
          record Step(
              String source,
              long leaf,
              long seq,
              @Nullable String kind,
              String body,
              @Nullable Instant at,
              @Nullable String agreement) {}
          List<Step> steps =
              h.createQuery(
                      """
              select 'journal', j.leaf_index, j.seq, j.kind, j.body_text, j.recorded_at, null from journal j
              where j.kind in ('determination', 'response')
              union all
              select 'output', o.leaf_index, o.journal_seq, null, o.body_text, null, e.body->>'agreement'
              from outputs o left join engine_outputs e on e.leaf_index = o.leaf_index
              order by 2""")
                  .map(
                      (rs, ctx) ->
                          new Step(
                              rs.getString(1),
                              rs.getLong(2),
                              rs.getLong(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                              rs.getString(7)))
                  .list();
          for (Step s : steps) {
            applied[0]++;
            if (s.source().equals("output")) {
              Agreement a =
                  byRef
                      .computeIfAbsent(
                          String.valueOf(s.agreement()),
                          ref -> Optional.ofNullable(versions.apply(ref)))
                      .orElse(null);
              output(h, OutputCodec.decode(s.body(), s.seq()), a);
            } else if ("determination".equals(s.kind())) {
              Determination d =
                  (Determination) InputCodec.decodeRecorded(s.body(), s.seq()).record();
              // the vote this tally records: the store's last vote on the finding in the tally's
              // transaction
              String[] v =
                  h.createQuery(
                          """
                  select voter, answer, reason from votes where determination_id = :f and leaf_index < :leaf
                  order by leaf_index desc limit 1""")
                      .bind("f", d.finding())
                      .bind("leaf", s.leaf())
                      .map(
                          (rs, ctx) ->
                              new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                      .findOne()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "journal entry "
                                      + s.seq()
                                      + " is a tally of "
                                      + d.finding()
                                      + " but the store holds no vote before it"));
              voted(h, d.finding(), v[0], v[1], voter(v[2]), journaledAt(s.at()));
            } else {
              Response r = (Response) InputCodec.decodeRecorded(s.body(), s.seq()).record();
              String by =
                  h.createQuery(
                          "select body from guarantor_responses where response_id = :id order by leaf_index desc limit 1")
                      .bind("id", r.id())
                      .mapTo(String.class)
                      .findOne()
                      .map(b -> tree(b).path("answered-by").asText(""))
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "journal entry "
                                      + s.seq()
                                      + " is answer "
                                      + r.id()
                                      + " but the store holds no response"));
              answered(h, r, by, journaledAt(s.at()));
            }
          }
          return applied[0];
        });
  }

  /** The prefix of a stored vote's reason before the voter's name. */
  static final String CAST_BY = "cast by ";

  private static String voter(String reason) {
    return reason != null && reason.startsWith(CAST_BY)
        ? reason.substring(CAST_BY.length())
        : String.valueOf(reason);
  }

  private static List<String> read(String jsonArray) {
    try {
      return JSON.readValue(jsonArray, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  private static JsonNode tree(String s) {
    try {
      return JSON.readTree(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a stored response is malformed: " + e.getOriginalMessage(), e);
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
