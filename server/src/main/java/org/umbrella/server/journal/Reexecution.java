package org.umbrella.server.journal;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.ReviewStatus;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;

/**
 * Re-executes enforcement: replays the journal through a fresh engine for the agreement the
 * outputs name, and compares every output it computes, byte for byte, with the engine output
 * leaves on record, in order. Not only is each record included in the ledger: each decision
 * follows from the records before it.
 *
 * <p>Journal entries after the last one whose outputs are on record (a service still catching up,
 * or stopped mid-way) are replayed but not compared; they are counted apart. A pure function of
 * the rows it reads; nothing is written.
 */
public final class Reexecution {
  private Reexecution() {}

  /** Where a recomputed output and the record part ways. */
  public record Divergence(long leafIndex, long journalSeq, String recomputed, String recorded) {
    @Override
    public String toString() {
      return "first divergence at leaf " + (leafIndex < 0 ? "(none)" : String.valueOf(leafIndex)) + " (journal entry " + journalSeq + "):\n"
          + "  recorded:   " + (recorded == null ? "(nothing)" : recorded) + "\n"
          + "  recomputed: " + (recomputed == null ? "(nothing)" : recomputed);
    }
  }

  /** What re-execution found. */
  public record Result(long journalEntries, long matched, long uncompared, Optional<Divergence> divergence) {
    public boolean ok() {
      return divergence.isEmpty();
    }
  }

  private record Stored(long journalSeq, long leafIndex, String agreement, String line) {}

  /**
   * Re-executes the journal on {@code jdbi} under {@code agreement}, whose name every recorded
   * output must carry ({@code agreementRef}).
   */
  public static Result run(Jdbi jdbi, Agreement agreement, String agreementRef) {
    return run(jdbi, java.util.Map.of(agreementRef, agreement));
  }

  /** A stretch of the recorded outputs computed under one agreement version. */
  public record Segment(String agreement, long firstJournalSeq, long lastJournalSeq, long outputs) {}

  /**
   * The agreement versions the recorded outputs name, in the order they were in force, each with
   * the journal entries whose outputs name it.
   *
   * @throws IllegalStateException when a version's outputs interleave with another's (a version
   *     put back in force after another; not supported)
   */
  public static List<Segment> segments(Jdbi jdbi) {
    List<Segment> segments = jdbi.withHandle(h -> h.createQuery("""
            select e.body->>'agreement', min(o.journal_seq), max(o.journal_seq), count(*), min(o.seq) as first
            from outputs o left join engine_outputs e on e.leaf_index = o.leaf_index
            group by 1 order by first""")
        .map((rs, ctx) -> new Segment(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list());
    for (int k = 1; k < segments.size(); k++) {
      if (segments.get(k).firstJournalSeq() < segments.get(k - 1).lastJournalSeq()) {
        throw new IllegalStateException("outputs under " + segments.get(k).agreement() + " and " + segments.get(k - 1).agreement()
            + " interleave (journal entries " + segments.get(k).firstJournalSeq() + " and " + segments.get(k - 1).lastJournalSeq() + ")");
      }
    }
    return segments;
  }

  /**
   * Re-executes the journal on {@code jdbi} under every agreement version the recorded outputs
   * name ({@code versions}, by name), segment by segment, as the service computed them: when a
   * version is put in force the service rebuilds a fresh engine for it from the whole journal,
   * entries whose outputs are on record (under the versions before) replayed silently, and records
   * what it computes for the entries after them. So segment k is re-executed by a fresh engine for
   * its version over the journal from the start, silent through the last entry with outputs of
   * segment k - 1, compared after it (through its own last entry; the last segment through the end).
   *
   * @throws IllegalArgumentException when the outputs name a version not in {@code versions}
   */
  public static Result run(Jdbi jdbi, java.util.Map<String, Agreement> versions) {
    List<Segment> segments = segments(jdbi);
    for (Segment s : segments) {
      if (!versions.containsKey(s.agreement())) {
        throw new IllegalArgumentException("the outputs of journal entries " + s.firstJournalSeq() + "-" + s.lastJournalSeq()
            + " were computed under " + s.agreement() + ", which was not given");
      }
    }
    if (segments.isEmpty()) {
      long entries = jdbi.withHandle(h -> h.createQuery("select count(*) from journal").mapTo(Long.class).one());
      return new Result(entries, 0, 0, Optional.empty());
    }
    long matched = 0;
    Result last = null;
    for (int k = 0; k < segments.size(); k++) {
      Segment s = segments.get(k);
      long silentThrough = k == 0 ? 0 : segments.get(k - 1).lastJournalSeq();
      boolean lastSegment = k == segments.size() - 1;
      last = runSegment(jdbi, versions.get(s.agreement()), s.agreement(), silentThrough, lastSegment ? Long.MAX_VALUE : s.lastJournalSeq());
      matched += last.matched();
      if (!last.ok()) {
        return new Result(last.journalEntries(), matched, last.uncompared(), last.divergence());
      }
    }
    return new Result(last.journalEntries(), matched, last.uncompared(), Optional.empty());
  }

  /**
   * One segment: a fresh engine for {@code agreement} over the journal through {@code
   * throughSeq}, silent through {@code silentThrough}, its outputs after that compared with the
   * recorded ones of those entries.
   */
  private static Result runSegment(Jdbi jdbi, Agreement agreement, String agreementRef, long silentThrough, long throughSeq) {
    Engine engine = Engine.create(agreement);
    long[] counts = new long[3]; // entries, matched, uncompared
    Divergence[] first = {null};
    try (Handle h = jdbi.open()) {
      h.begin();
      long recordedThrough = h.createQuery("select coalesce(max(journal_seq), 0) from outputs").mapTo(Long.class).one();
      try (Stream<Stored> stored = h.createQuery("""
              select o.journal_seq, o.leaf_index, e.body->>'agreement', e.body->>'line'
              from outputs o left join engine_outputs e on e.leaf_index = o.leaf_index
              where o.journal_seq > :silent and o.journal_seq <= :through order by o.seq""")
          .bind("silent", silentThrough).bind("through", throughSeq)
          .setFetchSize(2_000)
          .map((rs, ctx) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).stream()) {
        Iterator<Stored> next = stored.iterator();
        Stored[] pending = {next.hasNext() ? next.next() : null};
        Journal.read(jdbi, 0, throughSeq, Long.MAX_VALUE, e -> {
          counts[0]++;
          InputRecord r = e.input().record();
          if (first[0] != null || !feeds(r)) {
            return;
          }
          List<OutputRecord> out;
          try {
            out = engine.process(r, e.input().recordedAt());
          } catch (EngineException ex) {
            out = List.of(); // the live engine logged and skipped it too
          }
          if (e.seq() <= silentThrough) {
            return; // replayed silently by the service when this version was put in force
          }
          if (e.seq() > recordedThrough) {
            counts[2] += out.size();
            return;
          }
          for (OutputRecord o : out) {
            String line = OutputCodec.encode(o);
            Stored s = pending[0];
            if (s == null || s.journalSeq() != e.seq() || !line.equals(s.line()) || !agreementRef.equals(s.agreement())) {
              first[0] = new Divergence(s == null ? -1 : s.leafIndex(), e.seq(), line,
                  s == null ? null : (agreementRef.equals(s.agreement()) ? "" : "[agreement " + s.agreement() + "] ") + s.line());
              return;
            }
            counts[1]++;
            pending[0] = next.hasNext() ? next.next() : null;
          }
          // a recorded output this entry did not produce
          if (pending[0] != null && pending[0].journalSeq() == e.seq()) {
            first[0] = new Divergence(pending[0].leafIndex(), e.seq(), null, pending[0].line());
          }
        });
        if (first[0] == null && pending[0] != null) {
          first[0] = new Divergence(pending[0].leafIndex(), pending[0].journalSeq(), null, pending[0].line());
        }
      }
      h.rollback();
    }
    return new Result(counts[0], counts[1], counts[2], Optional.ofNullable(first[0]));
  }

  /** The engine's rule for journal entries, as the service applies it: unreviewed report versions are passed over. */
  public static boolean feeds(InputRecord r) {
    return !(r instanceof Incident i && i.status() == ReviewStatus.REPORTED);
  }
}
