package org.umbrella.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.store.internal.IncidentCopy;
import org.umbrella.store.internal.LedgerAppender;
import org.umbrella.store.internal.PreparedIncidents;
import org.umbrella.store.internal.RowJson;

/**
 * The evidence store on PostgreSQL: every write is one transaction that inserts the record's row
 * and appends its ledger leaf and a signed tree head, so an acknowledged record is durable and in
 * the log, and a failed one left nothing behind.
 *
 * <p>Nothing is updated in place: a review, an attribution or a correction writes a new incident
 * version beside the old ones; {@code incidents} (a view) shows the latest. Thread-safe; writes
 * from several threads or processes are serialised on the ledger's tip row.
 *
 * <p>Over 500 lines because it is the store's one public door: a method per kind of record (15
 * tables), per proof and per key operation, each a few lines over the transaction it opens. The
 * work is in {@link WriteTransaction} (rows and leaves), {@link LedgerProofQueries} (proofs from
 * stored subtree hashes) and the {@code internal} package; splitting the door by record kind would
 * give callers several objects that must share one transaction and one signer.
 */
public final class PostgresEvidenceStore implements AutoCloseable {
  /** The record tables, each of whose rows is a ledger leaf. */
  public static final List<String> RECORD_TABLES =
      List.of(
          "agreements",
          "sources",
          "incident_versions",
          "reviews",
          "attributions",
          "determinations",
          "votes",
          "guarantor_responses",
          "provision_reports",
          "engine_outputs",
          "accounts",
          "incident_reports",
          "account_parties",
          "account_identities",
          "ledger_key_changes");

  private final Database db;
  private final boolean ownsDatabase;
  private final NoteSigner signer;
  private final String origin;
  private final Clock clock;

  /** A store over an open database; the caller keeps ownership of {@code db}. */
  public PostgresEvidenceStore(Database db, NoteSigner signer, String origin, Clock clock) {
    this(db, false, signer, origin, clock);
  }

  /** A store that owns {@code db} and closes it when closed. */
  public static PostgresEvidenceStore owning(
      Database db, NoteSigner signer, String origin, Clock clock) {
    return new PostgresEvidenceStore(db, true, signer, origin, clock);
  }

  private PostgresEvidenceStore(
      Database db, boolean owns, NoteSigner signer, String origin, Clock clock) {
    this.db = db;
    this.ownsDatabase = owns;
    this.signer = signer;
    this.origin = origin;
    this.clock = clock;
  }

  /**
   * Opens the database of {@code config} (starting the embedded one when no URL is given) and the
   * ledger key in its data directory (made on first start).
   *
   * @throws StoreException if either cannot be opened
   */
  public static PostgresEvidenceStore open(StoreConfig config, Clock clock) {
    NoteSigner signer = LedgerKeys.loadOrCreate(config.dataDir(), config.origin());
    Database db = Database.open(config);
    return new PostgresEvidenceStore(db, true, signer, config.origin(), clock);
  }

  /** The database underneath. */
  public Database database() {
    return db;
  }

  /** The ledger's public verifier key. */
  public NoteVerifier publicKey() {
    return signer.verifier();
  }

  /**
   * Every key the ledger's heads may be signed by: those it rotated out (oldest first, from {@code
   * ledger_key_changes}) and the current one, last.
   */
  public List<NoteVerifier> verificationKeys() {
    return read(
        c -> {
          List<NoteVerifier> keys = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select previous_key from ledger_key_changes order by leaf_index");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              NoteVerifier k = NoteVerifier.parse(rs.getString(1));
              if (!keys.contains(k)) {
                keys.add(k);
              }
            }
          }
          keys.remove(signer.verifier());
          keys.add(signer.verifier());
          return keys;
        });
  }

  /**
   * Records a change of the ledger's signing key to {@code next} as a leaf, in a transaction whose
   * tree head is the handover: signed by the current key and by {@code next}, naming {@code next}
   * in a {@code rotate-key} line. The caller then makes {@code next} the data directory's key (see
   * {@link LedgerKeys#rotate}); this store keeps signing with the old one.
   */
  public Receipt recordKeyChange(NoteSigner next, String reason, String changedBy) {
    if (!next.verifier().name().equals(origin)) {
      throw new IllegalArgumentException(
          "the new key must be named after the origin '" + origin + "'");
    }
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        LedgerAppender ledger = LedgerAppender.begin(c);
        WriteTransaction tx = new WriteTransaction(c, ledger, RowJson.micros(clock.instant()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("verifier_key", next.verifier().encoded());
        row.put("previous_key", signer.verifier().encoded());
        row.put("reason", reason);
        row.put("changed_by", changedBy);
        row.put("recorded_at", tx.now);
        Receipt r = tx.insert("ledger_key_changes", row);
        ledger.finishHandover(signer, next, origin, tx.now);
        c.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  /** The ledger's origin (name). */
  public String origin() {
    return origin;
  }

  // ---------------------------------------------------------------------------------- incidents

  /** Records one incident (a new version when its id is known and its content changed). */
  public Receipt recordIncident(Incident incident, String recordedBy) {
    return recordIncidents(List.of(incident), recordedBy).getFirst();
  }

  /**
   * Records several incidents in one transaction (the unit of group commit): all are stored and
   * acknowledged together, or none.
   */
  public List<Receipt> recordIncidents(List<Incident> incidents, String recordedBy) {
    if (incidents.isEmpty()) {
      return List.of();
    }
    return write(tx -> tx.bulkIncidents(incidents, recordedBy));
  }

  /**
   * Moves an incident through the review workflow: reported to corroborated (when its sources span
   * at least {@code minIndependentGroups} independence groups), corroborated to verified, reported
   * or corroborated to rejected. Writes the review and a new incident version.
   *
   * @throws ReviewNotAllowedException if the workflow forbids the change or no reason is given
   * @throws RecordNotFoundException if no such incident exists
   */
  public Receipt review(
      String incidentId,
      ReviewStatus to,
      String reason,
      String reviewer,
      int minIndependentGroups) {
    if (reason == null || reason.isBlank()) {
      throw new ReviewNotAllowedException("a review needs a reason");
    }
    return write(
        tx -> {
          Incident current = tx.currentIncident(incidentId);
          ReviewStatus from = current.status();
          String why =
              ReviewRules.refusal(from, to, current.independentSources(), minIndependentGroups);
          if (why != null) {
            throw new ReviewNotAllowedException("incident " + incidentId + ": " + why);
          }
          Receipt r = new RecordWrites(tx).review(incidentId, from, to, reason, reviewer);
          tx.incident(current.withStatus(to), reviewer);
          return r;
        });
  }

  /**
   * Records who an incident is attributed to (null party: explicitly unattributed), separately from
   * what was observed, and writes a new incident version carrying it.
   *
   * @throws RecordNotFoundException if no such incident exists
   */
  public Receipt attribute(
      String incidentId, String party, double confidence, String basis, String by) {
    return write(
        tx -> {
          Incident current = tx.currentIncident(incidentId);
          Receipt r = new RecordWrites(tx).attribution(incidentId, party, confidence, basis, by);
          tx.incident(
              current.withActor(party == null ? Actor.UNATTRIBUTED : new Actor(party, confidence)),
              by);
          return r;
        });
  }

  /** The current version of an incident. */
  public Optional<Incident> incident(String incidentId) {
    return read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select body_text from incidents where incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of((Incident) InputCodec.decode(rs.getString(1), 1))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Imports incidents with COPY in one transaction: new ids and changed contents become versions,
   * records identical to the current version are skipped (so re-importing a file adds nothing). For
   * many batches, {@link #bulkImport} overlaps preparing one batch with writing the previous.
   */
  public ImportResult importIncidents(List<Incident> batch, String recordedBy) {
    return importPrepared(PreparedIncidents.of(batch), recordedBy);
  }

  /**
   * A bulk import that prepares each batch (canonical JSON, hashes, leaf and COPY text) on the
   * caller's thread while a writer thread stores the previous one; batches are written in the order
   * given, one transaction each. Close it when done.
   */
  public BulkImport bulkImport(String recordedBy) {
    return new BulkImport(this, recordedBy);
  }

  ImportResult importPrepared(PreparedIncidents batch, String recordedBy) {
    if (batch.size() == 0) {
      return new ImportResult(0, 0, count("ledger_leaves"));
    }
    return write(
        tx -> {
          IncidentCopy.Outcome o = IncidentCopy.write(tx.c, tx.ledger, tx.now, batch, recordedBy);
          return new ImportResult(o.added(), o.unchanged(), tx.ledger.nextIndex());
        });
  }

  // ---------------------------------------------------------------------------------- other
  // records

  /** Records a source (idempotent on its id). */
  public Receipt recordSource(String sourceId, String kind, String group, String description) {
    return write(
        tx -> {
          Optional<Receipt> existing = tx.find("sources", "source_id", sourceId);
          if (existing.isPresent()) {
            return existing.get();
          }
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("source_id", sourceId);
          row.put("kind", kind);
          row.put("grp", group);
          row.put("description", description);
          row.put("recorded_at", tx.now);
          return tx.insert("sources", row);
        });
  }

  /** Records a version of an agreement's source text (idempotent on its content hash). */
  public Receipt recordAgreement(String agreementId, String source, String recordedBy) {
    return write(tx -> new RecordWrites(tx).agreement(agreementId, source, recordedBy));
  }

  /** Records a determination (its JSON body as the engine reads it). */
  public Receipt recordDetermination(String determinationId, JsonNode body) {
    return write(tx -> new RecordWrites(tx).determination(determinationId, body));
  }

  /** Records one guarantor's vote on a determination. */
  public Receipt recordVote(String determinationId, String voter, String answer, String reason) {
    return write(tx -> new RecordWrites(tx).vote(determinationId, voter, answer, reason));
  }

  /** Records a guarantor's response. */
  public Receipt recordResponse(String responseId, String guarantor, JsonNode body) {
    return write(tx -> new RecordWrites(tx).response(responseId, guarantor, body));
  }

  /** Records a provision report. */
  public Receipt recordProvisionReport(String reportId, String provision, JsonNode body) {
    return write(tx -> new RecordWrites(tx).provisionReport(reportId, provision, body));
  }

  /** Records one engine output (finding, obligation, status, alert). */
  public Receipt recordEngineOutput(String kind, JsonNode body) {
    return write(tx -> new RecordWrites(tx).engineOutput(kind, body));
  }

  /** Records an account version (minimal; the server adds credentials in its own tables). */
  public Receipt recordAccount(String username, String displayName, String role) {
    return write(tx -> new RecordWrites(tx).account(username, displayName, role));
  }

  /**
   * Runs {@code work} inside the caller's open transaction on {@code c} (auto-commit off): locks
   * the ledger's tip (serialising ledger writers until the caller's commit or rollback), lets the
   * work write records, then writes their leaves, the new tip and one signed tree head. The caller
   * commits; if it rolls back instead, no row, leaf or head remains. The caller's own rows written
   * on {@code c} commit or vanish with the records, which is the point.
   *
   * @throws StoreException on a database error (the caller must then roll back)
   */
  public <T> T within(Connection c, RecordWrites.Work<T> work) {
    try {
      if (c.getAutoCommit()) {
        throw new IllegalStateException(
            "within() needs a connection in a transaction (auto-commit off)");
      }
      LedgerAppender ledger = LedgerAppender.begin(c);
      WriteTransaction tx = new WriteTransaction(c, ledger, RowJson.micros(clock.instant()));
      T result = work.run(new RecordWrites(tx));
      ledger.finish(signer, origin, tx.now);
      return result;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------- ledger

  /** The number of rows in a record table. */
  public long count(String table) {
    if (!RECORD_TABLES.contains(table)
        && !table.equals("incidents")
        && !table.equals("ledger_leaves")) {
      throw new IllegalArgumentException("no such table: " + table);
    }
    return read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** The latest signed tree head (signed note text), if any leaf was ever written. */
  public Optional<String> latestCheckpoint() {
    return read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select checkpoint from tree_heads order by tree_size desc limit 1");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
          }
        });
  }

  /** Checks the whole ledger against the rows (see {@link LedgerVerifier}). */
  public VerifyReport verifyLedger(long fromSize) {
    return read(c -> new LedgerVerifier(c, signer.verifier()).verify(fromSize));
  }

  /**
   * An offline-checkable proof that the leaf at {@code leafIndex} is in the latest signed tree.
   *
   * @throws RecordNotFoundException if there is no such leaf
   */
  public ProofBundle proof(long leafIndex) {
    return read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select tree_size from tree_heads order by tree_size desc limit 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new RecordNotFoundException("the ledger is empty");
            }
            return LedgerProofQueries.proofAt(c, leafIndex, rs.getLong(1), null, this::signerOf);
          }
        });
  }

  /**
   * The proof that leaf {@code leafIndex} is in the signed tree of {@code treeSize} leaves, whose
   * checkpoint is given as {@code note} (the head with its cosignatures), or the stored head when
   * {@code note} is null. Reads O(log n) stored hashes, never the whole tree.
   *
   * @throws RecordNotFoundException if there is no such leaf or signed head
   */
  public ProofBundle proof(long leafIndex, long treeSize, @Nullable String note) {
    return read(c -> LedgerProofQueries.proofAt(c, leafIndex, treeSize, note, this::signerOf));
  }

  /** The verifier key (of the current or a retired key) whose signature a stored head carries. */
  private String signerOf(String note) {
    for (NoteVerifier k : verificationKeys()) {
      try {
        SignedNotes.open(note, k);
        return k.encoded();
      } catch (LedgerException e) {
        // signed by another of the keys
      }
    }
    return signer.verifier().encoded();
  }

  /**
   * The consistency proof between the signed trees of {@code size1} and {@code size2} leaves, from
   * stored subtree hashes.
   *
   * @throws RecordNotFoundException unless {@code 0 < size1 <= size2 <= } the latest head's size
   */
  public List<byte[]> consistencyProof(long size1, long size2) {
    return read(c -> LedgerProofQueries.consistencyProof(c, size1, size2));
  }

  /**
   * The leaf index of a record: {@code table:id} of any record table, or an incident id (its
   * current version).
   *
   * @throws RecordNotFoundException if there is no such record
   */
  public long leafIndexOf(String reference) {
    return read(c -> LedgerProofQueries.leafIndexOf(c, reference));
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      db.close();
    }
  }

  // ---------------------------------------------------------------------------------- plumbing

  interface Work<T> {
    T run(WriteTransaction tx) throws SQLException;
  }

  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> work) {
    try (Connection c = db.dataSource().getConnection()) {
      try {
        return work.run(c);
      } finally {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  private <T> T write(Work<T> work) {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        LedgerAppender ledger = LedgerAppender.begin(c);
        WriteTransaction tx = new WriteTransaction(c, ledger, RowJson.micros(clock.instant()));
        T result = work.run(tx);
        ledger.finish(signer, origin, tx.now);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }
}
