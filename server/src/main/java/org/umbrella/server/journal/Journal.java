package org.umbrella.server.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Tick;

/**
 * Appends to and reads the journal (table {@code journal}, migration V82).
 *
 * <p>{@link #append} runs inside a ledger transaction ({@link
 * org.umbrella.server.ledger.ServerLedger#write}), which holds the ledger's tip lock until it
 * commits: so entries are numbered in commit order and a reader never sees entry {@code n + 1}
 * without entry {@code n}. Thread-safe (stateless).
 */
public final class Journal {
  /** How many entries a read fetches per round trip. */
  private static final int FETCH = 2_000;

  private Journal() {}

  /**
   * One journal entry: its number (the order the engine sees it), its record time (the server clock
   * when the service accepted it) and the ledger leaf written in the same transaction. Either an
   * input the engine consumes or an agreement version put in force; every reader says what it does
   * with each.
   */
  public sealed interface Entry permits InputEntry, AgreementEntry {
    long seq();

    Instant recordedAt();

    long leafIndex();
  }

  /**
   * An input the engine consumes (a report version, tally, answer, provision report or tick) with
   * its record time.
   */
  public record InputEntry(long seq, RecordedInput input, long leafIndex) implements Entry {
    @Override
    public Instant recordedAt() {
      return input.recordedAt();
    }
  }

  /**
   * An agreement version put in force. The service then rebuilt a fresh engine for it from the
   * whole journal, silent through entry {@code replayedThrough} (the last whose outputs were on
   * record, under the versions before); it computed every later entry's outputs.
   */
  public record AgreementEntry(
      long seq, Instant recordedAt, AgreementVersion version, long replayedThrough, long leafIndex)
      implements Entry {}

  /**
   * Appends {@code input} recorded at {@code recordedAt}, whose ledger leaf is {@code leafIndex},
   * on {@code h} (inside the ledger transaction that wrote that leaf); returns its number.
   */
  public static long append(Handle h, InputRecord input, Instant recordedAt, long leafIndex) {
    RecordedInput recorded = new RecordedInput(input, recordedAt);
    return h.createUpdate(
            "insert into journal (recorded_at, kind, input_id, body_text, leaf_index) values (:at, :kind, :id, :body, :leaf)")
        .bind("at", recordedAt)
        .bind("kind", kind(input))
        .bind("id", input.id())
        .bind("body", InputCodec.encode(recorded))
        .bind("leaf", leafIndex)
        .executeAndReturnGeneratedKeys("seq")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Appends agreement version {@code version} put in force at {@code at}, the outputs on record
   * through entry {@code replayedThrough}, whose ledger leaf (its source in {@code agreements}) is
   * {@code leafIndex}, on {@code h} inside that leaf's ledger transaction; returns its number.
   */
  public static long putInForce(
      Handle h, AgreementVersion version, Instant at, long replayedThrough, long leafIndex) {
    return h.createUpdate(
            "insert into journal (recorded_at, kind, input_id, body_text, leaf_index) values (:at, 'agreement', :id, :body, :leaf)")
        .bind("at", at)
        .bind("id", version.ref())
        .bind("body", version.encode(replayedThrough))
        .bind("leaf", leafIndex)
        .executeAndReturnGeneratedKeys("seq")
        .mapTo(Long.class)
        .one();
  }

  /** Every agreement version put in force, in order, read on {@code h}. */
  public static List<AgreementEntry> versions(Handle h) {
    return h.createQuery(
            "select seq, recorded_at, kind, body_text, leaf_index from journal where kind = 'agreement' order by seq")
        .map((rs, ctx) -> (AgreementEntry) entry(rs))
        .list();
  }

  /** As {@link #versions(Handle)}, on a handle of its own. */
  public static List<AgreementEntry> versions(Jdbi jdbi) {
    return jdbi.withHandle(Journal::versions);
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    long seq = rs.getLong("seq");
    long leaf = rs.getLong("leaf_index");
    String body = rs.getString("body_text");
    if ("agreement".equals(rs.getString("kind"))) {
      AgreementVersion.Decoded d = AgreementVersion.decode(body, seq);
      return new AgreementEntry(
          seq, rs.getTimestamp("recorded_at").toInstant(), d.version(), d.replayedThrough(), leaf);
    }
    return new InputEntry(seq, InputCodec.decodeRecorded(body, seq), leaf);
  }

  /** The journal's kind for a record. */
  static String kind(InputRecord r) {
    return switch (r) {
      case Incident i -> "incident";
      case Determination d -> "determination";
      case Response x -> "response";
      case ProvisionReport p -> "provision-report";
      case Tick t -> "tick";
    };
  }

  /**
   * Hands every entry after {@code afterSeq} to {@code sink}, in order, through a cursor; returns
   * the last number seen.
   */
  public static long read(Jdbi jdbi, long afterSeq, Consumer<Entry> sink) {
    return read(jdbi, afterSeq, Long.MAX_VALUE, sink);
  }

  /** As {@link #read(Jdbi, long, Consumer)}, at most {@code limit} entries. */
  public static long read(Jdbi jdbi, long afterSeq, long limit, Consumer<Entry> sink) {
    return read(jdbi, afterSeq, Long.MAX_VALUE, limit, sink);
  }

  /**
   * As {@link #read(Jdbi, long, long, Consumer)}, only entries numbered up to {@code throughSeq}.
   */
  public static long read(
      Jdbi jdbi, long afterSeq, long throughSeq, long limit, Consumer<Entry> sink) {
    long[] last = {afterSeq};
    jdbi.useTransaction(
        h ->
            h.createQuery(
                    """
            select seq, recorded_at, kind, body_text, leaf_index from journal
            where seq > :after and seq <= :through order by seq limit :limit""")
                .bind("after", afterSeq)
                .bind("through", throughSeq)
                .bind("limit", limit)
                .setFetchSize(FETCH)
                .map((rs, ctx) -> entry(rs))
                .forEach(
                    e -> {
                      last[0] = e.seq();
                      sink.accept(e);
                    }));
    return last[0];
  }

  /**
   * Every report version (kind {@code incident}) after {@code afterSeq}, in order, read on {@code
   * h} (inside the caller's transaction) into memory, so the caller may write on the same handle.
   */
  public static List<InputEntry> incidents(Handle h, long afterSeq) {
    return h.createQuery(
            "select seq, body_text, leaf_index from journal where seq > :after and kind = 'incident' order by seq")
        .bind("after", afterSeq)
        .setFetchSize(FETCH)
        .map(
            (rs, ctx) ->
                new InputEntry(
                    rs.getLong(1),
                    InputCodec.decodeRecorded(rs.getString(2), rs.getLong(1)),
                    rs.getLong(3)))
        .list();
  }

  /** The number of entries for input {@code id} (a report's versions, for example). */
  public static long versions(Jdbi jdbi, String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*) from journal where input_id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one());
  }
}
