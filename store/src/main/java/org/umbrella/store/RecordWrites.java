package org.umbrella.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Incident;
import org.umbrella.ledger.Hashes;
import org.umbrella.store.internal.RowJson;

/**
 * The record writes of one ledger transaction, for callers that own the transaction (see {@link
 * PostgresEvidenceStore#within}): each method inserts a record row and appends its leaf; the
 * leaves, the new tip and one signed tree head are written when the work returns, and the caller
 * commits (or rolls back, and then none of it happened).
 *
 * <p>These are the rows only: workflow rules (which review step may follow which) are the caller's,
 * or {@link PostgresEvidenceStore#review}'s. Not thread-safe; valid only inside the work it was
 * given to. Database errors surface as {@link StoreException}.
 */
public final class RecordWrites {
  /** Work that writes records inside a caller's transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(RecordWrites records);
  }

  /** A report as filed, for {@link #incidentReports}. */
  public record FiledReport(String incidentId, JsonNode body, String filedBy, Instant filedAt) {}

  private final WriteTransaction tx;

  RecordWrites(WriteTransaction tx) {
    this.tx = tx;
  }

  /** The time of this transaction (microseconds), as written in its rows and tree head. */
  public Instant now() {
    return tx.now;
  }

  /** The index the next leaf of this transaction will get. */
  public long nextLeafIndex() {
    return tx.ledger.nextIndex();
  }

  /** Records an incident version (nothing when it equals the current version). */
  public Receipt incident(Incident incident, String recordedBy) {
    return sql(() -> tx.incident(incident, recordedBy));
  }

  /** Records several incident versions with one COPY; receipts aligned with {@code incidents}. */
  public List<Receipt> incidents(List<Incident> incidents, String recordedBy) {
    return incidents.isEmpty() ? List.of() : sql(() -> tx.bulkIncidents(incidents, recordedBy));
  }

  /** Records the reports as filed, in one statement; receipts in the order given. */
  public List<Receipt> incidentReports(List<FiledReport> reports) {
    List<Map<String, Object>> rows = new ArrayList<>(reports.size());
    for (FiledReport r : reports) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("incident_id", r.incidentId());
      row.put("body", r.body());
      row.put("filed_by", r.filedBy());
      row.put("filed_at", RowJson.micros(r.filedAt()));
      rows.add(row);
    }
    return sql(() -> insertAll("incident_reports", rows));
  }

  /** Records a review step as it happened (no workflow check here). */
  public Receipt review(
      String incidentId, ReviewStatus from, ReviewStatus to, String reason, String reviewer) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("incident_id", incidentId);
    row.put("from_status", from.wireName());
    row.put("to_status", to.wireName());
    row.put("reason", reason);
    row.put("reviewer", reviewer);
    row.put("reviewed_at", tx.now);
    return insert("reviews", row);
  }

  /** Records an attribution (null party: explicitly unattributed). */
  public Receipt attribution(
      String incidentId, String party, double confidence, String basis, String by) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("incident_id", incidentId);
    row.put("party", party);
    row.put("confidence", party == null ? 0.0 : confidence);
    row.put("basis", basis);
    row.put("attributed_by", by);
    row.put("recorded_at", tx.now);
    return insert("attributions", row);
  }

  /** Records a determination (its JSON body). */
  public Receipt determination(String determinationId, JsonNode body) {
    return timed(
        "determinations", Map.of("determination_id", determinationId, "body", body), "recorded_at");
  }

  /** Records one vote on a determination. */
  public Receipt vote(String determinationId, String voter, String answer, String reason) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("determination_id", determinationId);
    row.put("voter", voter);
    row.put("answer", answer);
    row.put("reason", reason);
    return timed("votes", row, "cast_at");
  }

  /** Records a guarantor's response. */
  public Receipt response(String responseId, String guarantor, JsonNode body) {
    return timed(
        "guarantor_responses",
        Map.of("response_id", responseId, "guarantor", guarantor, "body", body),
        "recorded_at");
  }

  /** Records a provision report. */
  public Receipt provisionReport(String reportId, String provision, JsonNode body) {
    return timed(
        "provision_reports",
        Map.of("report_id", reportId, "provision", provision, "body", body),
        "recorded_at");
  }

  /** Records one engine output (finding, obligation, status, alert). */
  public Receipt engineOutput(String kind, JsonNode body) {
    return timed("engine_outputs", Map.of("output_kind", kind, "body", body), "recorded_at");
  }

  /** Records an account version (credentials stay with whoever authenticates). */
  public Receipt account(String username, String displayName, String role) {
    return timed(
        "accounts",
        Map.of("username", username, "display_name", displayName, "role", role),
        "created_at");
  }

  /** Records the party an account acts for (null: the mechanism). */
  public Receipt accountParty(String username, @Nullable String party) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("username", username);
    row.put("party", party);
    return timed("account_parties", row, "recorded_at");
  }

  /**
   * Records that an identity of an OpenID Connect provider ({@code issuer}, {@code subject}) was
   * linked to the account {@code username} ({@code linked}) or unlinked from it, by {@code by}.
   */
  public Receipt accountIdentity(
      String username, String issuer, String subject, boolean linked, String by) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("username", username);
    row.put("issuer", issuer);
    row.put("subject", subject);
    row.put("linked", linked);
    row.put("changed_by", by);
    return timed("account_identities", row, "recorded_at");
  }

  /**
   * Records a version of an agreement's source text when it is put in force (idempotent on its
   * content hash: the same bytes again answer the existing row's receipt).
   */
  public Receipt agreement(String agreementId, String source, String recordedBy) {
    String hash = Hashes.hex(Hashes.sha256(source.getBytes(StandardCharsets.UTF_8)));
    Optional<Receipt> existing =
        sql(() -> tx.find("agreements", "agreement_id = ? and content_hash", agreementId, hash));
    if (existing.isPresent()) {
      return existing.get();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("agreement_id", agreementId);
    row.put("content_hash", hash);
    row.put("source", source);
    row.put("recorded_at", tx.now);
    row.put("recorded_by", recordedBy);
    return insert("agreements", row);
  }

  private Receipt timed(String table, Map<String, Object> values, String timeColumn) {
    Map<String, Object> row = new LinkedHashMap<>(values);
    row.put(timeColumn, tx.now);
    return insert(table, row);
  }

  private Receipt insert(String table, Map<String, Object> row) {
    return sql(() -> tx.insert(table, row));
  }

  /**
   * Inserts rows of one shape with one multi-row statement: leaf indexes are assigned in the order
   * given, and leaves appended in leaf order from what PostgreSQL returns.
   */
  private List<Receipt> insertAll(String table, List<Map<String, Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> columns = List.copyOf(rows.getFirst().keySet());
    StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (leaf_index");
    columns.forEach(c -> sql.append(", ").append(c));
    sql.append(") values ");
    String tuple = "(?" + ", ?".repeat(columns.size()) + ")";
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    sql.append(" returning *");
    long first = tx.ledger.nextIndex();
    record Written(long leafIndex, long id, byte[] leaf) {}
    List<Written> written = new ArrayList<>(rows.size());
    try (PreparedStatement ps = tx.c.prepareStatement(sql.toString())) {
      int p = 1;
      for (int i = 0; i < rows.size(); i++) {
        ps.setLong(p++, first + i);
        for (String c : columns) {
          WriteTransaction.bind(ps, p++, rows.get(i).get(c));
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          written.add(
              new Written(rs.getLong("leaf_index"), rs.getLong("id"), RowJson.leaf(table, rs)));
        }
      }
    }
    written.sort(Comparator.comparingLong(Written::leafIndex));
    Receipt[] receipts = new Receipt[rows.size()];
    for (Written w : written) {
      long index = tx.ledger.append(table, w.id(), w.leaf());
      if (index != w.leafIndex()) {
        throw new IllegalStateException("leaf index moved during an insert");
      }
      receipts[(int) (index - first)] = new Receipt(table, w.id(), index, true);
    }
    return List.of(receipts);
  }

  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  private static <T> T sql(SqlCall<T> call) {
    try {
      return call.call();
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }
}
