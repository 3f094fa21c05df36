package org.umbrella.store;

import java.util.Optional;

/**
 * The result of {@code ledger verify}.
 *
 * @param fromSize the trusted size verification started from (0: from the first leaf)
 * @param leavesChecked leaves recomputed from their rows
 * @param headsChecked signed tree heads whose signature and root were checked
 * @param treeSize the size of the latest signed head
 * @param rootHex the latest signed root, hex
 * @param divergence the first divergence, if any
 */
public record VerifyReport(
    long fromSize,
    long leavesChecked,
    long headsChecked,
    long treeSize,
    String rootHex,
    Optional<Divergence> divergence) {
  /** Whether everything matched. */
  public boolean ok() {
    return divergence.isEmpty();
  }
}
