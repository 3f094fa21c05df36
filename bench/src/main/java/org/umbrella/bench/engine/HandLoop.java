package org.umbrella.bench.engine;

import java.util.ArrayDeque;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.ReviewStatus;

/**
 * The 20-point example's finding definitions written by hand as one plain Java loop: the practical
 * limit for the same checks. Same geometry (JTS indexed point-in-area on the agreement's own places),
 * same window rules (72h half-open, at least 5 by RU on 3 UTC days, re-arming), same decide-within
 * alerts, but no generality, no causes, no output records: it only counts.
 */
final class HandLoop {
  private static final long WINDOW = 72 * 3_600_000L;
  private static final long DECIDE = 48 * 3_600_000L;

  private final Area front;
  private final Area moscow;
  private final Area petersburg;
  private final Area russia;
  private final Coordinate probe = new Coordinate();
  private final ArrayDeque<long[]> window = new ArrayDeque<>();
  private final ArrayDeque<Long> deadlines = new ArrayDeque<>();
  private long armedFrom = Long.MIN_VALUE;
  /** With {@code bookkeeping}: the revision index rule 2 needs, and one small record per finding. */
  private final boolean bookkeeping;
  private final java.util.LinkedHashMap<String, long[]> revisions = new java.util.LinkedHashMap<>();
  private final java.util.function.Consumer<Object> sink;

  /** One output per finding, as a replay must write something per finding. */
  record Found(String definition, String incident, String actor, long time) {}
  long violations;
  long attacks;
  long capitalStrikes;
  long attacksOnRussia;
  long overdue;

  private record Area(Envelope env, IndexedPointInAreaLocator locator) {
    static Area of(Geometry g) {
      IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(g);
      locator.locate(new Coordinate(0, 0)); // builds its lazy index now, not in the measured loop
      return new Area(g.getEnvelopeInternal(), locator);
    }

    boolean covers(Coordinate c) {
      return env.covers(c.x, c.y) && locator.locate(c) != Location.EXTERIOR;
    }
  }

  HandLoop(Agreement a) {
    this(a, false, o -> { });
  }

  HandLoop(Agreement a, boolean bookkeeping, java.util.function.Consumer<Object> sink) {
    this.bookkeeping = bookkeeping;
    this.sink = sink;
    front = Area.of(a.places().get("front-zone").geometry());
    moscow = Area.of(a.places().get("moscow").geometry());
    petersburg = Area.of(a.places().get("st-petersburg").geometry());
    // the attack-on-Russia definition is in later drafts of the example only
    russia = a.findings().containsKey("unprovoked-attack-on-russia") ? Area.of(a.places().get("russia-west").geometry()) : null;
  }

  void process(Incident i) {
    long t = i.time().toEpochMilli();
    if (bookkeeping) {
      revisions.get(i.id());
      var first = revisions.firstEntry();
      while (first != null && first.getValue()[0] < t - 30L * 86_400_000L) {
        revisions.pollFirstEntry();
        first = revisions.firstEntry();
      }
    }
    while (!deadlines.isEmpty() && deadlines.peekFirst() <= t) {
      deadlines.pollFirst();
      overdue++;
    }
    if (!i.status().satisfies(ReviewStatus.VERIFIED)) {
      return;
    }
    Kind k = i.kind();
    boolean fire = k == Kind.SHELLING || k == Kind.MISSILE_STRIKE || k == Kind.AIR_STRIKE || k == Kind.DRONE_STRIKE
        || k == Kind.ARMED_CLASH || k == Kind.GROUND_ASSAULT;
    if (!fire) {
      return;
    }
    probe.x = i.place().lon();
    probe.y = i.place().lat();
    String party = i.actor().party();
    if (i.independentSources() >= 1 && front.covers(probe)) {
      violations++;
      if (bookkeeping) {
        revisions.put(i.id(), new long[] {t});
        sink.accept(new Found("ceasefire-violation", i.id(), party, t));
      }
      if (party.equals("RU")) {
        ruViolation(t);
      }
    }
    if (party.equals("UA")) {
      if ((k == Kind.MISSILE_STRIKE || k == Kind.DRONE_STRIKE || k == Kind.AIR_STRIKE) && (moscow.covers(probe) || petersburg.covers(probe))) {
        capitalStrikes++;
        deadlines.addLast(t + DECIDE);
      }
      if (russia != null && russia.covers(probe)) {
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
