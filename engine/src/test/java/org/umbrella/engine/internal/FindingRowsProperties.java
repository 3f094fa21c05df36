package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.umbrella.engine.internal.FindingRows.CONFIRMED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * The rows of {@link FindingRows}: an aggregate's evidence is the same list of incident ids before
 * and after it lets go of its contributors (any ids: empty, long beyond one char's worth of length,
 * outside Latin-1, repeated), and a row is reused only once nothing holds it, and only for a
 * finding of the lane it was freed from (or any, for a row never used), with its status kept apart
 * from the lane.
 */
class FindingRowsProperties {
  @Property(tries = 300)
  void evidence_survivesDroppingTheContributors(
      @ForAll @Size(max = 40) List<@StringLength(max = 70_000) String> ids) {
    FindingRows table = new FindingRows(new String[] {"d", "a"});
    int[] contributors = new int[ids.size()];
    for (int i = 0; i < contributors.length; i++) {
      contributors[i] = match(table, 0, 1, "RU", ids.get(i), 0, FindingRows.CONFIRMED);
    }
    int aggregate =
        table.aggregate("a/1", 1, "RU", table.copyIds(contributors), 0, 1, FindingRows.CANDIDATE);
    table.acquire(aggregate);
    List<String> expected = List.copyOf(new LinkedHashSet<>(ids));

    assertThat(table.incidentIds(aggregate)).isEqualTo(expected);
    table.reclaim(); // the contributors are held by the aggregate alone
    assertThat(table.live()).isEqualTo(ids.size() + 1);
    table.dropContributors(aggregate);
    table.reclaim();

    assertThat(table.contributors(aggregate)).isEmpty();
    assertThat(table.live()).isEqualTo(1);
    assertThat(table.incidentIds(aggregate)).isEqualTo(expected);
    assertThat(table.id(aggregate)).isEqualTo("a/1");
  }

  @Property(tries = 200)
  void rows_areReusedOnlyWhenNothingHoldsThem(@ForAll @Size(min = 1, max = 60) List<Boolean> held) {
    FindingRows table = new FindingRows(new String[] {"d"});
    int[] rows = new int[held.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = match(table, 0, 1, "UA", "i" + i, i, FindingRows.CONFIRMED);
      if (held.get(i)) {
        table.acquire(rows[i]);
      }
    }
    table.reclaim();
    long kept = held.stream().filter(h -> h).count();
    assertThat(table.live()).isEqualTo(kept);
    // new rows take the freed ones, never a held one
    for (int i = 0; i < rows.length; i++) {
      int f = match(table, 0, 2, "RU", "j" + i, i, FindingRows.CONFIRMED);
      for (int j = 0; j < rows.length; j++) {
        if (held.get(j)) {
          assertThat(f).isNotEqualTo(rows[j]);
        }
      }
    }
    for (int j = 0; j < rows.length; j++) {
      if (held.get(j)) {
        assertThat(table.id(rows[j])).isEqualTo("d/i" + j);
      }
    }
  }

  @Property(tries = 200)
  void rows_areReusedWithinTheirLane_andTheLaneNeverShowsInTheStatus(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Random random = new Random(seed);
    FindingRows table = new FindingRows(new String[] {"d"});
    byte[] statuses = {
      FindingRows.CANDIDATE, FindingRows.CONFIRMED, FindingRows.REJECTED, FindingRows.WITHDRAWN
    };
    Map<Integer, Integer> laneOf = new HashMap<>(); // rows in use, and their lanes
    Map<Integer, Byte> statusOf = new HashMap<>();
    Map<Integer, Integer> freedFrom = new HashMap<>(); // rows freed, and the lane they left
    Set<Integer> everUsed = new HashSet<>();
    for (int step = 0; step < 400; step++) {
      if (!laneOf.isEmpty() && random.nextInt(3) == 0) {
        List<Integer> inUse = new ArrayList<>(laneOf.keySet());
        int f = inUse.get(random.nextInt(inUse.size()));
        table.release(f);
        table.reclaim();
        freedFrom.put(f, laneOf.remove(f));
        statusOf.remove(f);
        continue;
      }
      int lane = random.nextInt(3);
      byte status = statuses[random.nextInt(statuses.length)];
      // an id that does not pack marks the row as holding references (a bit beside the lane's)
      String id =
          random.nextBoolean() ? "i" + step : "a long incident id that does not pack " + step;
      int f =
          table.match(
              0, 1, "RU", id, PackedIds.low(id), PackedIds.high(id), null, step, status, lane);
      if (everUsed.contains(f)) {
        assertThat(freedFrom).containsEntry(f, lane);
      }
      everUsed.add(f);
      freedFrom.remove(f);
      table.acquire(f);
      table.reclaim();
      laneOf.put(f, lane);
      if (random.nextBoolean()) {
        status = statuses[random.nextInt(statuses.length)];
        table.status(f, status);
      }
      statusOf.put(f, status);
      for (Map.Entry<Integer, Byte> e : statusOf.entrySet()) {
        assertThat(table.status(e.getKey())).isEqualTo(e.getValue());
      }
      assertThat(table.live()).isEqualTo(laneOf.size());
      assertThat(table.id(f)).isEqualTo("d/" + id);
    }
  }

  @Property(tries = 50)
  void aLaneLooksAsFarAsItMust_onceMoreThanAnEighthOfAllRowsIsFree(
      @ForAll @IntRange(min = 0, max = 2048) int freedInAnotherLane) {
    // 2048 rows of one lane, then 64 of another, all held; one row of the second lane freed, far
    // past its cursor's look-ahead (it never took a row, so its cursor is at row 0)
    FindingRows table = new FindingRows(new String[] {"d"});
    int[] rows = new int[2112];
    for (int i = 0; i < rows.length; i++) {
      int lane = i < 2048 ? FindingRows.LANE_HORIZON : FindingRows.LANE_KEPT;
      String id = "i" + i;
      rows[i] =
          table.match(
              0, 1, "RU", id, PackedIds.low(id), PackedIds.high(id), null, i, CONFIRMED, lane);
      table.acquire(rows[i]);
    }
    table.reclaim();
    for (int i = 0; i < freedInAnotherLane; i++) {
      table.release(rows[i]);
    }
    table.release(rows[2111]);
    table.reclaim();
    boolean thin = (long) (freedInAnotherLane + 1) * 8 > rows.length;

    String id = "new";
    int f =
        table.match(
            0,
            1,
            "RU",
            id,
            PackedIds.low(id),
            PackedIds.high(id),
            null,
            0,
            CONFIRMED,
            FindingRows.LANE_KEPT);

    assertThat(f).isEqualTo(thin ? rows[2111] : rows.length);
  }

  /** A match finding with no incident kept, its id packed as the engine packs it. */
  private static int match(
      FindingRows table, int def, int version, String actor, String id, long time, byte status) {
    return table.match(
        def,
        version,
        actor,
        id,
        PackedIds.low(id),
        PackedIds.high(id),
        null,
        time,
        status,
        FindingRows.LANE_HORIZON);
  }
}
