package org.umbrella.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.umbrella.engine.input.Incident;
import org.umbrella.server.journal.Journal;

/**
 * The pages' view of reports and their reviews ({@code ops_report}, {@code ops_review}): a
 * projection of the journal, never written any other way.
 *
 * <p>Each report version in the journal (kind {@code incident}) is one step: the first version of a
 * report inserts its row, each later one (a review) updates its status and attribution and adds a
 * review row. What the engine's canonical incident has no room for is read from the store's records
 * written in the same transaction: who filed the report, when, and its summary ({@code
 * incident_reports}); who reviewed it and why ({@code reviews}, the n-th review of a report being
 * its (n+1)-th journaled version: each review writes exactly one of each). The live service applies
 * each step in the transaction that journals it ({@link #filed}, {@link #reviewed}) and moves the
 * position ({@code projection_position}) with it; {@link #rebuild} empties both tables and applies
 * every step again through the same code, so a rebuilt projection equals the live one row for row.
 * Stateless; every method runs on the handle or database it is given.
 */
public final class ReportProjection {
  /** This projection's name in {@code projection_position}. */
  public static final String NAME = "reports";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportProjection() {}

  /** A report version as filed, with what the canonical incident leaves out. */
  record Filed(Incident incident, String filedBy, Instant filedAt, String summary) {}

  /**
   * Projects reports as filed (their first journaled version), journal entry {@code seq} the last
   * of them.
   */
  static void filed(Handle h, List<Filed> batch, long seq) {
    PreparedBatch rows =
        h.prepareBatch(
            """
        insert into ops_report (id, filed_by, filed_at, time, time_precision, kind, lat, lon, place_precision,
          actor_party, actor_confidence, target, fatalities_low, fatalities_best, fatalities_high, sources,
          status, tags, summary, updated_at)
        values (:id, :by, :now, :time, :tp, :kind, :lat, :lon, :pp, :party, :conf, :target, :low, :best, :high,
          cast(:sources as jsonb), :status, cast(:tags as jsonb), :summary, :now)""");
    for (Filed f : batch) {
      Incident i = f.incident();
      rows.bind("id", i.id())
          .bind("by", f.filedBy())
          .bind("now", f.filedAt())
          .bind("time", i.time())
          .bind("tp", i.timePrecision().wireName())
          .bind("kind", i.kind().wireName())
          .bind("lat", i.place().lat())
          .bind("lon", i.place().lon())
          .bind("pp", i.place().precision().wireName())
          .bind("party", i.actor().party())
          .bind("conf", i.actor().confidence())
          .bind("target", i.target())
          .bind("low", i.fatalities().low())
          .bind("best", i.fatalities().best())
          .bind("high", i.fatalities().high())
          .bind(
              "sources",
              json(
                  i.sources().stream()
                      .map(s -> new Report.Source(s.id(), s.kind(), s.group()))
                      .toList()))
          .bind("status", i.status().wireName())
          .bind("tags", json(i.tags()))
          .bind("summary", f.summary())
          .add();
    }
    rows.execute();
    position(h, seq);
  }

  /**
   * Projects a review: {@code after} is the report's version it journaled as entry {@code seq}, at
   * {@code at} (its record time).
   */
  static void reviewed(
      Handle h, Incident after, String reviewer, String note, Instant at, long seq) {
    h.createUpdate(
            """
            update ops_report set status = :s, updated_at = :now, actor_party = :party, actor_confidence = :conf
            where id = :id""")
        .bind("s", after.status().wireName())
        .bind("now", at)
        .bind("party", after.actor().party())
        .bind("conf", after.actor().confidence())
        .bind("id", after.id())
        .execute();
    h.createUpdate(
            "insert into ops_review (report_id, reviewer, status, actor_party, confidence, note, at) values (:id, :r, :s, :p, :c, :n, :at)")
        .bind("id", after.id())
        .bind("r", reviewer)
        .bind("s", after.status().wireName())
        .bind("p", after.actor().party())
        .bind("c", after.actor().confidence())
        .bind("n", note)
        .bind("at", at)
        .execute();
    position(h, seq);
  }

  private static void position(Handle h, long seq) {
    h.createUpdate(
            """
            insert into projection_position (name, journal_seq) values (:n, :s)
            on conflict (name) do update set journal_seq = greatest(projection_position.journal_seq, excluded.journal_seq)""")
        .bind("n", NAME)
        .bind("s", seq)
        .execute();
  }

  /** The last journal entry applied, or -1 when this projection has never been built. */
  public static long position(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select journal_seq from projection_position where name = :n")
                .bind("n", NAME)
                .mapTo(Long.class)
                .findOne()
                .orElse(-1L));
  }

  /**
   * Brings the projection up to the journal at start: rebuilt from the whole journal when it was
   * never built (or was emptied), else each report version journaled after its position applied.
   * Answers the number of journal entries applied.
   */
  public static long catchUp(Jdbi jdbi) {
    return apply(jdbi, false);
  }

  /**
   * Empties {@code ops_report} and {@code ops_review} and applies every report version in the
   * journal again, in one transaction (readers see the old projection until it commits). Answers
   * the number of journal entries applied.
   */
  public static long rebuild(Jdbi jdbi) {
    return apply(jdbi, true);
  }

  private static long apply(Jdbi jdbi, boolean rebuild) {
    return jdbi.inTransaction(
        h -> {
          // the ledger's writers take the tip lock first; holding it here, no report is filed or
          // reviewed while the projection is rebuilt, so none is applied twice or missed
          h.execute("select tree_size from ledger_tip where id = 1 for update");
          // the position is read under the lock: read before it, another service instance (cluster
          // mode) could project a review in between, whose store review the count below would then
          // skip as projected while its journal entry, after the stale position, was applied again
          long position =
              rebuild
                  ? -1
                  : h.createQuery("select journal_seq from projection_position where name = :n")
                      .bind("n", NAME)
                      .mapTo(Long.class)
                      .findOne()
                      .orElse(-1L);
          boolean fresh = position < 0;
          long afterSeq = fresh ? 0 : position;
          if (fresh) {
            h.execute("truncate ops_review, ops_report restart identity");
            h.execute("delete from projection_position where name = '" + NAME + "'");
          }
          Set<String> known =
              new HashSet<>(h.createQuery("select id from ops_report").mapTo(String.class).list());
          Map<String, Deque<String[]>> reviews = new HashMap<>();
          // reviews already projected are skipped: the n-th review belongs to the (n+1)-th version
          Map<String, Integer> projected = new HashMap<>();
          h.createQuery("select report_id, count(*) from ops_review group by report_id")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
              .forEach(e -> projected.put(e.getKey(), e.getValue()));
          h.createQuery("select incident_id, reviewer, reason from reviews order by id")
              .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .forEach(r -> reviews.computeIfAbsent(r[0], k -> new ArrayDeque<>()).add(r));
          projected.forEach(
              (id, n) -> {
                Deque<String[]> q = reviews.getOrDefault(id, new ArrayDeque<>());
                for (int k = 0; k < n && !q.isEmpty(); k++) {
                  q.removeFirst();
                }
              });
          Map<String, Filed> asFiled = new HashMap<>();
          long[] applied = {0};
          for (Journal.InputEntry e : Journal.incidents(h, afterSeq)) {
            Incident i = (Incident) e.input().record();
            applied[0]++;
            if (known.add(i.id())) {
              Filed f = asFiled.computeIfAbsent(i.id(), id -> filedRow(h, i));
              filed(h, List.of(f), e.seq());
            } else {
              Deque<String[]> q = reviews.get(i.id());
              String[] r = q == null ? null : q.pollFirst();
              if (r == null) {
                throw new IllegalStateException(
                    "journal entry "
                        + e.seq()
                        + " is a new version of report "
                        + i.id()
                        + " but the store holds no review for it: the journal and the store's records disagree");
              }
              reviewed(h, i, r[1], r[2], e.input().recordedAt(), e.seq());
            }
          }
          return applied[0];
        });
  }

  /**
   * The report's first version with who filed it, when, and its summary, from the store's {@code
   * incident_reports}.
   */
  private static Filed filedRow(Handle h, Incident i) {
    return h.createQuery(
            "select filed_by, filed_at, body from incident_reports where incident_id = :id order by id limit 1")
        .bind("id", i.id())
        .map(
            (rs, ctx) ->
                new Filed(
                    i, rs.getString(1), rs.getTimestamp(2).toInstant(), summary(rs.getString(3))))
        .findOne()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "report "
                        + i.id()
                        + " is journaled but the store holds no report as filed for it"));
  }

  private static String summary(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n.path("summary").asText("");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a stored report as filed is malformed: " + e.getOriginalMessage(), e);
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
