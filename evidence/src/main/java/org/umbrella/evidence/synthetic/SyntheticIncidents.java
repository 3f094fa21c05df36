package org.umbrella.evidence.synthetic;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;

/**
 * A reproducible stream of synthetic incidents in time order: 80% scattered around a line (a random
 * vertex segment of it, with a normal offset of {@code spreadKm}), 20% anywhere in a box around it
 * (most of them far from the line), plus a few near two fixed points (to exercise capital-strike
 * definitions). Kinds, actors (RU 60%, UA 30%, unattributed 10%), review status, 1-3 sources in 1-3
 * independence groups and fatalities are drawn from fixed distributions. Mean spacing {@code
 * meanGapMillis} of event time.
 *
 * <p>Lazy: one incident at a time, so any length runs in constant memory. Not thread-safe.
 */
public final class SyntheticIncidents implements Iterator<Incident> {
  private static final Kind[] KINDS = {
    Kind.SHELLING,
    Kind.SHELLING,
    Kind.SHELLING,
    Kind.DRONE_STRIKE,
    Kind.DRONE_STRIKE,
    Kind.ARMED_CLASH,
    Kind.ARMED_CLASH,
    Kind.GROUND_ASSAULT,
    Kind.MISSILE_STRIKE,
    Kind.AIR_STRIKE,
    Kind.SMALL_ARMS,
    Kind.OTHER
  };
  private static final Actor RU = new Actor("RU", 0.9);
  private static final Actor UA = new Actor("UA", 0.8);
  private static final List<List<IncidentSource>> SOURCES =
      List.of(
          List.of(new IncidentSource("syn-src-a", "synthetic", "a")),
          List.of(
              new IncidentSource("syn-src-a", "synthetic", "a"),
              new IncidentSource("syn-src-b", "synthetic", "b")),
          List.of(
              new IncidentSource("syn-src-a", "synthetic", "a"),
              new IncidentSource("syn-src-a2", "synthetic", "a")),
          List.of(
              new IncidentSource("syn-src-a", "synthetic", "a"),
              new IncidentSource("syn-src-b", "synthetic", "b"),
              new IncidentSource("syn-src-c", "synthetic", "c")));
  private static final Fatalities[] FATALITIES = new Fatalities[8];

  static {
    for (int i = 0; i < FATALITIES.length; i++) {
      FATALITIES[i] = new Fatalities(Math.max(0, i - 1), i, i + 2);
    }
  }

  private final Coordinate[] line;
  private final double minLon;
  private final double maxLon;
  private final double minLat;
  private final double maxLat;
  private final double[][] hotspots;
  private final SplittableRandom random;
  private final long count;
  private final long meanGapMillis;
  private final double spreadDegrees;
  private long produced;
  private long time;

  /**
   * @param line the geometry to scatter around (its vertices are used)
   * @param hotspots a few [lon, lat] points that get 0.1% of the incidents each (e.g. capitals)
   * @param count how many incidents
   * @param start event time of the first
   * @param meanGapMillis mean spacing of event times
   * @param spreadKm standard deviation of the distance from the line
   * @param seed the random seed
   */
  public SyntheticIncidents(
      Geometry line,
      List<double[]> hotspots,
      long count,
      Instant start,
      long meanGapMillis,
      double spreadKm,
      long seed) {
    this.line = line.getCoordinates();
    if (this.line.length < 2) {
      throw new IllegalArgumentException(
          "the line needs at least two vertices, has " + this.line.length);
    }
    var env = line.getEnvelopeInternal();
    this.minLon = env.getMinX() - 3;
    this.maxLon = env.getMaxX() + 3;
    this.minLat = env.getMinY() - 2;
    this.maxLat = env.getMaxY() + 2;
    this.hotspots = hotspots.toArray(new double[0][]);
    this.random = new SplittableRandom(seed);
    this.count = count;
    this.meanGapMillis = meanGapMillis;
    this.spreadDegrees = spreadKm / 111.0;
    this.time = start.toEpochMilli();
  }

  @Override
  public boolean hasNext() {
    return produced < count;
  }

  @Override
  public Incident next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long n = produced++;
    time += (long) (-Math.log(1 - random.nextDouble()) * meanGapMillis);
    double lon;
    double lat;
    int where = random.nextInt(1000);
    if (where < hotspots.length) {
      double[] h = hotspots[where];
      lon = h[0] + random.nextDouble(-0.1, 0.1);
      lat = h[1] + random.nextDouble(-0.1, 0.1);
    } else if (where < 800) {
      int seg = random.nextInt(line.length - 1);
      double f = random.nextDouble();
      Coordinate a = line[seg];
      Coordinate b = line[seg + 1];
      double off = gaussian() * spreadDegrees;
      double dx = b.x - a.x;
      double dy = b.y - a.y;
      double len = Math.max(1e-9, Math.hypot(dx, dy));
      lon = a.x + f * dx - dy / len * off * 1.5;
      lat = a.y + f * dy + dx / len * off;
    } else {
      lon = random.nextDouble(minLon, maxLon);
      lat = random.nextDouble(minLat, maxLat);
    }
    lat = Math.max(-90, Math.min(90, lat));
    lon = Math.max(-180, Math.min(180, lon));
    int a = random.nextInt(10);
    Actor actor = a < 6 ? RU : a < 9 ? UA : Actor.UNATTRIBUTED;
    int s = random.nextInt(10);
    ReviewStatus status =
        s < 2
            ? ReviewStatus.REPORTED
            : s < 5
                ? ReviewStatus.CORROBORATED
                : s < 9 ? ReviewStatus.VERIFIED : ReviewStatus.REJECTED;
    return new Incident(
        "syn-" + n,
        Instant.ofEpochMilli(time),
        TimePrecision.EXACT,
        new IncidentPlace(lat, lon, PlacePrecision.NEAR),
        KINDS[random.nextInt(KINDS.length)],
        actor,
        "",
        FATALITIES[random.nextInt(FATALITIES.length)],
        SOURCES.get(random.nextInt(SOURCES.size())),
        status,
        List.of());
  }

  private double gaussian() {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
