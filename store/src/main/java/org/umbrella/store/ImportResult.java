package org.umbrella.store;

/**
 * The outcome of importing a batch of incidents.
 *
 * @param added incident versions written (new incidents or changed ones)
 * @param unchanged records identical to the stored current version, skipped
 * @param treeSize the ledger's size after the batch
 */
public record ImportResult(long added, long unchanged, long treeSize) {
  /** The sum of two results (sizes: the later one's). */
  public ImportResult plus(ImportResult other) {
    return new ImportResult(added + other.added, unchanged + other.unchanged, other.treeSize);
  }
}
