package org.umbrella.engine.internal;

import java.nio.charset.StandardCharsets;

/**
 * Incident ids of up to 15 Latin-1 characters held as two longs instead of a {@code String}, so
 * that what the engine remembers for the revision horizon is primitive arrays the young collector
 * never copies (docs/benchmarks.md, fourth round). An id that does not fit is kept as its string
 * beside the two longs ({@link #high} answers {@link #NONE}).
 *
 * <p>Layout: {@link #low} holds characters 0-7, one byte each, little-endian; {@link #high}
 * characters 8-14 and the length in its top byte. Two packed ids are equal exactly when both longs
 * are: the length is part of the value, so padding cannot collide.
 */
final class PackedIds {
  /**
   * What {@link #high} answers for an id that does not fit (never a packed value: its length byte
   * would be 255).
   */
  static final long NONE = -1L;

  private PackedIds() {}

  /**
   * Characters 0-7 of {@code id}; meaningful only when {@link #high} did not answer {@link #NONE}.
   */
  static long low(String id) {
    int n = Math.min(8, id.length());
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) (id.charAt(i) & 0xFF) << (8 * i);
    }
    return v;
  }

  /**
   * Characters 8-14 and the length of {@code id}, or {@link #NONE} when it is longer than 15 or not
   * Latin-1.
   */
  static long high(String id) {
    int n = id.length();
    if (n > 15) {
      return NONE;
    }
    // one pass without an exit inside: the characters or-ed together tell at the end whether each
    // fits a byte, and the loop's body does not branch on them
    int all = 0;
    for (int i = 0; i < Math.min(8, n); i++) {
      all |= id.charAt(i);
    }
    long v = (long) n << 56;
    for (int i = 8; i < n; i++) {
      char c = id.charAt(i);
      all |= c;
      v |= (long) c << (8 * (i - 8));
    }
    return all > 0xFF ? NONE : v;
  }

  /** The id packed as ({@code low}, {@code high}); {@code high} is not {@link #NONE}. */
  static String unpack(long low, long high) {
    int n = (int) (high >>> 56);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i < 8 ? low >>> (8 * i) : high >>> (8 * (i - 8)));
    }
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
