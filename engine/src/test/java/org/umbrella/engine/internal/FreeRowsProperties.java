package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The next-fit allocator of free rows against a model written from its contract: the set of free
 * rows and a cursor. A take answers the first free row at or after the cursor, wrapping, and moves
 * the cursor past it; it gives up (the table then makes a new row) only when that row is more than
 * its look-ahead of eight words (64 rows each) away and at most an eighth of the rows are free (or
 * its caller says it need not look farther), so that free rows are never left unused while the
 * table grows without bound. Random interleavings of making, freeing and taking rows, the frees
 * partly in age order (as the horizon frees them) and partly at random (as decisions do).
 */
class FreeRowsProperties {
  @Property(tries = 300)
  void takes_theNextFreeRowFromTheCursor_andGivesUpOnlyWhenTight(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 100) int freedInAgeOrderPercent,
      @ForAll @IntRange(min = 20, max = 70) int freePercent) {
    Random random = new Random(seed);
    FreeRows free = new FreeRows();
    TreeSet<Integer> model = new TreeSet<>();
    List<Integer> held = new ArrayList<>(); // rows in use, eldest first
    int limit = 0;
    int cursor = 0;
    for (int step = 0; step < 5000; step++) {
      if (!held.isEmpty() && random.nextInt(100) < freePercent) {
        boolean eldest = random.nextInt(100) < freedInAgeOrderPercent;
        int f = held.remove(eldest ? 0 : random.nextInt(held.size()));
        free.free(f);
        model.add(f);
      } else {
        // take(), which looks as far as it must once an eighth of its rows are free, or now and
        // then take(far) with the caller saying so
        boolean callerSays = random.nextInt(4) == 0;
        boolean far = callerSays ? random.nextBoolean() : (long) model.size() * 8 > limit;
        int expected = -1;
        if (!model.isEmpty()) {
          int words = (limit + 63) >>> 6;
          int from = (cursor >>> 6) < words ? cursor : 0;
          int startWord = from >>> 6;
          Integer next = model.ceiling(from);
          int distance; // in words, from the cursor's word
          if (next != null) {
            distance = (next >>> 6) - startWord;
          } else {
            next = model.first();
            distance = (next >>> 6) + words - startWord;
          }
          if (distance <= 8 || far) {
            expected = next;
            cursor = next + 1;
          } else {
            cursor = ((startWord + 8) % words) << 6;
          }
        }
        int f = callerSays ? free.take(far) : free.take();
        assertThat(f).isEqualTo(expected);
        if (f < 0) {
          assertThat(model.isEmpty() || !far).isTrue();
          f = limit++;
          free.coverUpTo(limit);
        } else {
          model.remove(f);
        }
        held.add(f);
      }
      assertThat(free.count()).isEqualTo(model.size());
    }
  }

  @Property(tries = 50)
  void looksAsFarAsItMust_onceMoreThanAnEighthIsFree(
      @ForAll @IntRange(min = 0, max = 1000) int farFree) {
    // 4096 rows made and all held, the cursor at row 0; then rows from 2048 on freed: 2048 rows,
    // 32 words, past the look-ahead of the cursor's word and the eight after it
    FreeRows free = new FreeRows();
    free.coverUpTo(4096);
    for (int f = 2048; f < 2048 + farFree; f++) {
      free.free(f);
    }
    boolean thin = farFree * 8 > 4096;

    int taken = free.take();

    assertThat(taken).isEqualTo(farFree == 0 || !thin ? -1 : 2048);
  }
}
