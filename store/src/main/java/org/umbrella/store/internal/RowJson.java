package org.umbrella.store.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.umbrella.json.CanonicalJson;

/**
 * Turns a stored row into its ledger leaf, {@code {"row":{...},"table":"..."}} in canonical JSON,
 * from the values PostgreSQL holds, so that verification recomputes exactly what was hashed.
 *
 * <p>Column values map to JSON by SQL type: integers to numbers, double precision to numbers
 * (ECMAScript form), text to strings, timestamptz to ISO-8601 UTC instants, jsonb to the JSON value
 * itself, bytea to base64, SQL null to null. The {@code leaf_index} column is left out: it is the
 * leaf's position, which the tree itself binds.
 */
public final class RowJson {
  /**
   * Columns PostgreSQL derives from other columns (generated, read-only): left out of the leaf,
   * since the columns they derive from are in it.
   */
  private static final Map<String, Set<String>> DERIVED =
      Map.of("incident_versions", Set.of("body"));

  private RowJson() {}

  /** The leaf bytes of the current row of {@code rs}. */
  public static byte[] leaf(String table, ResultSet rs) throws SQLException {
    Map<String, Object> row = values(rs);
    row.keySet().removeAll(DERIVED.getOrDefault(table, Set.of()));
    return leaf(table, row);
  }

  /** The leaf bytes of a row given as column values (Java types as {@link #values} returns). */
  public static byte[] leaf(String table, Map<String, Object> row) {
    Map<String, Object> leaf = new TreeMap<>();
    leaf.put("table", table);
    leaf.put("row", row);
    return CanonicalJson.bytes(leaf);
  }

  /** The current row's values, by column name, in the Java types {@link CanonicalJson} writes. */
  public static Map<String, Object> values(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> row = new TreeMap<>();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      String name = md.getColumnName(c);
      if (name.equals("leaf_index")) {
        continue;
      }
      row.put(name, value(rs, c, md.getColumnTypeName(c)));
    }
    return row;
  }

  private static @Nullable Object value(ResultSet rs, int c, String type) throws SQLException {
    Object v;
    switch (type) {
      case "int8", "int4", "int2", "bigserial", "serial" -> v = rs.getLong(c);
      case "float8", "float4" -> v = rs.getDouble(c);
      case "bool" -> v = rs.getBoolean(c);
      case "timestamptz" -> {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : instant(t.toInstant());
      }
      case "jsonb", "json" -> {
        String s = rs.getString(c);
        return s == null ? null : CanonicalJson.parse(s);
      }
      case "bytea" -> {
        byte[] b = rs.getBytes(c);
        return b == null ? null : Base64.getEncoder().encodeToString(b);
      }
      case "numeric" -> v = rs.getBigDecimal(c);
      default -> v = rs.getString(c);
    }
    return rs.wasNull() ? null : v;
  }

  /** An instant as the leaf writes it (PostgreSQL keeps microseconds). */
  public static String instant(Instant t) {
    return t.toString();
  }

  /** Truncates to what PostgreSQL stores, so that a value written reads back equal. */
  public static Instant micros(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }
}
