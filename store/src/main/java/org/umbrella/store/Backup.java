package org.umbrella.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.umbrella.ledger.Hashes;

/**
 * A consistent, verifiable copy of the database and the ledger's key references: every table of the
 * schema (the records, the ledger, the service's own rows) written with {@code COPY} from one
 * repeatable-read snapshot, a manifest naming the schema version, each table's row count and
 * SHA-256, and the ledger's size and signed root; the public keys; the private key only when asked.
 *
 * <p>{@link #restore} loads a backup into a freshly migrated, empty database of the same schema
 * version, checks every file against the manifest, and resets the sequences; the caller then runs
 * {@code ledger verify}, which must give the manifest's size and root.
 *
 * <p>This is the portable backup for a single-node deployment and for moving a ledger; production
 * on an external PostgreSQL adds continuous archiving and point-in-time recovery (see {@code
 * docs/ledger.md}).
 */
public final class Backup {
  /** The manifest's format name. */
  public static final String FORMAT = "umbrella-backup/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Backup() {}

  /** What a backup holds. */
  public record Manifest(
      String schemaVersion,
      long treeSize,
      String rootHex,
      String checkpoint,
      int tables,
      long rows) {}

  /**
   * Writes a backup of {@code db} (whose data directory is {@code dataDir}) into the empty or new
   * directory {@code to}; the ledger's private key is included only if {@code withPrivateKey}.
   *
   * @throws StoreException if the directory is not empty or a file or the database fails
   */
  public static Manifest write(Database db, Path dataDir, Path to, boolean withPrivateKey) {
    try {
      requireEmpty(to, "backup directory");
      Files.createDirectories(to.resolve("tables"));
      Files.createDirectories(to.resolve("keys"));
      ObjectNode m = JSON.createObjectNode();
      m.put("format", FORMAT);
      ArrayNode tables = m.putArray("tables");
      long rows = 0;
      try (Connection c = db.dataSource().getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        m.put("schema_version", schemaVersion(c));
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "select tree_size, encode(root_hash, 'hex'), checkpoint from tree_heads order by tree_size desc limit 1")) {
          if (rs.next()) {
            m.put("tree_size", rs.getLong(1));
            m.put("root", rs.getString(2));
            m.put("checkpoint", rs.getString(3));
          } else {
            m.put("tree_size", 0);
            m.put("root", Hashes.hex(Hashes.emptyRoot()));
            m.put("checkpoint", "");
          }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String t : tables(c)) {
          MessageDigest sha = sha256();
          long n;
          try (OutputStream out =
              new DigestOutputStream(
                  Files.newOutputStream(to.resolve("tables").resolve(t + ".copy")), sha)) {
            n = copy.copyOut("copy " + quote(t) + " to stdout (format text)", out);
          }
          tables
              .addObject()
              .put("name", t)
              .put("rows", n)
              .put("sha256", HexFormat.of().formatHex(sha.digest()));
          rows += n;
        }
        c.rollback();
      }
      for (String f : List.of(LedgerKeys.PUB, LedgerKeys.HISTORY)) {
        copyIfExists(dataDir.resolve(f), to.resolve("keys").resolve(f));
      }
      if (withPrivateKey) {
        copyIfExists(dataDir.resolve(LedgerKeys.KEY), to.resolve("keys").resolve(LedgerKeys.KEY));
      }
      m.put(
          "private_key_included", withPrivateKey && Files.exists(dataDir.resolve(LedgerKeys.KEY)));
      Files.writeString(
          to.resolve("manifest.json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
      return manifest(m, rows);
    } catch (IOException | SQLException e) {
      throw new StoreException("backup to " + to + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Restores the backup in {@code from} into {@code db} (freshly opened on an empty data directory
   * or database, so migrated and holding no ledger) and copies the key files into {@code dataDir}.
   *
   * @throws StoreException if the target is not empty, the schema versions differ, a file does not
   *     match the manifest, or the database refuses a row; nothing is committed then
   */
  public static Manifest restore(Path from, Database db, Path dataDir) {
    try {
      JsonNode m = JSON.readTree(Files.readString(from.resolve("manifest.json")));
      if (!FORMAT.equals(m.path("format").asText())) {
        throw new StoreException(from.resolve("manifest.json") + ": 'format' must be " + FORMAT);
      }
      long rows = 0;
      try (Connection c = db.dataSource().getConnection()) {
        c.setAutoCommit(false);
        String version = schemaVersion(c);
        if (!version.equals(m.path("schema_version").asText())) {
          throw new StoreException(
              "the backup is of schema version "
                  + m.path("schema_version").asText()
                  + ", this umbrella's database is at "
                  + version
                  + ": restore with the umbrella version that made it");
        }
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("select count(*) from ledger_leaves")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            throw new StoreException(
                "the target database already holds a ledger ("
                    + rs.getLong(1)
                    + " leaves): restore only into an empty data directory or database");
          }
        }
        List<String> present = tables(c);
        try (Statement st = c.createStatement()) {
          st.execute("set local session_replication_role = replica"); // rows arrive table by table
          st.execute("truncate " + String.join(", ", present.stream().map(Backup::quote).toList()));
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (JsonNode t : m.path("tables")) {
          String name = t.path("name").asText();
          if (!present.contains(name)) {
            throw new StoreException(
                "the backup has a table '" + name + "' that this database does not");
          }
          Path file = from.resolve("tables").resolve(name + ".copy");
          MessageDigest sha = sha256();
          long n;
          try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            n = copy.copyIn("copy " + quote(name) + " from stdin (format text)", in);
          }
          if (n != t.path("rows").asLong()
              || !HexFormat.of().formatHex(sha.digest()).equals(t.path("sha256").asText())) {
            throw new StoreException(
                file
                    + ": does not match the manifest (rows "
                    + n
                    + ", expected "
                    + t.path("rows").asLong()
                    + ", or its SHA-256 differs)");
          }
          rows += n;
        }
        resetSequences(c);
        c.commit();
      }
      Files.createDirectories(dataDir);
      for (String f : List.of(LedgerKeys.PUB, LedgerKeys.HISTORY, LedgerKeys.KEY)) {
        copyIfExists(from.resolve("keys").resolve(f), dataDir.resolve(f));
      }
      return manifest(m, rows);
    } catch (IOException | SQLException e) {
      throw new StoreException("restore from " + from + " failed: " + e.getMessage(), e);
    }
  }

  /** The manifest of the backup in {@code dir}. */
  public static Manifest read(Path dir) {
    try {
      JsonNode m = JSON.readTree(Files.readString(dir.resolve("manifest.json")));
      long rows = 0;
      for (JsonNode t : m.path("tables")) {
        rows += t.path("rows").asLong();
      }
      return manifest(m, rows);
    } catch (IOException e) {
      throw new StoreException(
          "cannot read the backup manifest in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Manifest manifest(JsonNode m, long rows) {
    return new Manifest(
        m.path("schema_version").asText(),
        m.path("tree_size").asLong(),
        m.path("root").asText(),
        m.path("checkpoint").asText(),
        m.path("tables").size(),
        rows);
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select table_name from information_schema.tables where table_schema = current_schema()"
                    + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select version from flyway_schema_history where success and version is not null"
                    + " order by installed_rank desc limit 1")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private static void resetSequences(Connection c) throws SQLException {
    List<String[]> seqs = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)"
                    + " from information_schema.columns where table_schema = current_schema()"
                    + " and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null")) {
      while (rs.next()) {
        seqs.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    for (String[] s : seqs) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select setval(?, coalesce((select max("
                  + quote(s[1])
                  + ") from "
                  + quote(s[0])
                  + "), 0) + 1, false)")) {
        ps.setString(1, s[2]);
        ps.execute();
      }
    }
  }

  private static void requireEmpty(Path dir, String what) throws IOException {
    if (Files.exists(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new StoreException("the " + what + " " + dir + " is not empty");
        }
      }
    }
  }

  private static void copyIfExists(Path from, Path to) throws IOException {
    if (Files.exists(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
