package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The table of rows by finding id against a {@code HashMap} of the same ids: random interleavings
 * of keeping, looking up and forgetting, over ids that share hash codes ("Aa" and "BB" hash alike,
 * and so does any string made of them) and ids that differ only in their last characters, so that
 * runs of the probe sequence grow long, wrap around the table and are cut by deletions.
 */
class RowsByIdProperties {
  @Property(tries = 300)
  void answers_asAMapOfTheSameIds(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 400) int distinctIds,
      @ForAll @IntRange(min = 0, max = 60) int removePercent) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>(); // a row's id is its index here
    RowsById table = new RowsById(ids::get);
    Map<String, Integer> model = new HashMap<>();
    for (int step = 0; step < 4000; step++) {
      String id = id(random, distinctIds);
      int op = random.nextInt(100);
      if (op < removePercent) {
        assertThat(table.remove(id)).isEqualTo(model.remove(id) != null);
      } else if (op < removePercent + (100 - removePercent) / 2) {
        int row = ids.size();
        ids.add(id);
        boolean added = table.putIfAbsent(id, row);
        assertThat(added).isEqualTo(!model.containsKey(id));
        model.putIfAbsent(id, row);
      } else {
        assertThat(table.get(id)).isEqualTo(model.getOrDefault(id, -1));
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (Map.Entry<String, Integer> e : model.entrySet()) {
      assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
    }
  }

  /**
   * One of {@code n} ids: half of them built from "Aa"/"BB" (equal hash codes for equal lengths).
   */
  private static String id(Random random, int n) {
    int k = random.nextInt(n);
    if (k % 2 == 0) {
      return "f/" + k;
    }
    StringBuilder b = new StringBuilder("c/");
    for (int bits = k, i = 0; i < 9; i++, bits >>= 1) {
      b.append((bits & 1) == 0 ? "Aa" : "BB");
    }
    return b.toString();
  }
}
