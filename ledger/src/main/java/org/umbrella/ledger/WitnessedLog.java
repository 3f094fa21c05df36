package org.umbrella.ledger;

import java.util.List;

/**
 * What a witness keeps per log: the keys it trusts for the log's origin and the latest checkpoint
 * it cosigned (size 0 and the empty root before the first).
 *
 * @param origin the log's origin line
 * @param keys the log keys the witness trusts now (the configured ones, or the one a key rotation
 *     handed over to)
 * @param size the size of the latest cosigned checkpoint
 * @param rootHash its root hash
 * @param checkpoint the latest cosigned checkpoint note as the log sent it ("" before the first)
 */
public record WitnessedLog(
    String origin, List<NoteVerifier> keys, long size, byte[] rootHash, String checkpoint) {
  public WitnessedLog {
    keys = List.copyOf(keys);
    rootHash = rootHash.clone();
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a witnessed log needs at least one trusted key");
    }
  }

  /** A log the witness has not cosigned yet. */
  public static WitnessedLog fresh(String origin, List<NoteVerifier> keys) {
    return new WitnessedLog(origin, keys, 0, Hashes.emptyRoot(), "");
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }
}
