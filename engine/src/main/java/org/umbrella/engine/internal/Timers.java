package org.umbrella.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.internal.Evaluator.TimerKind;

/**
 * The evaluator's deadlines, handed out in the order they fall due (ties: the order they were set).
 *
 * <p>At sensor rates most deadlines are decide-within deadlines, one per candidate finding, each a
 * fixed span after the engine clock, which never goes back: one definition's deadlines are set in
 * the order they fall due. They go into a first-in first-out lane of their own, taken from without
 * the binary heap's sift through timers set days apart (docs/benchmarks.md, "An eleventh look").
 * Any other deadline, and one that would fall due before the last in its lane (a span whose length
 * depends on the date, such as a month), goes into the heap. Not thread-safe.
 */
final class Timers {
  /**
   * A deadline; {@code row} is the finding a {@code DECIDE_DUE} watches (holding a reference to it
   * until it fires, so that it needs no lookup by id then), else -1.
   */
  record Timer(long at, long seq, TimerKind kind, String ref, int row)
      implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Timer> heap = new PriorityQueue<>();

  /** By lane number; null for a lane never used. */
  private final List<@Nullable ArrayDeque<Timer>> lanes = new ArrayList<>();

  /** The earliest timer of all (the heap's head or a lane's), or null when there is none. */
  private @Nullable Timer next;

  /** Adds a deadline in no particular order. */
  void add(Timer timer) {
    heap.add(timer);
    offer(timer);
  }

  /**
   * Adds a deadline to {@code lane} (a small number, such as a definition's index), whose deadlines
   * are mostly set in the order they fall due; one that is not goes into the heap.
   */
  void add(int lane, Timer timer) {
    while (lanes.size() <= lane) {
      lanes.add(null);
    }
    ArrayDeque<Timer> q = lanes.get(lane);
    if (q == null) {
      q = new ArrayDeque<>();
      lanes.set(lane, q);
    }
    Timer last = q.peekLast();
    if (last != null && last.compareTo(timer) > 0) {
      heap.add(timer);
    } else {
      q.addLast(timer);
    }
    offer(timer);
  }

  private void offer(Timer timer) {
    if (next == null || timer.compareTo(next) < 0) {
      next = timer;
    }
  }

  /** The earliest deadline, or null when there is none. */
  @Nullable Timer peek() {
    return next;
  }

  /** Removes and returns the earliest deadline, which must exist. */
  // the very timer found earliest is removed from where it is: by identity (seq makes each unique)
  @SuppressWarnings("ReferenceEquality")
  Timer poll() {
    Timer first = Objects.requireNonNull(next, "no deadline");
    if (heap.peek() == first) {
      heap.poll();
    } else {
      for (ArrayDeque<Timer> q : lanes) {
        if (q != null && q.peekFirst() == first) {
          q.pollFirst();
          break;
        }
      }
    }
    Timer earliest = heap.peek();
    for (ArrayDeque<Timer> q : lanes) {
      Timer head = q == null ? null : q.peekFirst();
      if (head != null && (earliest == null || head.compareTo(earliest) < 0)) {
        earliest = head;
      }
    }
    next = earliest;
    return first;
  }
}
