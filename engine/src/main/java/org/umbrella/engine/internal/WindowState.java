package org.umbrella.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The confirmed findings one aggregate definition counts for one actor, sorted by event time (ties
 * in arrival order), and the chain of aggregate findings standing on them, sorted by window end.
 *
 * <p>The chain is what rule 3's left-to-right scan gives over the entries (docs/engine.md,
 * "Aggregates"): the evaluator keeps it so by recomputing it from the point of every change.
 * Entries are kept while a late finding or a revision can still reach a window holding them (the
 * evaluator says how far back, from the earliest event time counted recently, which this state
 * keeps as a sliding minimum); the chain's aggregates as long as entries of their windows are kept,
 * then only the instant from which the oldest pruned one left the definition armed. Eviction
 * advances a head index and compacts now and then, so that appending and evicting are amortised
 * O(1) on a time-ordered stream.
 */
final class WindowState {
  private final FindingRows findings;

  /** Rows of {@link FindingRows}, each holding a reference while it is an entry. */
  private int[] entries = new int[16];

  /** Values summed by the definition, parallel to {@code entries}; null when it sums nothing. */
  private double @Nullable [] values;

  /**
   * Event times of the entries, parallel to {@code entries}: scanned without touching the findings.
   */
  private long[] times = new long[16];

  private int head;
  private int end;

  /**
   * When each entry was counted (engine clock) with its event time, in counting order, as a sliding
   * minimum: an entry is dropped from the back when a later-counted one is no later in event time,
   * so that the front holds the earliest event time counted since a given instant.
   */
  private long[] countedAt = new long[16];

  private long[] countedTime = new long[16];
  private int countedHead;
  private int countedSize;

  /**
   * Standing (not withdrawn) aggregates raised from this state, by window end: rows of {@link
   * FindingRows}, each holding a reference while in the chain (the evaluator takes and lets go of
   * it).
   */
  final List<Integer> chain = new ArrayList<>();

  /** The instant from which the last pruned aggregate of the chain left the definition armed. */
  long prunedArmedFrom = Long.MIN_VALUE;

  /**
   * @param sums whether the definition sums a value over its entries ({@link #value} is then kept)
   */
  WindowState(FindingRows findings, boolean sums) {
    this.findings = findings;
    this.values = sums ? new double[16] : null;
  }

  int start() {
    return head;
  }

  int end() {
    return end;
  }

  boolean isEmpty() {
    return head == end;
  }

  int at(int i) {
    return entries[i];
  }

  double value(int i) {
    return Objects.requireNonNull(values, "the definition sums nothing")[i];
  }

  long time(int i) {
    return times[i];
  }

  /** Inserts keeping time order (ties: arrival order), taking a reference to {@code f}. */
  void insert(int f, double value) {
    findings.acquire(f);
    long eventMillis = findings.eventMillis(f);
    if (end == entries.length) {
      if (head > 0) {
        compact();
      }
      if (end == entries.length) {
        int n = entries.length * 2;
        entries = Arrays.copyOf(entries, n);
        if (values != null) {
          values = Arrays.copyOf(values, n);
        }
        times = Arrays.copyOf(times, n);
      }
    }
    int i = end > head && times[end - 1] <= eventMillis ? end : firstAfter(eventMillis);
    System.arraycopy(entries, i, entries, i + 1, end - i);
    System.arraycopy(times, i, times, i + 1, end - i);
    entries[i] = f;
    times[i] = eventMillis;
    if (values != null) {
      System.arraycopy(values, i, values, i + 1, end - i);
      values[i] = value;
    }
    end++;
  }

  /** Notes that an entry with event time {@code time} was counted at engine clock {@code clock}. */
  void counted(long clock, long time) {
    if (time >= clock) {
      // Never the answer: an entry counted at c and asked about from any instant before c happened
      // after that instant, and the evaluator takes the earlier of the two. On a stream whose
      // record times are its event times (historical replay) no entry is kept at all.
      return;
    }
    int mask = countedAt.length - 1;
    while (countedSize > 0 && countedTime[(countedHead + countedSize - 1) & mask] >= time) {
      countedSize--;
    }
    if (countedSize == countedAt.length) {
      long[] a = new long[countedAt.length * 2];
      long[] t = new long[a.length];
      for (int i = 0; i < countedSize; i++) {
        a[i] = countedAt[(countedHead + i) & mask];
        t[i] = countedTime[(countedHead + i) & mask];
      }
      countedAt = a;
      countedTime = t;
      countedHead = 0;
      mask = a.length - 1;
    }
    countedAt[(countedHead + countedSize) & mask] = clock;
    countedTime[(countedHead + countedSize) & mask] = time;
    countedSize++;
  }

  /**
   * The earliest event time among entries counted after {@code since} (engine clock), when it is
   * before {@code since}; else some time after {@code since}, or {@code Long.MAX_VALUE}. A revision
   * can still reach those entries, and so a rescan the windows around them.
   */
  long earliestCountedAfter(long since) {
    int mask = countedAt.length - 1;
    while (countedSize > 0 && countedAt[countedHead] <= since) {
      countedHead = (countedHead + 1) & mask;
      countedSize--;
    }
    return countedSize == 0 ? Long.MAX_VALUE : countedTime[countedHead];
  }

  /** Removes {@code f} (letting go of its reference); false when it is not (or no longer) held. */
  boolean remove(int f) {
    long eventMillis = findings.eventMillis(f);
    for (int i = firstAfter(eventMillis - 1); i < end && times[i] == eventMillis; i++) {
      if (entries[i] == f) {
        System.arraycopy(entries, i + 1, entries, i, end - i - 1);
        if (values != null) {
          System.arraycopy(values, i + 1, values, i, end - i - 1);
        }
        System.arraycopy(times, i + 1, times, i, end - i - 1);
        end--;
        findings.release(f);
        return true;
      }
    }
    return false;
  }

  /**
   * Drops entries at or before {@code limitMillis}, and the chain's aggregates whose window ended
   * at or before it (remembering from when the last of them left the definition armed, and letting
   * go of their contributors: they are final).
   */
  void evictThrough(long limitMillis, LongUnaryOperator armedAfter) {
    while (head < end && times[head] <= limitMillis) {
      findings.release(entries[head]);
      head++;
    }
    if (head > 64 && head > end / 2) {
      compact();
    }
    if (!chain.isEmpty() && findings.eventMillis(chain.get(0)) <= limitMillis) {
      int n = 0;
      while (n < chain.size() && findings.eventMillis(chain.get(n)) <= limitMillis) {
        int r = chain.get(n);
        prunedArmedFrom =
            Math.max(prunedArmedFrom, armedAfter.applyAsLong(findings.eventMillis(r)));
        findings.dropContributors(r);
        findings.release(r);
        n++;
      }
      chain.subList(0, n).clear();
    }
  }

  private void compact() {
    int n = end - head;
    System.arraycopy(entries, head, entries, 0, n);
    if (values != null) {
      System.arraycopy(values, head, values, 0, n);
    }
    System.arraycopy(times, head, times, 0, n);
    end = n;
    head = 0;
  }

  /** Index of the first entry with time > fromMillis. */
  int firstAfter(long fromMillis) {
    return firstAfter(fromMillis, head, end);
  }

  /** Index of the first entry in [lo, hi) with time > fromMillis, or hi. */
  int firstAfter(long fromMillis, int lo, int hi) {
    // On a time-ordered stream most searches end at the newest entries: the one just appended
    // (from its own time) or none (from the end of an armed window). Two reads answer those
    // without a bisection, whose ~17 steps over a window of days mispredict half their branches.
    if (lo < hi && times[hi - 1] <= fromMillis) {
      return hi;
    }
    if (lo < hi - 1 && times[hi - 2] <= fromMillis) {
      return hi - 1;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] > fromMillis) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Index after the last entry with time <= toMillis. */
  int endThrough(long toMillis) {
    return firstAfter(toMillis);
  }

  int[] slice(int from, int to) {
    return Arrays.copyOfRange(entries, from, to);
  }

  /** Index of the first aggregate of the chain whose window ends at or after {@code millis}. */
  int chainFrom(long millis) {
    int lo = 0;
    int hi = chain.size();
    // on a time-ordered stream every window of the chain ends before the newest finding
    if (hi == 0 || findings.eventMillis(chain.get(hi - 1)) < millis) {
      return hi;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (findings.eventMillis(chain.get(mid)) >= millis) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
