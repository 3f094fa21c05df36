package org.umbrella.server.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.server.journal.AgreementVersion;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.store.Receipt;

/**
 * What the engine computed and consumed beside the parties' changes: its outputs (canonical leaves,
 * projected), the agreement version put in force, and ticks of the server clock.
 */
final class EngineRecords extends Workflow {
  EngineRecords(
      Operations ops,
      Jdbi jdbi,
      Clock clock,
      EventBus events,
      ServerLedger ledger,
      EngineQueue engineQueue) {
    super(ops, jdbi, clock, events, ledger, engineQueue);
  }

  // ---- the engine's computation ---------------------------------------------------------------

  /**
   * Records what the engine produced on journal entry {@code journalSeq}, in order, in one
   * transaction: each output a ledger leaf whose content is the engine's own canonical encoding
   * ({@code line}: cause and window included) and the agreement version it was computed under
   * ({@code agreement}), and a row of {@code outputs} tying it to the entry. {@code umbrella audit
   * reexecute} recomputes every line from the journal and compares it with the leaf, byte for byte.
   */
  public void recordOutputs(
      long journalSeq, String agreement, List<OutputRecord> outputs, Agreement computedUnder) {
    record(journalSeq, agreement, outputs, computedUnder, false);
  }

  /**
   * As {@link #recordOutputs}, unless outputs of {@code journalSeq} or a later entry are already
   * recorded: checked after taking the ledger's tip lock, which every ledger write takes, so that
   * two service instances that both believe they lead (cluster mode, a leader whose lock session
   * just ended) cannot record an entry twice. Answers whether it recorded them.
   */
  public boolean recordOutputsOnce(
      long journalSeq, String agreement, List<OutputRecord> outputs, Agreement computedUnder) {
    return record(journalSeq, agreement, outputs, computedUnder, true);
  }

  private boolean record(
      long journalSeq,
      String agreement,
      List<OutputRecord> outputs,
      Agreement computedUnder,
      boolean once) {
    if (outputs.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    List<Object> changed =
        ledger.write(
            (h, records) -> {
              if (once) {
                h.createQuery("select tree_size from ledger_tip where id = 1 for update")
                    .mapTo(Long.class)
                    .findOne();
                long last =
                    h.createQuery("select coalesce(max(journal_seq), 0) from outputs")
                        .mapTo(Long.class)
                        .one();
                if (journalSeq <= last) {
                  return null;
                }
              }
              PreparedBatch rows =
                  h.prepareBatch(
                      "insert into outputs (journal_seq, leaf_index, body_text) values (:j, :leaf, :line)");
              List<Object> views = new ArrayList<>();
              for (OutputRecord o : outputs) {
                String line = OutputCodec.encode(o);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("agreement", agreement);
                body.put("line", line);
                Receipt leaf = records.engineOutput(OUTPUT_KIND, JSON.valueToTree(body));
                rows.bind("j", journalSeq).bind("leaf", leaf.leafIndex()).bind("line", line).add();
              }
              rows.execute();
              // the pages' view of findings, obligations and status is these outputs' projection,
              // in leaf order
              for (OutputRecord o : outputs) {
                OutcomeProjection.output(h, o, computedUnder).ifPresent(views::add);
              }
              for (Object v : views) {
                switch (v) {
                  case Operations.Finding f ->
                      Audit.record(
                          h,
                          now,
                          "engine",
                          "finding." + f.status().wireName(),
                          f.id(),
                          Map.of("definition", f.definition()));
                  case Operations.Obligation o ->
                      Audit.record(
                          h,
                          now,
                          "engine",
                          "obligation." + o.status().wireName(),
                          o.id(),
                          Map.of("party", o.party(), "due", o.due().toString()));
                  case Operations.Status s ->
                      Audit.record(
                          h,
                          now,
                          "engine",
                          s.kind() + ".status",
                          s.subject(),
                          Map.of("status", s.status().wireName()));
                  default -> {}
                }
              }
              return views;
            });
    if (changed == null) {
      return false;
    }
    for (Object v : changed) {
      switch (v) {
        case Operations.Finding f -> {
          String audience =
              f.status() == FindingStatus.CANDIDATE && f.body().isPresent()
                  ? "body:" + f.body().get()
                  : f.status() == FindingStatus.CONFIRMED ? "public" : "mechanism";
          events.publish(
              new Event(
                  "finding." + f.status().wireName(),
                  f.id(),
                  f.title() + " (" + f.status().wireName() + ")",
                  audience,
                  now));
        }
        case Operations.Obligation o ->
            events.publish(
                new Event(
                    "obligation." + o.status().wireName(),
                    o.id(),
                    o.party() + ": " + o.duty() + " due " + o.due(),
                    "party:" + o.party(),
                    now));
        case Operations.Status s ->
            events.publish(
                new Event(
                    "status.changed",
                    s.subject(),
                    s.title() + ": " + s.status().wireName(),
                    "public",
                    now));
        default -> {}
      }
    }
    return true;
  }

  /** The {@code output_kind} of the leaves holding the engine's canonical outputs. */
  public static final String OUTPUT_KIND = "engine";

  /** The last journal entry whose outputs are recorded (0 when none is). */
  public long lastRecordedStep() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select coalesce(max(journal_seq), 0) from outputs")
                .mapTo(Long.class)
                .one());
  }

  /**
   * Puts agreement version {@code version} of agreement {@code agreementId} in force: its source
   * bytes become a ledger leaf (once per content hash), the change is audited and, when it is not
   * the version last journaled, journaled (kind "agreement", with its source and the files it
   * names) in the same transaction, with the last entry whose outputs are on record: the engine
   * built for it replays the journal silently through that entry. Answers the hex SHA-256 of the
   * bytes, which every output computed under it names. Called before the engine reads the journal.
   */
  public String putInForce(String agreementId, AgreementVersion version, String by) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return ledger.write(
        (h, records) -> {
          Receipt leaf = records.agreement(agreementId, version.source(), by);
          String hash = AgreementVersion.sha256(version.source());
          Audit.record(h, now, by, "agreement.in-force", agreementId, Map.of("sha256", hash));
          List<Journal.AgreementEntry> journaled = Journal.versions(h);
          // a restart under the version already in force changes nothing the engine computes
          if (journaled.isEmpty()
              || !journaled.get(journaled.size() - 1).version().ref().equals(version.ref())) {
            long recordedThrough =
                h.createQuery("select coalesce(max(journal_seq), 0) from outputs")
                    .mapTo(Long.class)
                    .one();
            Journal.putInForce(h, version, now, recordedThrough, leaf.leafIndex());
          }
          return hash;
        });
  }

  // ---- ticks ----------------------------------------------------------------------------------

  /**
   * Journals a tick of the server clock at {@code at} (trusted time), with a ledger leaf, so that
   * the deadlines it fires are re-executable; the engine sees it when it next catches up.
   */
  public void journalTick(Instant at) {
    Instant t = at.truncatedTo(ChronoUnit.MICROS);
    ledger.write(
        (h, records) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("tick", t.toString());
          Receipt leaf = records.engineOutput("clock-tick", JSON.valueToTree(body));
          Journal.append(h, new Tick(t), t, leaf.leafIndex());
          return leaf;
        });
  }
}
