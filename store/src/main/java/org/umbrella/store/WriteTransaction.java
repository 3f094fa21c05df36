package org.umbrella.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.json.CanonicalJson;
import org.umbrella.ledger.Hashes;
import org.umbrella.store.internal.CopyText;
import org.umbrella.store.internal.IncidentLeaf;
import org.umbrella.store.internal.LedgerAppender;
import org.umbrella.store.internal.RowJson;

/**
 * One write transaction of the store: the connection, the ledger appender and the time of the
 * write, with the inserts that append each record row as a ledger leaf. Not for reads, which run on
 * their own connection ({@link PostgresEvidenceStore}).
 */
final class WriteTransaction {
  final Connection c;
  final LedgerAppender ledger;
  final Instant now;

  WriteTransaction(Connection c, LedgerAppender ledger, Instant now) {
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
