package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.umbrella.engine.internal.Evaluator.TimerKind;
import org.umbrella.engine.internal.Timers.Timer;

/**
 * The evaluator's deadlines against a model written from their contract: one binary heap of every
 * timer, ordered by time and then by the order set. Random interleavings of adding and taking, with
 * lanes whose deadlines are mostly set in the order they fall due (a decide-within span after a
 * clock that never goes back) and sometimes not (a span whose length depends on the date), and
 * timers outside any lane. Every take, and every peek between, must answer what the model does.
 */
class TimersProperties {
  @Property(tries = 300)
  void hand_deadlinesOutInTheOrderTheyFallDue_whateverTheLane(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 40) int outOfOrderPercent,
      @ForAll @IntRange(min = 1, max = 5) int laneCount,
      @ForAll @IntRange(min = 10, max = 60) int takePercent) {
    Random random = new Random(seed);
    Timers timers = new Timers();
    PriorityQueue<Timer> model = new PriorityQueue<>();
    long clock = 0;
    long seq = 0;
    List<Timer> taken = new ArrayList<>();
    List<Timer> expected = new ArrayList<>();
    for (int step = 0; step < 3000; step++) {
      assertThat(timers.peek()).isSameAs(model.peek());
      if (!model.isEmpty() && random.nextInt(100) < takePercent) {
        Timer next = model.poll();
        expected.add(next);
        taken.add(timers.poll());
        clock = Math.max(clock, next.at());
        continue;
      }
      clock += random.nextInt(3); // ties in time are common: then the order set decides
      int lane = random.nextInt(laneCount + 1) - 1; // -1: no lane
      long at =
          random.nextInt(100) < outOfOrderPercent
              ? clock + random.nextInt(50)
              : clock + 20 + 5L * Math.max(lane, 0); // a fixed span a lane
      Timer timer = new Timer(at, seq++, TimerKind.DECIDE_DUE, "t" + seq, -1);
      model.add(timer);
      if (lane < 0) {
        timers.add(timer);
      } else {
        timers.add(lane, timer);
      }
    }
    while (!model.isEmpty()) {
      expected.add(model.poll());
      taken.add(timers.poll());
    }
    assertThat(timers.peek()).isNull();
    assertThat(taken).containsExactlyElementsOf(expected);
  }
}
