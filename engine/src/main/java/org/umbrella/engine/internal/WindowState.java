package org.umbrella.engine.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The confirmed findings one aggregate definition counts for one actor, sorted by event time (ties
 * in arrival order), and the aggregate findings it raised. Entries at or before the start of the
 * window ending at the latest entry are dropped: no window that can still be raised contains them.
 * Eviction advances a head index and compacts now and then, so that appending and evicting are
 * amortised O(1) on a time-ordered stream.
 */
final class WindowState {
  private final List<FindingState> entries = new ArrayList<>();
  private double[] values = new double[16];
  /** Event times of the entries, parallel to {@code entries}: scanned without touching the findings. */
  private long[] times = new long[16];
  private int head;
  final List<FindingState> raised = new ArrayList<>();
  long armedFrom = Long.MIN_VALUE;
  private int pruneAt = 16;

  int start() {
    return head;
  }

  int end() {
    return entries.size();
  }

  FindingState at(int i) {
    return entries.get(i);
  }

  double value(int i) {
    return values[i];
  }

  long latest() {
    return times[entries.size() - 1];
  }

  long time(int i) {
    return times[i];
  }

  /** Inserts keeping time order (ties: arrival order). */
  void insert(FindingState f, double value) {
    int i = entries.size();
    while (i > head && times[i - 1] > f.eventMillis) {
      i--;
    }
    entries.add(i, f);
    if (values.length < entries.size()) {
      values = java.util.Arrays.copyOf(values, Math.max(16, values.length * 2));
      times = java.util.Arrays.copyOf(times, values.length);
    }
    System.arraycopy(values, i, values, i + 1, entries.size() - 1 - i);
    System.arraycopy(times, i, times, i + 1, entries.size() - 1 - i);
    values[i] = value;
    times[i] = f.eventMillis;
  }

  boolean remove(FindingState f) {
    for (int i = head; i < entries.size(); i++) {
      if (entries.get(i) == f) {
        entries.remove(i);
        System.arraycopy(values, i + 1, values, i, entries.size() - i);
        System.arraycopy(times, i + 1, times, i, entries.size() - i);
        return true;
      }
    }
    return false;
  }

  /** Drops entries at or before {@code horizonMillis}. */
  void evictThrough(long horizonMillis) {
    while (head < entries.size() && times[head] <= horizonMillis) {
      entries.set(head, null);
      head++;
    }
    if (head > 64 && head > entries.size() / 2) {
      int n = entries.size() - head;
      entries.subList(0, head).clear();
      System.arraycopy(values, head, values, 0, n);
      System.arraycopy(times, head, times, 0, n);
      head = 0;
    }
    // Pruning is memory hygiene only: a raised finding before the horizon can no longer share an
    // entry with the window, so it is never affected by a withdrawal. Prune when the list has doubled
    // since the last time, so that undecided candidates (kept) do not make every call scan them.
    if (raised.size() >= pruneAt) {
      raised.removeIf(r -> r.eventMillis <= horizonMillis && !"candidate".equals(r.status));
      pruneAt = Math.max(16, 2 * raised.size());
    }
  }

  /** Index of the first entry with time > fromMillis. */
  int firstAfter(long fromMillis) {
    return firstAfter(fromMillis, head, entries.size());
  }

  /** Index of the first entry in [lo, hi) with time > fromMillis, or hi. */
  int firstAfter(long fromMillis, int lo, int hi) {
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
    int lo = head;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= toMillis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  List<FindingState> slice(int from, int to) {
    return new ArrayList<>(entries.subList(from, to));
  }
}
