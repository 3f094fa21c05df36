package org.umbrella.server.journal;

import java.time.Instant;
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
 * <p>{@link #append} runs inside a ledger transaction ({@link org.umbrella.server.ledger.Ledger#write}),
 * which holds the ledger's tip lock until it commits: so entries are numbered in commit order and
 * a reader never sees entry {@code n + 1} without entry {@code n}. Thread-safe (stateless).
 */
public final class Journal {
  /** How many entries a read fetches per round trip. */
  private static final int FETCH = 2_000;

  private Journal() {}

  /** One journaled input: its number (the order the engine sees it), the input and its record time, its leaf. */
  public record Entry(long seq, RecordedInput input, long leafIndex) {}

  /**
   * Appends {@code input} recorded at {@code recordedAt}, whose ledger leaf is {@code leafIndex},
   * on {@code h} (inside the ledger transaction that wrote that leaf); returns its number.
   */
  public static long append(Handle h, InputRecord input, Instant recordedAt, long leafIndex) {
    RecordedInput recorded = new RecordedInput(input, recordedAt);
    return h.createUpdate("insert into journal (recorded_at, kind, input_id, body_text, leaf_index) values (:at, :kind, :id, :body, :leaf)")
        .bind("at", recordedAt).bind("kind", kind(input)).bind("id", input.id()).bind("body", InputCodec.encode(recorded))
        .bind("leaf", leafIndex).executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
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

  /** Hands every entry after {@code afterSeq} to {@code sink}, in order, through a cursor; returns the last number seen. */
  public static long read(Jdbi jdbi, long afterSeq, Consumer<Entry> sink) {
    return read(jdbi, afterSeq, Long.MAX_VALUE, sink);
  }

  /** As {@link #read(Jdbi, long, Consumer)}, at most {@code limit} entries. */
  public static long read(Jdbi jdbi, long afterSeq, long limit, Consumer<Entry> sink) {
    return read(jdbi, afterSeq, Long.MAX_VALUE, limit, sink);
  }

  /** As {@link #read(Jdbi, long, long, Consumer)}, only entries numbered up to {@code throughSeq}. */
  public static long read(Jdbi jdbi, long afterSeq, long throughSeq, long limit, Consumer<Entry> sink) {
    long[] last = {afterSeq};
    jdbi.useTransaction(h -> h.createQuery("select seq, body_text, leaf_index from journal where seq > :after and seq <= :through order by seq limit :limit")
        .bind("after", afterSeq).bind("through", throughSeq).bind("limit", limit).setFetchSize(FETCH)
        .map((rs, ctx) -> new Entry(rs.getLong(1), InputCodec.decodeRecorded(rs.getString(2), rs.getLong(1)), rs.getLong(3)))
        .forEach(e -> {
          last[0] = e.seq();
          sink.accept(e);
        }));
    return last[0];
  }

  /**
   * Every report version (kind {@code incident}) after {@code afterSeq}, in order, read on {@code h}
   * (inside the caller's transaction) into memory, so the caller may write on the same handle.
   */
  public static java.util.List<Entry> incidents(Handle h, long afterSeq) {
    return h.createQuery("select seq, body_text, leaf_index from journal where seq > :after and kind = 'incident' order by seq")
        .bind("after", afterSeq).setFetchSize(FETCH)
        .map((rs, ctx) -> new Entry(rs.getLong(1), InputCodec.decodeRecorded(rs.getString(2), rs.getLong(1)), rs.getLong(3)))
        .list();
  }

  /** The number of entries for input {@code id} (a report's versions, for example). */
  public static long versions(Jdbi jdbi, String id) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from journal where input_id = :id").bind("id", id).mapTo(Long.class).one());
  }
}
