package org.umbrella.store.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.umbrella.ledger.Hashes;

/** Stores a frontier (list of 32-byte hashes) as one bytea, and back. */
public final class Frontiers {
  private Frontiers() {}

  /** The hashes concatenated. */
  public static byte[] join(List<byte[]> hashes) {
    byte[] out = new byte[hashes.size() * Hashes.SIZE];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(hashes.get(i), 0, out, i * Hashes.SIZE, Hashes.SIZE);
    }
    return out;
  }

  /** The hashes of a joined frontier (its length must be a multiple of 32). */
  public static List<byte[]> split(byte[] joined) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i + Hashes.SIZE <= joined.length; i += Hashes.SIZE) {
      out.add(Arrays.copyOfRange(joined, i, i + Hashes.SIZE));
    }
    if (joined.length % Hashes.SIZE != 0) {
      throw new IllegalArgumentException(
          "a frontier is a multiple of 32 bytes, was " + joined.length);
    }
    return out;
  }
}
