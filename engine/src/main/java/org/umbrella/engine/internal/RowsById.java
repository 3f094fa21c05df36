package org.umbrella.engine.internal;

import java.util.function.IntFunction;

/**
 * Rows of {@link FindingRows} kept by finding id (aggregates, and findings awaiting a body): an
 * open-addressing table of row numbers with their ids' hashes, without the ids themselves. A row
 * makes its id when one must be compared, which is only on a hash match.
 *
 * <p>Why not a {@code HashMap<String, Integer>}: a candidate finding at sensor rates is kept for as
 * long as it is undecided, and the map held three objects for each (an entry, a boxed row, the id)
 * that the young collector copied before they were tenured (docs/benchmarks.md, "An eleventh
 * look"). Here a finding kept costs two ints of two long-lived arrays.
 *
 * <p>Linear probing, at most half full, with deletion by shifting back (no tombstones). Not
 * thread-safe.
 */
final class RowsById {
  private final IntFunction<String> idOf;
  private int[] slots = new int[64]; // row + 1; 0: empty
  private int[] hashes = new int[64];
  private int shift = Integer.numberOfLeadingZeros(64) + 1;
  private int size;

  /** {@code idOf} gives a row's id; it is asked only when a hash matches. */
  RowsById(IntFunction<String> idOf) {
    this.idOf = idOf;
  }

  int size() {
    return size;
  }

  /** The row kept as {@code id}, or -1. */
  int get(String id) {
    int s = find(id, id.hashCode());
    return s < 0 ? -1 : slots[s] - 1;
  }

  /** Keeps {@code row} as {@code id} unless some row is kept as {@code id}; whether it was. */
  boolean putIfAbsent(String id, int row) {
    int h = id.hashCode();
    if (find(id, h) >= 0) {
      return false;
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int s = home(h);
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = row + 1;
    hashes[s] = h;
    size++;
    return true;
  }

  /** Forgets the row kept as {@code id}; whether there was one. */
  boolean remove(String id) {
    int s = find(id, id.hashCode());
    if (s < 0) {
      return false;
    }
    int mask = slots.length - 1;
    // shift back every later entry of the run that may sit at the freed slot, so that no probe for
    // it meets an empty slot before reaching it
    int free = s;
    for (int j = s; ; ) {
      j = (j + 1) & mask;
      if (slots[j] == 0) {
        break;
      }
      int k = home(hashes[j]);
      boolean stays = free <= j ? (free < k && k <= j) : (free < k || k <= j);
      if (!stays) {
        slots[free] = slots[j];
        hashes[free] = hashes[j];
        free = j;
      }
    }
    slots[free] = 0;
    size--;
    return true;
  }

  private int find(String id, int h) {
    int mask = slots.length - 1;
    for (int s = home(h); slots[s] != 0; s = (s + 1) & mask) {
      if (hashes[s] == h && idOf.apply(slots[s] - 1).equals(id)) {
        return s;
      }
    }
    return -1;
  }

  /** The top bits of a multiplicative mix: ids that differ only in their last characters spread. */
  private int home(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[slots.length];
    shift--;
    int mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int s = home(oldHashes[i]);
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = oldSlots[i];
        hashes[s] = oldHashes[i];
      }
    }
  }
}
