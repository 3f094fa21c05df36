package org.umbrella.server.journal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.Engine;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;

/**
 * Re-executes enforcement: replays the journal through a fresh engine for the agreement the outputs
 * name, and compares every output it computes, byte for byte, with the engine output leaves on
 * record, in order. Not only is each record included in the ledger: each decision follows from the
 * records before it.
 *
 * <p>Journal entries after the last one whose outputs are on record (a service still catching up,
 * or stopped mid-way) are replayed but not compared; they are counted apart. A pure function of the
 * rows it reads; nothing is written.
 */
public final class Reexecution {
  private Reexecution() {}

  /** Where a recomputed output and the record part ways. */
  public record Divergence(
      long leafIndex, long journalSeq, @Nullable String recomputed, @Nullable String recorded) {
    @Override
    public String toString() {
      return "first divergence at leaf "
          + (leafIndex < 0 ? "(none)" : String.valueOf(leafIndex))
          + " (journal entry "
          + journalSeq
          + "):\n"
          + "  recorded:   "
          + (recorded == null ? "(nothing)" : recorded)
          + "\n"
          + "  recomputed: "
          + (recomputed == null ? "(nothing)" : recomputed);
    }
  }

  /** What re-execution found. */
  public record Result(
      long journalEntries, long matched, long uncompared, Optional<Divergence> divergence) {
    public boolean ok() {
      return divergence.isEmpty();
    }
  }

  private record Stored(long journalSeq, long leafIndex, String agreement, String line) {}

  /**
   * Re-executes the journal on {@code jdbi} under {@code agreement}, whose name every recorded
   * output must carry ({@code agreementRef}), for a journal in which no version was put in force
   * (the service was given the agreement's model, not its bytes).
   */
  public static Result run(Jdbi jdbi, Agreement agreement, String agreementRef) {
    return run(jdbi, Map.of(agreementRef, agreement));
  }

  /**
   * Re-executes the journal on {@code jdbi} under the agreement versions it records as put in
   * force, loaded from the journal alone (see {@link #run(Jdbi, java.util.Map)}).
   */
  public static Result run(Jdbi jdbi) {
    return run(jdbi, Map.of());
  }

  /**
   * A stretch of the journal computed under one agreement version: a fresh engine for it replays
   * the journal silently through entry {@code silentThrough} and its outputs for the entries after
   * it, through {@code throughSeq} ({@link Long#MAX_VALUE}: the end), are compared with the {@code
   * outputs} recorded for them. {@code journaled}: the version and the cut are journal entries
   * (kind {@code agreement}); else (a journal written before versions were journaled, or a service
   * given no bytes) they are read off the outputs, and the version must be given.
   */
  public record Segment(
      String agreement, long silentThrough, long throughSeq, long outputs, boolean journaled) {}

  /**
   * The agreement versions in the order they were in force, each with the stretch of the journal
   * computed under it: from the journal's own agreement entries, after any stretch recorded before
   * the first of them (whose versions the outputs name).
   *
   * @throws IllegalStateException when, before the first journaled version, one version's outputs
   *     interleave with another's
   */
  public static List<Segment> segments(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> {
          List<Journal.AgreementEntry> versions = Journal.versions(h);
          long firstCut = versions.isEmpty() ? Long.MAX_VALUE : versions.get(0).replayedThrough();
          List<Segment> segments = new ArrayList<>();
          record Named(String agreement, long first, long last, long outputs) {}
          List<Named> named =
              h.createQuery(
                      """
              select e.body->>'agreement', min(o.journal_seq), max(o.journal_seq), count(*), min(o.seq) as first
              from outputs o left join engine_outputs e on e.leaf_index = o.leaf_index
              where o.journal_seq <= :cut group by 1 order by first""")
                  .bind("cut", firstCut)
                  .map(
                      (rs, ctx) ->
                          new Named(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                  .list();
          for (int k = 0; k < named.size(); k++) {
            Named n = named.get(k);
            if (k > 0 && n.first() < named.get(k - 1).last()) {
              throw new IllegalStateException(
                  "outputs under "
                      + n.agreement()
                      + " and "
                      + named.get(k - 1).agreement()
                      + " interleave (journal entries "
                      + n.first()
                      + " and "
                      + named.get(k - 1).last()
                      + ")");
            }
            long through =
                k < named.size() - 1 ? n.last() : versions.isEmpty() ? Long.MAX_VALUE : firstCut;
            segments.add(
                new Segment(
                    n.agreement(),
                    k == 0 ? 0 : named.get(k - 1).last(),
                    through,
                    n.outputs(),
                    false));
          }
          for (int k = 0; k < versions.size(); k++) {
            Journal.AgreementEntry v = versions.get(k);
            long through =
                k < versions.size() - 1 ? versions.get(k + 1).replayedThrough() : Long.MAX_VALUE;
            long outputs =
                h.createQuery(
                        "select count(*) from outputs where journal_seq > :from and journal_seq <= :through")
                    .bind("from", v.replayedThrough())
                    .bind("through", through)
                    .mapTo(Long.class)
                    .one();
            segments.add(
                new Segment(v.version().ref(), v.replayedThrough(), through, outputs, true));
          }
          return segments;
        });
  }

  /**
   * Re-executes the journal on {@code jdbi} segment by segment ({@link #segments}), as the service
   * computed it: when a version is put in force the service rebuilds a fresh engine for it from the
   * whole journal, entries whose outputs are on record (under the versions before) replayed
   * silently, and records what it computes for the entries after them. So each segment is
   * re-executed by a fresh engine for its version over the journal from the start, silent through
   * its cut, compared after it. A journaled version is loaded from the journal itself; an earlier
   * one (named by the outputs only) is taken from {@code given}, by name.
   *
   * @throws IllegalArgumentException when the outputs name a version that is neither journaled nor
   *     given, or a journaled version does not load
   */
  public static Result run(Jdbi jdbi, Map<String, Agreement> given) {
    List<Segment> segments = segments(jdbi);
    Map<String, Agreement> journaled = new HashMap<>();
    for (Journal.AgreementEntry v : Journal.versions(jdbi)) {
      journaled.computeIfAbsent(v.version().ref(), ref -> v.version().load());
    }
    for (Segment s : segments) {
      if (!s.journaled() && !given.containsKey(s.agreement())) {
        throw new IllegalArgumentException(
            "the outputs of journal entries "
                + (s.silentThrough() + 1)
                + "-"
                + (s.throughSeq() == Long.MAX_VALUE ? "end" : String.valueOf(s.throughSeq()))
                + " were computed under "
                + s.agreement()
                + ", which was not given");
      }
    }
    if (segments.isEmpty()) {
      long entries =
          jdbi.withHandle(
              h -> h.createQuery("select count(*) from journal").mapTo(Long.class).one());
      return new Result(entries, 0, 0, Optional.empty());
    }
    long matched = 0;
    Result last = null;
    for (Segment s : segments) {
      Agreement a = s.journaled() ? journaled.get(s.agreement()) : given.get(s.agreement());
      if (a == null) { // checked above for the given ones; a journaled one is loaded above
        throw new IllegalStateException("no agreement " + s.agreement() + " for a segment");
      }
      last = runSegment(jdbi, a, s.agreement(), s.silentThrough(), s.throughSeq());
      matched += last.matched();
      if (!last.ok()) {
        return new Result(last.journalEntries(), matched, last.uncompared(), last.divergence());
      }
    }
    if (last == null) { // segments is not empty (returned above)
      throw new IllegalStateException("no segment ran");
    }
    return new Result(last.journalEntries(), matched, last.uncompared(), Optional.empty());
  }

  /**
   * One segment: a fresh engine for {@code agreement} over the journal through {@code throughSeq},
   * silent through {@code silentThrough}, its outputs after that compared with the recorded ones of
   * those entries.
   */
  private static Result runSegment(
      Jdbi jdbi, Agreement agreement, String agreementRef, long silentThrough, long throughSeq) {
    Engine engine = Engine.create(agreement);
    long[] counts = new long[3]; // entries, matched, uncompared
    Divergence[] first = {null};
    try (Handle h = jdbi.open()) {
      h.begin();
      long recordedThrough =
          h.createQuery("select coalesce(max(journal_seq), 0) from outputs")
              .mapTo(Long.class)
              .one();
      try (Stream<Stored> stored =
          h
              .createQuery(
                  """
              select o.journal_seq, o.leaf_index, e.body->>'agreement', e.body->>'line'
              from outputs o left join engine_outputs e on e.leaf_index = o.leaf_index
              where o.journal_seq > :silent and o.journal_seq <= :through order by o.seq""")
              .bind("silent", silentThrough)
              .bind("through", throughSeq)
              .setFetchSize(2_000)
              .map(
                  (rs, ctx) ->
                      new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
              .stream()) {
        Iterator<Stored> next = stored.iterator();
        Stored[] pending = {next.hasNext() ? next.next() : null};
        Journal.read(
            jdbi,
            0,
            throughSeq,
            Long.MAX_VALUE,
            e -> {
              counts[0]++;
              // agreement versions are the segments' business (segments); the engine consumes
              // inputs
              if (first[0] != null
                  || !(e instanceof Journal.InputEntry in)
                  || !feeds(in.input().record())) {
                return;
              }
              InputRecord r = in.input().record();
              List<OutputRecord> out;
              try {
                out = engine.process(r, in.recordedAt());
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
                if (s == null
                    || s.journalSeq() != e.seq()
                    || !line.equals(s.line())
                    || !agreementRef.equals(s.agreement())) {
                  first[0] =
                      new Divergence(
                          s == null ? -1 : s.leafIndex(),
                          e.seq(),
                          line,
                          s == null
                              ? null
                              : (agreementRef.equals(s.agreement())
                                      ? ""
                                      : "[agreement " + s.agreement() + "] ")
                                  + s.line());
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
          first[0] =
              new Divergence(
                  pending[0].leafIndex(), pending[0].journalSeq(), null, pending[0].line());
        }
      }
      h.rollback();
    }
    return new Result(counts[0], counts[1], counts[2], Optional.ofNullable(first[0]));
  }

  /**
   * The engine's rule for journal entries, as the service applies it: unreviewed report versions
   * are passed over.
   */
  public static boolean feeds(InputRecord r) {
    return !(r instanceof Incident i && i.status() == ReviewStatus.REPORTED);
  }
}
