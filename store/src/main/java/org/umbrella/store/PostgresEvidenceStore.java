package org.umbrella.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PGobject;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.json.CanonicalJson;
import org.umbrella.ledger.Hashes;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.ledger.TiledTree;
import org.umbrella.store.internal.CopyText;
import org.umbrella.store.internal.IncidentCopy;
import org.umbrella.store.internal.IncidentLeaf;
import org.umbrella.store.internal.LedgerAppender;
import org.umbrella.store.internal.PreparedIncidents;
import org.umbrella.store.internal.RowJson;
import org.umbrella.store.internal.StoredNodes;

/**
 * The evidence store on PostgreSQL: every write is one transaction that inserts the record's row
 * and appends its ledger leaf and a signed tree head, so an acknowledged record is durable and in
 * the log, and a failed one left nothing behind.
 *
 * <p>Nothing is updated in place: a review, an attribution or a correction writes a new incident
 * version beside the old ones; {@code incidents} (a view) shows the latest. Thread-safe; writes
 * from several threads or processes are serialised on the ledger's tip row.
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
        Tx tx = new Tx(c, ledger, RowJson.micros(clock.instant()));
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
          Receipt r = new Records(tx).review(incidentId, from, to, reason, reviewer);
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
          Receipt r = new Records(tx).attribution(incidentId, party, confidence, basis, by);
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
    String hash = Hashes.hex(Hashes.sha256(source.getBytes(StandardCharsets.UTF_8)));
    return write(
        tx -> {
          Optional<Receipt> existing =
              tx.find("agreements", "agreement_id = ? and content_hash", agreementId, hash);
          if (existing.isPresent()) {
            return existing.get();
          }
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("agreement_id", agreementId);
          row.put("content_hash", hash);
          row.put("source", source);
          row.put("recorded_at", tx.now);
          row.put("recorded_by", recordedBy);
          return tx.insert("agreements", row);
        });
  }

  /** Records a determination (its JSON body as the engine reads it). */
  public Receipt recordDetermination(String determinationId, JsonNode body) {
    return write(tx -> new Records(tx).determination(determinationId, body));
  }

  /** Records one guarantor's vote on a determination. */
  public Receipt recordVote(String determinationId, String voter, String answer, String reason) {
    return write(tx -> new Records(tx).vote(determinationId, voter, answer, reason));
  }

  /** Records a guarantor's response. */
  public Receipt recordResponse(String responseId, String guarantor, JsonNode body) {
    return write(tx -> new Records(tx).response(responseId, guarantor, body));
  }

  /** Records a provision report. */
  public Receipt recordProvisionReport(String reportId, String provision, JsonNode body) {
    return write(tx -> new Records(tx).provisionReport(reportId, provision, body));
  }

  /** Records one engine output (finding, obligation, status, alert). */
  public Receipt recordEngineOutput(String kind, JsonNode body) {
    return write(tx -> new Records(tx).engineOutput(kind, body));
  }

  /** Records an account version (minimal; the server adds credentials in its own tables). */
  public Receipt recordAccount(String username, String displayName, String role) {
    return write(tx -> new Records(tx).account(username, displayName, role));
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
  public <T> T within(Connection c, Records.Work<T> work) {
    try {
      if (c.getAutoCommit()) {
        throw new IllegalStateException(
            "within() needs a connection in a transaction (auto-commit off)");
      }
      LedgerAppender ledger = LedgerAppender.begin(c);
      Tx tx = new Tx(c, ledger, RowJson.micros(clock.instant()));
      T result = work.run(new Records(tx));
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
            return proofAt(c, leafIndex, rs.getLong(1), null);
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
    return read(c -> proofAt(c, leafIndex, treeSize, note));
  }

  private ProofBundle proofAt(Connection c, long leafIndex, long size, @Nullable String givenNote)
      throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    String note = givenNote;
    String keyOfHead;
    try (PreparedStatement ps =
        c.prepareStatement("select checkpoint from tree_heads where tree_size = ?")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RecordNotFoundException("no signed tree head of size " + size);
        }
        if (note == null) {
          note = rs.getString(1);
        }
        keyOfHead = signerOf(rs.getString(1));
      }
    }
    if (leafIndex < 0 || leafIndex >= size) {
      throw new RecordNotFoundException(
          "no leaf " + leafIndex + " in the ledger of " + size + " leaves");
    }
    String table;
    long rowId;
    try (PreparedStatement ps =
        c.prepareStatement("select table_name, row_id from ledger_leaves where leaf_index = ?")) {
      ps.setLong(1, leafIndex);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RecordNotFoundException("leaf " + leafIndex + " is missing");
        }
        table = rs.getString(1);
        rowId = rs.getLong(2);
      }
    }
    if (!RECORD_TABLES.contains(table)) {
      throw new RecordNotFoundException("leaf " + leafIndex + " has no record row");
    }
    String leaf;
    try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where id = ?")) {
      ps.setLong(1, rowId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RecordNotFoundException(
              "leaf " + leafIndex + ": row " + table + " " + rowId + " is missing");
        }
        leaf = new String(RowJson.leaf(table, rs), StandardCharsets.UTF_8);
      }
    }
    return new ProofBundle(
        keyOfHead,
        note,
        leafIndex,
        leaf,
        TiledTree.inclusionProof(leafIndex, size, new StoredNodes(c)));
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
    return read(
        c -> {
          long latest = latestSize(c);
          if (size1 <= 0 || size1 > size2 || size2 > latest) {
            throw new RecordNotFoundException(
                "no consistency proof from "
                    + size1
                    + " to "
                    + size2
                    + " in a ledger of "
                    + latest
                    + " leaves (need 0 < size1 <= size2 <= "
                    + latest
                    + ")");
          }
          c.setAutoCommit(false);
          return TiledTree.consistencyProof(size1, size2, new StoredNodes(c));
        });
  }

  private static long latestSize(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select coalesce(max(tree_size), 0) from tree_heads");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The leaf index of a record: {@code table:id} of any record table, or an incident id (its
   * current version).
   *
   * @throws RecordNotFoundException if there is no such record
   */
  public long leafIndexOf(String reference) {
    return read(
        c -> {
          int colon = reference.indexOf(':');
          if (colon > 0 && RECORD_TABLES.contains(reference.substring(0, colon))) {
            String table = reference.substring(0, colon);
            try (PreparedStatement ps =
                c.prepareStatement("select leaf_index from " + table + " where id = ?")) {
              ps.setLong(1, Long.parseLong(reference.substring(colon + 1)));
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  return rs.getLong(1);
                }
              }
            } catch (NumberFormatException e) {
              throw new RecordNotFoundException(
                  "'" + reference + "': the part after ':' must be a row id");
            }
            throw new RecordNotFoundException("no row " + reference);
          }
          try (PreparedStatement ps =
              c.prepareStatement("select leaf_index from incidents where incident_id = ?")) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return rs.getLong(1);
              }
            }
          }
          throw new RecordNotFoundException(
              "no incident '"
                  + reference
                  + "' (give an incident id, or table:row-id such as reviews:12)");
        });
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      db.close();
    }
  }

  // ---------------------------------------------------------------------------------- plumbing

  interface Work<T> {
    T run(Tx tx) throws SQLException;
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
        Tx tx = new Tx(c, ledger, RowJson.micros(clock.instant()));
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

  /** One write transaction: the connection, the ledger appender, and the time of the write. */
  static final class Tx {
    final Connection c;
    final LedgerAppender ledger;
    final Instant now;

    Tx(Connection c, LedgerAppender ledger, Instant now) {
      this.c = c;
      this.ledger = ledger;
      this.now = now;
    }

    Receipt insert(String table, Map<String, Object> row) throws SQLException {
      long leafIndex = ledger.nextIndex();
      StringBuilder cols = new StringBuilder("leaf_index");
      StringBuilder vals = new StringBuilder("?");
      for (String k : row.keySet()) {
        cols.append(", ").append(k);
        vals.append(", ?");
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into " + table + " (" + cols + ") values (" + vals + ") returning *")) {
        ps.setLong(1, leafIndex);
        int i = 2;
        for (Object v : row.values()) {
          bind(ps, i++, v);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long id = rs.getLong("id");
          long index = ledger.append(table, id, RowJson.leaf(table, rs));
          if (index != leafIndex) {
            throw new IllegalStateException("leaf index moved during an insert");
          }
          return new Receipt(table, id, index, true);
        }
      }
    }

    Optional<Receipt> find(String table, String whereColumn, Object... args) throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, leaf_index from " + table + " where " + whereColumn + " = ?")) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new Receipt(table, rs.getLong(1), rs.getLong(2), false))
              : Optional.empty();
        }
      }
    }

    Incident currentIncident(String incidentId) throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select body_text from incident_versions where incident_id = ? order by version desc limit 1")) {
        ps.setString(1, incidentId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new RecordNotFoundException("no incident '" + incidentId + "'");
          }
          return (Incident) InputCodec.decode(rs.getString(1), 1);
        }
      }
    }

    Receipt incident(Incident inc, String recordedBy) throws SQLException {
      String body = InputCodec.encode(inc);
      String hash = Hashes.hex(Hashes.sha256(body.getBytes(StandardCharsets.UTF_8)));
      int version = 1;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, leaf_index, version, content_hash from incident_versions where incident_id = ? order by version desc limit 1")) {
        ps.setString(1, inc.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            if (rs.getString(4).equals(hash)) {
              return new Receipt("incident_versions", rs.getLong(1), rs.getLong(2), false);
            }
            version = rs.getInt(3) + 1;
          }
        }
      }
      return insert("incident_versions", incidentRow(inc, version, hash, body, recordedBy, now));
    }

    /** Receipts aligned with {@code batch}; new versions are written with one COPY. */
    List<Receipt> bulkIncidents(List<Incident> batch, String recordedBy) throws SQLException {
      Map<String, Object[]> latest = new HashMap<>(); // id -> {version, hash, receipt}
      try (PreparedStatement ps =
          c.prepareStatement(
              "select distinct on (incident_id) incident_id, version, content_hash, id, leaf_index from incident_versions "
                  + "where incident_id = any(?) order by incident_id, version desc")) {
        Array ids = c.createArrayOf("text", batch.stream().map(Incident::id).distinct().toArray());
        ps.setArray(1, ids);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            latest.put(
                rs.getString(1),
                new Object[] {
                  rs.getInt(2),
                  rs.getString(3),
                  new Receipt("incident_versions", rs.getLong(4), rs.getLong(5), false)
                });
          }
        }
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      Receipt[] receipts = new Receipt[batch.size()];
      int[] rowOf = new int[batch.size()];
      for (int b = 0; b < batch.size(); b++) {
        Incident inc = batch.get(b);
        String body = InputCodec.encode(inc);
        String hash = Hashes.hex(Hashes.sha256(body.getBytes(StandardCharsets.UTF_8)));
        Object[] prev = latest.get(inc.id());
        if (prev != null && prev[1].equals(hash)) {
          rowOf[b] = -1;
          receipts[b] =
              prev[2] instanceof Receipt r
                  ? new Receipt(r.table(), r.rowId(), r.leafIndex(), false)
                  : null;
          if (receipts[b] == null) {
            rowOf[b] = -2 - (Integer) prev[2]; // same as an earlier row of this batch
          }
          continue;
        }
        int version = prev == null ? 1 : (Integer) prev[0] + 1;
        latest.put(inc.id(), new Object[] {version, hash, rows.size()});
        rowOf[b] = rows.size();
        rows.add(incidentRow(inc, version, hash, body, recordedBy, now));
      }
      if (rows.isEmpty()) {
        return List.of(receipts);
      }
      long[] ids = new long[rows.size()];
      try (PreparedStatement ps =
          c.prepareStatement(
              "select nextval('incident_versions_id_seq') from generate_series(1, ?)")) {
        ps.setInt(1, rows.size());
        try (ResultSet rs = ps.executeQuery()) {
          for (int i = 0; rs.next(); i++) {
            ids[i] = rs.getLong(1);
          }
        }
      }
      long firstLeaf = ledger.nextIndex();
      CopyIn in =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "copy incident_versions (id, leaf_index, incident_id, version, content_hash, body_text, event_time,"
                      + " kind, lat, lon, status, recorded_at, recorded_by) from stdin (format text)");
      try {
        CopyText buf = new CopyText(1 << 18);
        String recordedAt = RowJson.instant(now);
        for (int i = 0; i < rows.size(); i++) {
          Map<String, Object> row = rows.get(i);
          long leafIndex = ledger.nextIndex();
          String incidentId = column(row, "incident_id", String.class);
          long version = column(row, "version", Long.class);
          String hash = column(row, "content_hash", String.class);
          String body = column(row, "body_text", String.class);
          String eventTime = RowJson.instant(column(row, "event_time", Instant.class));
          String kind = column(row, "kind", String.class);
          double lat = column(row, "lat", Double.class);
          double lon = column(row, "lon", Double.class);
          String status = column(row, "status", String.class);
          ledger.append(
              "incident_versions",
              ids[i],
              IncidentLeaf.bytes(
                  ids[i],
                  incidentId,
                  version,
                  hash,
                  body,
                  eventTime,
                  kind,
                  lat,
                  lon,
                  status,
                  recordedAt,
                  recordedBy));
          buf.field(Long.toString(ids[i]))
              .tab()
              .field(Long.toString(leafIndex))
              .tab()
              .field(incidentId)
              .tab()
              .field(Long.toString(version))
              .tab()
              .field(hash)
              .tab()
              .field(body)
              .tab()
              .field(eventTime)
              .tab()
              .field(kind)
              .tab()
              .field(Double.toString(lat))
              .tab()
              .field(Double.toString(lon))
              .tab()
              .field(status)
              .tab()
              .field(recordedAt)
              .tab()
              .field(recordedBy)
              .end();
          if (buf.size() > (1 << 17)) {
            in.writeToCopy(buf.array(), 0, buf.size());
            buf.reset();
          }
        }
        in.writeToCopy(buf.array(), 0, buf.size());
        in.endCopy();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
      for (int b = 0; b < batch.size(); b++) {
        if (rowOf[b] >= 0) {
          receipts[b] = new Receipt("incident_versions", ids[rowOf[b]], firstLeaf + rowOf[b], true);
        } else if (rowOf[b] <= -2) {
          int row = -2 - rowOf[b];
          receipts[b] = new Receipt("incident_versions", ids[row], firstLeaf + row, false);
        }
      }
      return List.of(receipts);
    }

    private static Map<String, Object> incidentRow(
        Incident inc, int version, String hash, String body, String recordedBy, Instant now) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("incident_id", inc.id());
      row.put("version", (long) version);
      row.put("content_hash", hash);
      row.put("body_text", body);
      row.put("event_time", RowJson.micros(inc.time()));
      row.put("kind", inc.kind().wireName());
      row.put("lat", inc.place().lat());
      row.put("lon", inc.place().lon());
      row.put("status", inc.status().wireName());
      row.put("recorded_at", now);
      row.put("recorded_by", recordedBy);
      return row;
    }

    /** A column {@link #incidentRow} always fills. */
    private static <T> T column(Map<String, Object> row, String name, Class<T> type) {
      return type.cast(Objects.requireNonNull(row.get(name), name));
    }

    static void bind(PreparedStatement ps, int i, @Nullable Object v) throws SQLException {
      switch (v) {
        case null -> ps.setObject(i, null);
        case JsonNode n -> {
          PGobject o = new PGobject();
          o.setType("jsonb");
          o.setValue(CanonicalJson.write(n));
          ps.setObject(i, o);
        }
        case Instant t -> ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        default -> ps.setObject(i, v);
      }
    }
  }
}
