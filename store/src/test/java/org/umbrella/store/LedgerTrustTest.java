package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.CosignatureSigner;
import org.umbrella.ledger.Ed25519;
import org.umbrella.ledger.InMemoryLedger;
import org.umbrella.ledger.InvalidSignatureException;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.Proofs;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.ledger.WitnessPolicy;

/**
 * The ledger's stored subtree hashes, key rotation and cosignatures on a real database: proofs read
 * from stored hashes equal a rebuild from every leaf (what the store served before); the back-fill
 * migration writes exactly what the appender writes; a tampered stored hash, a forged cosignature
 * and a head signed by a rotated-out key are each caught by {@code ledger verify}.
 */
class LedgerTrustTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  static void fill(PostgresEvidenceStore s, int singles, int bulk) {
    List<org.umbrella.engine.input.Incident> batch = new ArrayList<>();
    for (int i = 0; i < bulk; i++) {
      batch.add(
          Incidents.incident("b-" + i, i, List.of(new IncidentSource("s" + i, "media", "g"))));
    }
    if (bulk > 0) {
      s.importIncidents(batch, "import");
    }
    for (int i = 0; i < singles; i++) {
      s.recordIncident(Incidents.incident("s-" + i, i), "monitor");
    }
  }

  static InMemoryLedger rebuild(Connection c) throws SQLException {
    InMemoryLedger l = new InMemoryLedger();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select leaf_hash from ledger_leaves order by leaf_index")) {
      while (rs.next()) {
        l.appendHash(rs.getBytes(1));
      }
    }
    return l;
  }

  static List<Long> headSizes(Connection c) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select tree_size from tree_heads order by tree_size")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  @Test
  void proofsFromStoredHashes_equalTheRebuild_andTheBackfillMatchesTheAppender() throws Exception {
    try (PostgresEvidenceStore s = TestDatabases.store("embedded")) {
      fill(s, 40, 1_300);
      fill(s, 30, 0);
      try (Connection c = s.database().dataSource().getConnection()) {
        InMemoryLedger full = rebuild(c);
        List<Long> heads = headSizes(c);
        Random r = new Random(17);
        for (int k = 0; k < 60; k++) {
          long size = heads.get(r.nextInt(heads.size()));
          long leaf = r.nextInt((int) size);
          var bundle = s.proof(leaf, size, null);
          assertThat(bundle.inclusionProof())
              .as("leaf %d in %d", leaf, size)
              .containsExactlyElementsOf(full.inclusionProof(leaf, size));
          assertThat(bundle.verify(s.publicKey()).size()).isEqualTo(size);
          long size1 = heads.get(r.nextInt(heads.size()));
          long lo = Math.min(size1, size);
          long hi = Math.max(size1, size);
          assertThat(s.consistencyProof(lo, hi))
              .containsExactlyElementsOf(full.consistencyProof(lo, hi));
          Proofs.verifyConsistency(
              lo, hi, s.consistencyProof(lo, hi), full.rootAt(lo), full.rootAt(hi));
        }
        List<String> written = subtrees(c);
        assertThat(written).hasSize(1_370 / 256 + 0); // 5 complete subtrees of 256 leaves
        try (Statement st = c.createStatement()) {
          st.execute("delete from ledger_subtrees");
          st.execute(backfillSql());
        }
        assertThat(subtrees(c))
            .as("the V80 back-fill writes what the appender wrote")
            .isEqualTo(written);
      }
      assertThat(s.verifyLedger(0).divergence()).isEmpty();
    }
  }

  static String backfillSql() throws IOException {
    try (var in =
        LedgerTrustTest.class.getResourceAsStream("/db/migration/V80__ledger_subtrees.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return sql.substring(sql.indexOf("create temporary table")).replace(" on commit drop", "");
    }
  }

  static List<String> subtrees(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select level, node_index, encode(hash, 'hex') from ledger_subtrees order by level, node_index")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + "/" + rs.getLong(2) + "/" + rs.getString(3));
      }
    }
    return out;
  }

  @Test
  void aTamperedStoredHash_isCaughtByVerify_andNamed() throws Exception {
    try (PostgresEvidenceStore s = TestDatabases.store("embedded")) {
      fill(s, 310, 300); // a head at 300, then one per leaf up to 610: two stored subtree hashes
      for (String sql :
          List.of(
              "update ledger_subtrees set hash = set_byte(hash, 5, get_byte(hash, 5) # 1) where node_index = 1",
              "delete from ledger_subtrees where node_index = 0",
              "insert into ledger_subtrees values (8, 7, sha256('x'))",
              "update ledger_subtrees set node_index = 5 where node_index = 1")) {
        try (Connection c = s.database().dataSource().getConnection()) {
          c.setAutoCommit(false);
          try (Statement st = c.createStatement()) {
            st.execute(sql);
          }
          VerifyReport v = new LedgerVerifier(c, s.publicKey()).verify(0);
          assertThat(v.divergence()).as(sql).isPresent();
          assertThat(v.divergence().get().table()).as(sql).isEqualTo("ledger_subtrees");
        }
      }
      assertThat(s.verifyLedger(0).divergence()).isEmpty();
      // verifying from a trusted head inside a stored subtree still checks that subtree's hash
      try (Connection c = s.database().dataSource().getConnection()) {
        long from =
            headSizes(c).stream().filter(h -> h >= 300 && h < 512).findFirst().orElseThrow();
        assertThat(s.verifyLedger(from).divergence()).isEmpty();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          st.execute("update ledger_subtrees set hash = sha256('x') where node_index = 1");
        }
        VerifyReport v = new LedgerVerifier(c, s.publicKey()).verify(from);
        assertThat(v.divergence().orElseThrow().table()).isEqualTo("ledger_subtrees");
      }
    }
  }

  @Test
  void keyRotation_keepsOldProofsCheckable_andHoldsEveryHeadToTheKeyInForce() throws Exception {
    Database db = TestDatabases.open("embedded");
    NoteSigner first = TestDatabases.signer();
    NoteSigner second =
        new NoteSigner(
            StoreConfig.DEFAULT_ORIGIN, Ed25519.generate(new java.security.SecureRandom()));
    var before =
        new Object() {
          org.umbrella.ledger.ProofBundle proof;
        };
    try (PostgresEvidenceStore s =
        new PostgresEvidenceStore(db, first, StoreConfig.DEFAULT_ORIGIN, CLOCK)) {
      fill(s, 5, 0);
      before.proof = s.proof(2);
      s.recordKeyChange(second, "scheduled", "operator");
    }
    try (PostgresEvidenceStore s =
        PostgresEvidenceStore.owning(db, second, StoreConfig.DEFAULT_ORIGIN, CLOCK)) {
      fill(s, 5, 0);
      assertThat(s.verifyLedger(0).divergence()).isEmpty();
      assertThat(s.verificationKeys()).containsExactly(first.verifier(), second.verifier());
      // a proof made before the rotation still verifies with the old key
      assertThat(before.proof.verify(first.verifier()).size()).isEqualTo(5);
      // the handover head names the new key and carries both signatures
      String handover = s.proof(5, 6, null).signedCheckpoint();
      assertThat(
              SignedNotes.open(handover, List.of(first.verifier(), second.verifier())).verified())
          .hasSize(2);
      assertThat(Checkpoint.parse(SignedNotes.open(handover, second.verifier())).extensions())
          .contains("rotate-key " + second.verifier().encoded());
      // a later head signed with the rotated-out key is caught
      try (Connection c = db.dataSource().getConnection()) {
        c.setAutoCommit(false);
        long last;
        String note;
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "select tree_size, checkpoint from tree_heads order by tree_size desc limit 1")) {
          rs.next();
          last = rs.getLong(1);
          note = rs.getString(2);
        }
        String forged = first.sign(SignedNotes.open(note, second.verifier()));
        try (PreparedStatement ps =
            c.prepareStatement("update tree_heads set checkpoint = ? where tree_size = ?")) {
          ps.setString(1, forged);
          ps.setLong(2, last);
          ps.executeUpdate();
        }
        VerifyReport v = new LedgerVerifier(c, second.verifier()).verify(0);
        assertThat(v.divergence()).isPresent();
        assertThat(v.divergence().get().toString()).contains("bad signed tree head");
      }
      // and a data directory still holding the old key is refused too
      try (Connection c = db.dataSource().getConnection()) {
        assertThat(new LedgerVerifier(c, first.verifier()).verify(0).divergence()).isPresent();
      }
    }
  }

  @Test
  void cosignatures_areKeptOnlyWhenValid_servedByPolicy_andAForgedOneIsCaught() throws Exception {
    try (PostgresEvidenceStore s = TestDatabases.store("embedded")) {
      fill(s, 6, 0);
      Cosignatures cs = new Cosignatures(s.database());
      CosignatureSigner w1 =
          new CosignatureSigner("w1.test", Ed25519.generate(new java.security.SecureRandom()));
      CosignatureSigner w2 =
          new CosignatureSigner("w2.test", Ed25519.generate(new java.security.SecureRandom()));
      String note = cs.head(6).orElseThrow();
      String text = SignedNotes.open(note, s.publicKey());
      assertThat(cs.add(6, w1.verifier(), List.of(w1.cosign(text, 1_800_000_000L)))).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  cs.add(
                      6,
                      w2.verifier(),
                      List.of(
                          w2.cosign(
                              cs.head(5).orElseThrow().split("\n\n")[0] + "\n", 1_800_000_000L))))
          .isInstanceOf(InvalidSignatureException.class);
      WitnessPolicy both = new WitnessPolicy(List.of(w1.verifier(), w2.verifier()), 2);
      assertThat(cs.latest(both, s.verificationKeys())).isEmpty();
      cs.add(6, w2.verifier(), List.of(w2.cosign(text, 1_800_000_001L)));
      assertThat(cs.latest(both, s.verificationKeys()).orElseThrow().treeSize()).isEqualTo(6);
      assertThat(s.verifyLedger(0).divergence()).isEmpty();
      try (Connection c = s.database().dataSource().getConnection()) {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          st.execute(
              "update ledger_cosignatures set cosigned_at = cosigned_at + interval '1 day' where witness_key like 'w2.test%'");
        }
        VerifyReport v = new LedgerVerifier(c, s.publicKey()).verify(0);
        assertThat(v.divergence().orElseThrow().table()).isEqualTo("ledger_cosignatures");
      }
    }
  }
}
