package org.umbrella.engine.internal;

import java.util.Arrays;

/**
 * The free rows of {@link FindingRows}, handed out next-fit: from a cursor that moves forward
 * through the rows and wraps, so that findings made one after the other get rows close together.
 *
 * <p>Why not a stack of freed rows: a stack hands out whichever row was freed last, and rows are
 * freed from several lists of different lengths (the revision index after the horizon, windows a
 * few days later, aggregates and candidates when decided), so after a few horizons consecutive
 * findings land on rows scattered over megabytes of parallel arrays, and writing one finding's
 * columns misses the cache once per array. On a time-ordered stream the rows freed next are the
 * oldest, which lie just ahead of the cursor, so the cursor walks the arrays as a ring would and
 * passes over the few rows still held.
 *
 * <p>{@link #take} looks a bounded distance ahead before it gives up and lets the caller append a
 * new row, unless more than an eighth of the rows are free: then it looks as far as it must, so
 * that free rows scattered thinly cannot make the table grow without bound. Not thread-safe.
 */
final class FreeRows {
  /** Words of the bitmap (64 rows each) {@link #take} reads before giving up on a tight table. */
  private static final int SCAN_WORDS = 8;

  /** One bit per row below {@link #limit}: set when the row is free. */
  private long[] bits = new long[16];

  private int limit;
  private int count;
  private int cursor;

  /** Free rows. */
  int count() {
    return count;
  }

  /** Rows from 0 up to {@code rows} may be freed from now on (the table has made that many). */
  void coverUpTo(int rows) {
    limit = rows;
    int words = (rows + 63) >>> 6;
    if (words > bits.length) {
      bits = Arrays.copyOf(bits, Math.max(words, bits.length * 2));
    }
  }

  /** Marks row {@code f} (below the covered limit) free. */
  void free(int f) {
    bits[f >>> 6] |= 1L << f;
    count++;
  }

  /**
   * A free row, now taken, at or after the cursor (wrapping); or -1 when there is none, or none
   * near enough while at most an eighth of the rows are free: then the caller makes a new row.
   */
  int take() {
    return take((long) count * 8 > limit);
  }

  /**
   * As {@link #take()}, but whether to look as far as it must is the caller's to say: {@code far}
   * when the rows to spare are counted over more than this set of free rows (the lanes of {@link
   * FindingRows} share one table).
   */
  int take(boolean far) {
    if (count == 0) {
      return -1;
    }
    int words = (limit + 63) >>> 6;
    int w = cursor >>> 6;
    long b;
    if (w < words) {
      b = bits[w] & (-1L << cursor); // the shift takes the cursor's low six bits
    } else {
      w = 0; // past the last row: from the first
      b = bits[0];
    }
    for (int scanned = 0; b == 0; scanned++) {
      if (scanned >= SCAN_WORDS && !far) {
        cursor = w << 6; // the next look starts past what this one read
        return -1;
      }
      w = w + 1 == words ? 0 : w + 1;
      b = bits[w];
    }
    int f = (w << 6) + Long.numberOfTrailingZeros(b);
    bits[w] &= ~(1L << f);
    count--;
    cursor = f + 1;
    return f;
  }
}
