package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentSource;

/**
 * Tamper evidence: random mutations applied straight to the stored rows in SQL (change a field,
 * delete a row, swap two rows, truncate a table), each in its own rolled-back transaction, are
 * every one detected by ledger verification, which names the row.
 */
class TamperEvidenceTest {
  static final int MUTATIONS = 520;
  static final List<String> LEDGER_TABLES =
      List.of("ledger_leaves", "tree_heads", "ledger_tip", "ledger_subtrees");

  static List<String> targets() {
    return TestDatabases.targets();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void verify_detectsEveryRandomMutation_andNamesTheRow(String target) throws Exception {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      populate(s);
      assertThat(s.verifyLedger(0).divergence()).isEmpty();
      Random random = new Random(20260301);
      Map<String, Integer> kinds = new LinkedHashMap<>();
      int refusals = 0;
      try (Connection c = s.database().dataSource().getConnection()) {
        for (int m = 0; m < MUTATIONS; m++) {
          c.setAutoCommit(false);
          Mutation mut;
          try {
            mut = mutate(c, random);
          } catch (SQLException refused) {
            // a constraint refused this mutation (e.g. a duplicate key): not a tampering, draw
            // again
            c.rollback();
            c.setAutoCommit(true);
            refusals++;
            m--;
            continue;
          }
          VerifyReport report = new LedgerVerifier(c, s.publicKey()).verify(0); // rolls back
          c.setAutoCommit(true);
          kinds.merge(mut.kind, 1, Integer::sum);
          assertThat(report.divergence()).as("mutation %d: %s", m, mut).isPresent();
          Divergence d = report.divergence().orElseThrow();
          if (PostgresEvidenceStore.RECORD_TABLES.contains(mut.table)) {
            assertThat(d.table()).as("mutation %d: %s -> %s", m, mut, d).isEqualTo(mut.table);
            assertThat(mut.rowIds).as("mutation %d: %s -> %s", m, mut, d).contains(d.rowId());
          } else if (mut.table.equals("ledger_leaves") && mut.leafIndex >= 0) {
            assertThat(d.leafIndex())
                .as("mutation %d: %s -> %s", m, mut, d)
                .isEqualTo(mut.leafIndex);
          } else {
            assertThat(d.table())
                .as("mutation %d: %s -> %s", m, mut, d)
                .isIn("tree_heads", "ledger_leaves", "ledger_tip", "ledger_subtrees");
          }
        }
      }
      assertThat(s.verifyLedger(0).divergence()).as("all mutations were rolled back").isEmpty();
      assertThat(refusals).as("mutations refused by constraints").isLessThan(MUTATIONS / 10);
      assertThat(kinds.keySet()).containsExactlyInAnyOrder("change", "delete", "swap", "truncate");
      System.out.println(target + ": " + MUTATIONS + " mutations detected: " + kinds);
    }
  }

  /**
   * What a mutation did: its kind, table, the ids of the rows it touched and the leaf concerned.
   */
  record Mutation(String kind, String table, List<Long> rowIds, long leafIndex, String detail) {}

  static void populate(PostgresEvidenceStore s) throws SQLException {
    List<Incident> bulk = new ArrayList<>();
    for (int i = 0; i < 480; i++) { // over 512 leaves in all: two stored subtree hashes (level 8)
      bulk.add(
          Incidents.incident(
              "bulk-" + i,
              i,
              List.of(
                  new IncidentSource("s" + i, "media", "g" + (i % 3)),
                  new IncidentSource("t" + i, "sensor", "g" + (i % 2 + 5)))));
    }
    s.importIncidents(bulk, "import");
    for (int i = 0; i < 10; i++) {
      s.recordIncident(Incidents.incident("single-" + i, i), "monitor");
    }
    s.recordSource("omm", "monitor", "omm", "monitoring mission");
    s.recordSource("sat", "sensor", "sat", null);
    s.recordAgreement("ukraine", "agreement: ukraine\nversion: 1\n", "drafter");
    s.recordAgreement("ukraine", "agreement: ukraine\nversion: 2\n", "drafter");
    for (int i = 0; i < 4; i++) {
      s.review("bulk-" + i, ReviewStatus.CORROBORATED, "two groups agree", "reviewer", 2);
    }
    s.review("bulk-0", ReviewStatus.VERIFIED, "site visit", "reviewer", 2);
    s.review("single-1", ReviewStatus.REJECTED, "duplicate", "reviewer", 2);
    s.attribute("bulk-5", "RU", 0.7, "trajectory", "analyst");
    s.attribute("bulk-6", null, 0, "not determinable", "omm");
    var json = JsonNodeFactory.instance;
    s.recordDetermination(
        "d-1",
        json.objectNode().put("question", "was the ceasefire breached?").put("weight", 0.25));
    s.recordVote("d-1", "guarantor-a", "yes", null);
    s.recordVote("d-1", "guarantor-b", "no", "insufficient evidence");
    s.recordResponse("r-1", "guarantor-a", json.objectNode().put("action", "consultations"));
    s.recordProvisionReport("p-1", "withdrawal", json.objectNode().put("complete", false));
    s.recordEngineOutput(
        "finding", json.objectNode().put("provision", "ceasefire").put("count", 3));
    s.recordEngineOutput("alert", json.objectNode().put("level", "high"));
    s.recordAccount("alice", "Alice", "monitor");
    try (Connection c = s.database().dataSource().getConnection()) {
      c.setAutoCommit(false);
      s.within(
          c,
          r -> {
            r.accountParty("alice", null);
            r.accountParty("bob", "US");
            r.accountIdentity("bob", "https://idp.example.org", "sub-1", true, "alice");
            return r.incidentReports(
                List.of(
                    new RecordWrites.FiledReport(
                        "single-1",
                        json.objectNode().put("summary", "shelling near the school"),
                        "monitor",
                        Instant.EPOCH),
                    new RecordWrites.FiledReport(
                        "single-2",
                        json.objectNode().put("summary", "two drones"),
                        "monitor",
                        Instant.EPOCH)));
          });
      c.commit();
    }
  }

  static Mutation mutate(Connection c, Random r) throws SQLException {
    List<String> tables = new ArrayList<>(PostgresEvidenceStore.RECORD_TABLES);
    tables.addAll(LEDGER_TABLES);
    tables.removeIf(
        t -> {
          try {
            return keys(c, t, t.equals("ledger_subtrees") ? "node_index" : "1").isEmpty();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }); // nothing to tamper with in an empty table (no key change was recorded here)
    String table = tables.get(r.nextInt(tables.size()));
    String kind =
        switch (r.nextInt(10)) {
          case 0, 1, 2, 3 -> "change";
          case 4, 5 -> "delete";
          case 6, 7, 8 -> "swap";
          default -> "truncate";
        };
    if (table.equals("ledger_tip")) {
      kind = "change"; // one row: nothing to swap; deleting it is a change too
    }
    String key =
        switch (table) {
          case "ledger_leaves" -> "leaf_index";
          case "tree_heads" -> "tree_size";
          case "ledger_tip" -> "id";
          case "ledger_subtrees" -> "node_index"; // one level (8) here, so unique
          default -> "id";
        };
    List<Long> keys = keys(c, table, key);
    if (kind.equals("swap") && keys.size() < 2) {
      kind = "delete"; // a table of one row has nothing to swap with
    }
    switch (kind) {
      case "truncate" -> {
        long first = firstInLeafOrder(c, table, key);
        exec(c, "truncate " + table);
        return new Mutation(
            kind, table, List.of(first), table.equals("ledger_leaves") ? 0 : -1, "");
      }
      case "delete" -> {
        long k = keys.get(r.nextInt(keys.size()));
        long leaf = leafOf(c, table, key, k);
        exec(c, "delete from " + table + " where " + key + " = " + k);
        return new Mutation(kind, table, List.of(k), leaf, "");
      }
      case "swap" -> {
        long a = keys.get(r.nextInt(keys.size()));
        long b;
        do {
          b = keys.get(r.nextInt(keys.size()));
        } while (b == a);
        long leaf = Math.min(leafOf(c, table, key, a), leafOf(c, table, key, b));
        // swap every column but the key: delete both rows, re-insert with their keys exchanged
        exec(
            c,
            "create temp table swap_tmp on commit drop as select * from "
                + table
                + " where "
                + key
                + " in ("
                + a
                + ", "
                + b
                + ")");
        exec(c, "delete from " + table + " where " + key + " in (" + a + ", " + b + ")");
        exec(
            c,
            "update swap_tmp set "
                + key
                + " = case "
                + key
                + " when "
                + a
                + " then "
                + b
                + " else "
                + a
                + " end");
        exec(c, "insert into " + table + " select * from swap_tmp");
        exec(c, "drop table swap_tmp");
        return new Mutation(kind, table, List.of(a, b), leaf, "");
      }
      default -> {
        long k = keys.get(r.nextInt(keys.size()));
        List<String[]> cols = columns(c, table);
        String[] col = cols.get(r.nextInt(cols.size()));
        String expr =
            switch (col[1]) {
              case "bigint" -> col[0] + " + 1000000"; // ids and indices: clear of existing values
              case "integer", "smallint" -> col[0] + " + 1";
              case "double precision" ->
                  table.equals("attributions") && col[0].equals("confidence")
                      ? "case when "
                          + col[0]
                          + " > 0.5 then "
                          + col[0]
                          + " - 0.25 else "
                          + col[0]
                          + " + 0.25 end"
                      : col[0] + " + 0.5";
              case "timestamp with time zone" -> col[0] + " + interval '1 second'";
              case "jsonb" -> col[0] + " || '{\"tampered\":true}'::jsonb";
              case "bytea" ->
                  "case when length("
                      + col[0]
                      + ") = 0 then '\\x00'::bytea else set_byte("
                      + col[0]
                      + ", 0, get_byte("
                      + col[0]
                      + ", 0) # 1) end";
              default ->
                  table.equals("incident_versions") && col[0].equals("status")
                      ? "case when status = 'verified' then 'rejected' else 'verified' end"
                      : "coalesce(" + col[0] + ", '') || 'x'";
            };
        if (table.equals("ledger_tip") && col[0].equals("id")) {
          exec(c, "delete from ledger_tip");
          return new Mutation(kind, table, List.of(1L), -1, "deleted tip");
        }
        long leaf = leafOf(c, table, key, k);
        exec(c, "update " + table + " set " + col[0] + " = " + expr + " where " + key + " = " + k);
        // a changed id may be named by its old value (from the leaf) or its new one (from the row)
        List<Long> named = col[0].equals(key) ? List.of(k, k + 1000000) : List.of(k);
        return new Mutation(kind, table, named, leaf, col[0]);
      }
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  static List<Long> keys(Connection c, String table, String key) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select " + key + " from " + table)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  static long leafOf(Connection c, String table, String key, long k) throws SQLException {
    if (table.equals("tree_heads")
        || table.equals("ledger_tip")
        || table.equals("ledger_subtrees")) {
      return -1;
    }
    try (PreparedStatement ps =
        c.prepareStatement("select leaf_index from " + table + " where " + key + " = ?")) {
      ps.setLong(1, k);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long firstInLeafOrder(Connection c, String table, String key) throws SQLException {
    String order =
        table.equals("tree_heads") || table.equals("ledger_tip") || table.equals("ledger_subtrees")
            ? key
            : "leaf_index";
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select " + key + " from " + table + " order by " + order + " limit 1")) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  static List<String[]> columns(Connection c, String table) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select column_name, data_type from information_schema.columns where table_name = ? and table_schema = current_schema() and is_generated = 'NEVER'")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return out;
  }

  static Optional<Divergence> unused() {
    return Optional.empty();
  }
}
