package org.umbrella.bench.engine;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.internal.PlaceIndex;
import org.umbrella.engine.internal.RevisionIndex;

/**
 * The 20-point example's finding definitions written by hand as one plain Java loop: the practical
 * limit for the same checks. Same geometry as the engine (its {@link PlaceIndex}: the places'
 * rasters in front of JTS's indexed point-in-area), same window rules (72h half-open, at least 5 by
 * RU on 3 UTC days, re-arming), same decide-within alerts, but no generality, no causes, no output
 * records: it only counts. With bookkeeping it also keeps the engine's own revision index ({@link
 * RevisionIndex}, 30 days) and makes one small record per finding.
 */
final class HandLoop {
  private static final long WINDOW = 72 * 3_600_000L;
  private static final long DECIDE = 48 * 3_600_000L;

  private final PlaceIndex places;
  private final int front;
  private final int moscow;
  private final int petersburg;
  private final int russia;
  private final ArrayDeque<long[]> window = new ArrayDeque<>();
  private final ArrayDeque<Long> deadlines = new ArrayDeque<>();
  private long armedFrom = Long.MIN_VALUE;

  /**
   * With {@code bookkeeping}: the revision index rule 2 needs, and one small record per finding.
   */
  private final boolean bookkeeping;

  private final RevisionIndex revisions = new RevisionIndex();
  private final Consumer<Object> sink;

  /** One output per finding, as a replay must write something per finding. */
  record Found(String definition, String incident, String actor, long time) {}

  long violations;
  long attacks;
  long capitalStrikes;
  long attacksOnRussia;
  long overdue;

  HandLoop(Agreement a) {
    this(a, false, o -> {});
  }

  HandLoop(Agreement a, boolean bookkeeping, Consumer<Object> sink) {
    this.bookkeeping = bookkeeping;
    this.sink = sink;
    Map<String, Geometry> geometries = new LinkedHashMap<>();
    for (String id : List.of("front-zone", "moscow", "st-petersburg", "russia-west")) {
      // the attack-on-Russia definition (and its place) is in later drafts of the example only
      if (a.places().containsKey(id)
          && (!id.equals("russia-west")
              || a.findings().containsKey("unprovoked-attack-on-russia"))) {
        geometries.put(id, a.places().get(id).geometry());
      }
    }
    places = new PlaceIndex(geometries);
    front = places.indexOf("front-zone");
    moscow = places.indexOf("moscow");
    petersburg = places.indexOf("st-petersburg");
    russia = places.indexOf("russia-west");
  }

  void process(Incident i) {
    long t = i.time().toEpochMilli();
    byte homeTag = 0;
    if (bookkeeping) {
      // as the engine: forget what is past the horizon, start the lookup early, finish it later
      revisions.evictBefore(t - 30L * 86_400_000L);
      homeTag = revisions.homeTag(i.id());
    }
    while (!deadlines.isEmpty() && deadlines.peekFirst() <= t) {
      deadlines.pollFirst();
      overdue++;
    }
    // the engine looks every incident up (rule 2: any record may revise an earlier one)
    int previous = bookkeeping ? revisions.get(i.id(), homeTag) : RevisionIndex.ABSENT;
    if (!i.status().satisfies(ReviewStatus.VERIFIED)) {
      return;
    }
    Kind k = i.kind();
    boolean fire =
        k == Kind.SHELLING
            || k == Kind.MISSILE_STRIKE
            || k == Kind.AIR_STRIKE
            || k == Kind.DRONE_STRIKE
            || k == Kind.ARMED_CLASH
            || k == Kind.GROUND_ASSAULT;
    if (!fire) {
      return;
    }
    places.at(i.place().lon(), i.place().lat());
    String party = i.actor().party();
    if (i.independentSources() >= 1 && places.covers(front)) {
      violations++;
      if (bookkeeping) {
        Found found = new Found("ceasefire-violation", i.id(), party, t);
        if (previous == RevisionIndex.ABSENT) {
          revisions.put(
              i.id(), (int) violations, t); // as the engine: an int (its row) per incident
        }
        sink.accept(found);
      }
      if (party.equals("RU")) {
        ruViolation(t);
      }
    }
    if (party.equals("UA")) {
      if ((k == Kind.MISSILE_STRIKE || k == Kind.DRONE_STRIKE || k == Kind.AIR_STRIKE)
          && (places.covers(moscow) || places.covers(petersburg))) {
        capitalStrikes++;
        deadlines.addLast(t + DECIDE);
      }
      if (russia >= 0 && places.covers(russia)) {
        attacksOnRussia++;
        deadlines.addLast(t + DECIDE);
      }
    }
  }

  private void ruViolation(long t) {
    window.addLast(new long[] {t, Math.floorDiv(t, 86_400_000L)});
    while (window.peekFirst()[0] <= t - WINDOW) {
      window.pollFirst();
    }
    if (t < armedFrom || window.size() < 5) {
      return;
    }
    // newest first, stopping at the third day: a plain loop need not scan the whole window (a
    // fresh stream stays armed for days, and a full scan per violation is quadratic there)
    int days = 0;
    long last = Long.MIN_VALUE;
    for (var it = window.descendingIterator(); it.hasNext() && days < 3; ) {
      long day = it.next()[1];
      if (day != last) {
        days++;
        last = day;
      }
    }
    if (days >= 3) {
      attacks++;
      armedFrom = t + WINDOW;
      deadlines.addLast(t + DECIDE);
    }
  }

  long outputs() {
    return violations + attacks + capitalStrikes + attacksOnRussia + overdue;
  }
}
