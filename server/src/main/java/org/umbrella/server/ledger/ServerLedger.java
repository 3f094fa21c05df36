package org.umbrella.server.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.ledger.WitnessPolicy;
import org.umbrella.store.Cosignatures;
import org.umbrella.store.Database;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.RecordNotFoundException;
import org.umbrella.store.RecordWrites;
import org.umbrella.store.StoreConfig;
import org.umbrella.store.VerifyReport;

/**
 * The evidence store and its ledger on the server's database: {@link #write} runs a change as one
 * transaction in which the server's rows, the audit row and the store's record rows with their
 * leaves and a signed tree head are written together, so a crash never keeps one without the other.
 * Reads give the latest checkpoint and offline-checkable proofs. Thread-safe.
 */
public final class ServerLedger {
  private final Jdbi jdbi;
  private final PostgresEvidenceStore store;
  private final Cosignatures cosignatures;

  /**
   * A ledger on {@code dataSource} (already migrated), signing tree heads with {@code key} (the
   * data directory's {@code ledger-key.pk8}, see {@link org.umbrella.store.LedgerKeys}).
   */
  public ServerLedger(Jdbi jdbi, DataSource dataSource, NoteSigner key, Clock clock) {
    this.jdbi = jdbi;
    Database db = Database.over(dataSource);
    this.store = new PostgresEvidenceStore(db, key, StoreConfig.DEFAULT_ORIGIN, clock);
    this.cosignatures = new Cosignatures(db);
  }

  /**
   * Runs {@code work} in one transaction on a handle whose connection also carries the store's
   * records: commits all of it, or (on any exception, which is rethrown) none.
   */
  public <T> T write(BiFunction<Handle, RecordWrites, T> work) {
    return jdbi.inTransaction(
        h -> store.within(h.getConnection(), records -> work.apply(h, records)));
  }

  /** The latest signed tree head (a signed note), if anything was ever written. */
  public Optional<String> checkpoint() {
    return store.latestCheckpoint();
  }

  /** The ledger's public verifier key ({@code name+id+key}). */
  public NoteVerifier verifier() {
    return store.publicKey();
  }

  /**
   * The proof that leaf {@code leafIndex} is in the latest signed tree.
   *
   * @throws org.umbrella.store.RecordNotFoundException when there is no such leaf
   */
  public ProofBundle proof(long leafIndex) {
    return store.proof(leafIndex);
  }

  /**
   * The proof that leaf {@code leafIndex} is in the latest tree head cosigned as {@code policy}
   * asks, its checkpoint carrying the cosignatures.
   *
   * @throws org.umbrella.store.RecordNotFoundException when there is no such leaf or no head
   *     cosigned by enough of the policy's witnesses
   */
  public ProofBundle proof(long leafIndex, WitnessPolicy policy) {
    Cosignatures.CosignedHead head =
        cosignatures
            .latest(policy, store.verificationKeys())
            .orElseThrow(
                () ->
                    new RecordNotFoundException(
                        "no tree head is cosigned by "
                            + policy.quorum()
                            + " of the "
                            + policy.witnesses().size()
                            + " witnesses named"));
    return store.proof(leafIndex, head.treeSize(), head.note());
  }

  /** The witnesses' cosignatures of the tree heads. */
  public Cosignatures cosignatures() {
    return cosignatures;
  }

  /** Every key the ledger's heads are signed by: retired ones first, the current one last. */
  public List<NoteVerifier> verificationKeys() {
    return store.verificationKeys();
  }

  /** The consistency proof between two signed tree sizes (from stored subtree hashes). */
  public List<byte[]> consistencyProof(long size1, long size2) {
    return store.consistencyProof(size1, size2);
  }

  /** The size of the latest signed tree head (0 before the first). */
  public long latestSize() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select coalesce(max(tree_size), 0) from tree_heads")
                .mapTo(Long.class)
                .one());
  }

  /** The record table and row a leaf belongs to, if there is such a leaf. */
  public Optional<LeafRow> leaf(long leafIndex) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select table_name, row_id from ledger_leaves where leaf_index = :i")
                .bind("i", leafIndex)
                .map((rs, ctx) -> new LeafRow(leafIndex, rs.getString(1), rs.getLong(2)))
                .findOne());
  }

  /** The leaf of the current version of the incident a report became, if it is in the ledger. */
  public OptionalLong reportLeaf(String reportId) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "select leaf_index from incident_versions where incident_id = :id order by version desc limit 1")
                    .bind("id", reportId)
                    .mapTo(Long.class)
                    .findOne())
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** Recomputes the whole ledger from the rows and checks every signed head. */
  public VerifyReport verify() {
    return store.verifyLedger(0);
  }

  /** A leaf's record: its table and row id. */
  public record LeafRow(long leafIndex, String table, long rowId) {}
}
