package org.umbrella.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link PreparedIncidents} batch into {@code incident_versions} with one COPY, inside the
 * caller's transaction, and appends a ledger leaf per written row in batch order.
 *
 * <p>Records identical to their incident's current version are skipped (so re-importing a file adds
 * nothing); new ids become version 1, changed contents the next version, in the order of the batch.
 * Row ids are reserved from the table's sequence, so each leaf (which contains the row id) is known
 * before the row is sent.
 */
public final class IncidentCopy {
  /** How many rows a batch added and how many it skipped as unchanged. */
  public record Outcome(long added, long unchanged) {}

  private record Latest(int version, String hash) {}

  private static final String COPY =
      "copy incident_versions (id, leaf_index, version, incident_id, content_hash,"
          + " body_text, event_time, kind, lat, lon, status, recorded_at, recorded_by) from stdin (format text)";
  private static final int FLUSH = 1 << 17;

  private IncidentCopy() {}

  /** Writes the batch; {@code now} is the transaction's time ({@code recorded_at} of every row). */
  public static Outcome write(
      Connection c, LedgerAppender ledger, Instant now, PreparedIncidents p, String recordedBy)
      throws SQLException {
    int n = p.size();
    if (n == 0) {
      return new Outcome(0, 0);
    }
    Map<String, Latest> latest = new HashMap<>(n * 2);
    try (PreparedStatement ps =
        c.prepareStatement(
            "select distinct on (incident_id) incident_id, version, content_hash from incident_versions "
                + "where incident_id = any(?) order by incident_id, version desc")) {
      Array ids = c.createArrayOf("text", p.ids);
      ps.setArray(1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          latest.put(rs.getString(1), new Latest(rs.getInt(2), rs.getString(3)));
        }
      }
    }
    int[] versions = new int[n]; // 0: unchanged, skipped
    int added = 0;
    for (int i = 0; i < n; i++) {
      Latest prev = latest.get(p.ids[i]);
      if (prev != null && prev.hash().equals(p.hashes[i])) {
        continue;
      }
      versions[i] = prev == null ? 1 : prev.version() + 1;
      latest.put(p.ids[i], new Latest(versions[i], p.hashes[i]));
      added++;
    }
    if (added == 0) {
      return new Outcome(0, n);
    }
    long[] rowIds = reserveIds(c, added);
    String recordedAt = RowJson.instant(now);
    byte[] batchPart =
        IncidentLeaf.batchPart(recordedAt, recordedBy).getBytes(StandardCharsets.UTF_8);
    CopyText tail = new CopyText(256);
    tail.field(recordedAt).tab().field(recordedBy);
    byte[] rowTail = Arrays.copyOf(tail.array(), tail.size());
    MessageDigest sha = sha256();
    CopyText.copyIn(
        c,
        COPY,
        FLUSH,
        out -> {
          int r = 0;
          for (int i = 0; i < n; i++) {
            if (versions[i] == 0) {
              continue;
            }
            long id = rowIds[r++];
            byte[] hash =
                IncidentLeaf.hash(
                    sha,
                    p.leafHeads[i],
                    id,
                    p.leafMiddles[i],
                    batchPart,
                    p.leafStatus[i],
                    versions[i]);
            long leafIndex = ledger.appendHash("incident_versions", id, hash);
            out.field(Long.toString(id))
                .tab()
                .field(Long.toString(leafIndex))
                .tab()
                .field(Integer.toString(versions[i]))
                .tab()
                .raw(p.copyFields[i])
                .raw(rowTail)
                .end();
          }
        });
    return new Outcome(added, n - added);
  }

  private static long[] reserveIds(Connection c, int count) throws SQLException {
    long[] ids = new long[count];
    try (PreparedStatement ps =
        c.prepareStatement(
            "select nextval('incident_versions_id_seq') from generate_series(1, ?)")) {
      ps.setInt(1, count);
      try (ResultSet rs = ps.executeQuery()) {
        for (int i = 0; rs.next(); i++) {
          ids[i] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
