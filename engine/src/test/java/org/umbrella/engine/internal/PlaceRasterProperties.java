package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;

/**
 * The raster in front of the point-in-area test changes no answer: for buffered random lines (the
 * shape of a zone along a front), random self-intersecting rings (invalid geometries, which the
 * locator answers by ray crossing) and the 20-point example's own places, {@link PlaceIndex#covers}
 * agrees with JTS's locator alone on random points in and around the envelope, on the geometry's
 * vertices (boundary points) and on the raster's grid lines.
 */
class PlaceRasterProperties {
  private static final GeometryFactory GF = new GeometryFactory();

  @Property(tries = 60)
  void covers_agreesWithTheLocator_onBufferedRandomLines(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 40) int vertices) {
    Random random = new Random(seed);
    Coordinate[] line = new Coordinate[vertices];
    double x = 30 + random.nextDouble() * 10;
    double y = 45 + random.nextDouble() * 5;
    for (int k = 0; k < vertices; k++) {
      line[k] = new Coordinate(x, y);
      x += random.nextGaussian() * 0.5;
      y += random.nextGaussian() * 0.5;
    }
    Geometry zone = GF.createLineString(line).buffer(0.02 + random.nextDouble() * 0.3);
    assertAgrees(zone, random);
  }

  @Property(tries = 30)
  void covers_agreesWithTheLocator_onSelfIntersectingRings(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Random random = new Random(seed);
    Coordinate[] ring = new Coordinate[9];
    for (int k = 0; k < 8; k++) {
      ring[k] = new Coordinate(20 + random.nextDouble() * 3, 50 + random.nextDouble() * 2);
    }
    ring[8] = ring[0];
    Geometry invalid = GF.createPolygon(ring);
    assertAgrees(invalid, random);
  }

  @Example
  void covers_agreesWithTheLocator_onTheTwentyPointExamplesPlaces() {
    Path example = Path.of("../examples/ukraine/framework-20pt.agreement.yaml");
    if (!Files.exists(example)) {
      return;
    }
    LoadResult r = AgreementFiles.load(example);
    assertThat(r.isValid()).isTrue();
    Random random = new Random(7);
    int rastered = 0;
    for (var p : r.agreement().places().values()) {
      if (p.geometry().getDimension() == 2) {
        assertAgrees(p.geometry(), random);
        rastered++;
      }
    }
    assertThat(rastered).isGreaterThanOrEqualTo(3);
  }

  private static void assertAgrees(Geometry area, Random random) {
    Map<String, Geometry> places = new LinkedHashMap<>();
    places.put("area", area);
    PlaceIndex index = new PlaceIndex(places);
    IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
    Envelope e = area.getEnvelopeInternal();
    double cell = Math.max(e.getWidth(), e.getHeight()) / PlaceIndex.RASTER_SIDE;
    int inside = 0;
    for (int k = 0; k < 20_000; k++) {
      double px;
      double py;
      switch (k % 4) {
        case 0 -> { // anywhere in and around the envelope
          px = e.getMinX() - 0.1 * e.getWidth() + random.nextDouble() * 1.2 * e.getWidth();
          py = e.getMinY() - 0.1 * e.getHeight() + random.nextDouble() * 1.2 * e.getHeight();
        }
        case 1 -> { // on the boundary: a vertex of the geometry
          Coordinate[] cs = area.getCoordinates();
          Coordinate c = cs[random.nextInt(cs.length)];
          px = c.x;
          py = c.y;
        }
        case 2 -> { // on a grid line of the raster
          px = e.getMinX() + random.nextInt(PlaceIndex.RASTER_SIDE + 1) * cell;
          py = e.getMinY() + random.nextDouble() * e.getHeight();
        }
        default -> { // close to a vertex
          Coordinate[] cs = area.getCoordinates();
          Coordinate c = cs[random.nextInt(cs.length)];
          px = c.x + random.nextGaussian() * cell;
          py = c.y + random.nextGaussian() * cell;
        }
      }
      boolean expected =
          e.covers(px, py) && locator.locate(new Coordinate(px, py)) != Location.EXTERIOR;
      index.at(px, py);
      assertThat(index.covers(0)).as("(%s, %s)", px, py).isEqualTo(expected);
      inside += expected ? 1 : 0;
    }
    assertThat(inside).as("some points inside").isPositive();
  }
}
