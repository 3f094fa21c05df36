package org.umbrella.agreement.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.umbrella.agreement.Examples;
import org.umbrella.agreement.load.internal.LocalProjection;
import org.umbrella.agreement.model.Agreement;

/**
 * Places are computed in metres, not degrees: a circle of {@code km: 40} has every boundary point
 * 40 km (great-circle) from its centre at any latitude, and a buffer of {@code km: 15} lies 15 km
 * from its line.
 */
class PlacesTest {
  static Agreement withPlaces(String places, Map<String, String> files) {
    String text =
        "umbrella: 1\nid: t\nversion: \"1\"\ntitle: T\nparties: { UA: { name: Ukraine } }\nplaces:\n"
            + places;
    LoadResult r =
        AgreementLoader.load(
            "t.agreement.yaml", text, path -> Optional.ofNullable(files.get(path)));
    assertThat(r.issues()).as(r.toDisplayString()).isEmpty();
    return r.agreement();
  }

  @Property(tries = 40)
  void circle_everyBoundaryPoint_isTheRadiusAwayOnTheGround(
      @ForAll @DoubleRange(min = -179, max = 179) double lon,
      @ForAll @DoubleRange(min = -75, max = 75) double lat,
      @ForAll @DoubleRange(min = 1, max = 300) double km) {
    Agreement a =
        withPlaces("  c: { point: [" + lon + ", " + lat + "], km: " + km + " }\n", Map.of());
    Geometry circle = a.places().get("c").geometry();
    for (Coordinate p : circle.getCoordinates()) {
      double d = LocalProjection.distanceMetres(lon, lat, p.x, p.y) / 1000;
      assertThat(d).isCloseTo(km, within(km * 1e-6 + 1e-6));
    }
  }

  @Test
  void circle_area_isPiRSquared() {
    Agreement a = withPlaces("  moscow: { point: [37.6176, 55.7558], km: 40 }\n", Map.of());
    // The circle is a 128-gon inscribed in the circle: its area is pi r^2 times (sin(2pi/128) 128 /
    // 2pi).
    double inscribed = Math.PI * 40 * 40 * Math.sin(2 * Math.PI / 128) * 128 / (2 * Math.PI);
    assertThat(LocalProjection.areaKm2(a.places().get("moscow").geometry()))
        .isCloseTo(inscribed, within(inscribed * 0.002));
  }

  @Test
  void buffer_ofTheLineOfContact_isFifteenKilometresWideAlongItsWholeLength() throws Exception {
    Agreement a = Examples.load("plan-28pt.agreement.yaml");
    Geometry line = a.places().get("line-of-contact").geometry();
    Geometry zone = a.places().get("front-zone").geometry();
    // The line sampled every ~100 m; a vertex's distance to the line is its least great-circle
    // distance to a sample (sampling adds under a metre).
    java.util.List<double[]> samples = new java.util.ArrayList<>();
    Coordinate[] v = line.getCoordinates();
    for (int i = 1; i < v.length; i++) {
      double len = LocalProjection.distanceMetres(v[i - 1].x, v[i - 1].y, v[i].x, v[i].y);
      int n = (int) Math.ceil(len / 100);
      for (int k = 0; k <= n; k++) {
        samples.add(
            new double[] {
              v[i - 1].x + (v[i].x - v[i - 1].x) * k / n, v[i - 1].y + (v[i].y - v[i - 1].y) * k / n
            });
      }
    }
    int checked = 0;
    for (Coordinate c : zone.getBoundary().getCoordinates()) {
      double best = Double.MAX_VALUE;
      for (double[] p : samples) {
        if (Math.abs(p[1] - c.y) < 0.3 && Math.abs(p[0] - c.x) < 0.5) {
          best = Math.min(best, LocalProjection.distanceMetres(c.x, c.y, p[0], p[1]));
        }
      }
      // The local projection's scale error is under 0.2% this close to its centre.
      assertThat(best / 1000).as("vertex %s", c).isCloseTo(15.0, within(15.0 * 0.002));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void union_ofTwoRegions_coversBoth() {
    Agreement a = Examples.load("framework-20pt.agreement.yaml");
    Geometry donbas = a.places().get("donbas").geometry();
    assertThat(donbas.covers(a.places().get("ua-dt").geometry())).isTrue();
    assertThat(donbas.covers(a.places().get("ua-lh").geometry())).isTrue();
    // Donetsk (26,517 km2) and Luhansk (26,684 km2) oblasts by official figures.
    assertThat(LocalProjection.areaKm2(donbas)).isCloseTo(53_201, within(53_201 * 0.03));
  }

  @Test
  void lineOfContact_isALineOfAboutEightHundredTwentyKilometres() {
    Agreement a = Examples.load("framework-20pt.agreement.yaml");
    assertThat(a.places().get("line-of-contact").hasArea()).isFalse();
    assertThat(LocalProjection.lengthKm(a.places().get("line-of-contact").geometry()))
        .isCloseTo(821, within(2.0));
  }

  @Test
  void russiaWest_excludesCrimea() {
    Agreement a = Examples.load("framework-20pt.agreement.yaml");
    GeometryFactory f = new GeometryFactory();
    Geometry russia = a.places().get("russia-west").geometry();
    assertThat(russia.contains(f.createPoint(new Coordinate(34.10, 44.95))))
        .as("Simferopol")
        .isFalse();
    assertThat(russia.contains(f.createPoint(new Coordinate(37.6176, 55.7558))))
        .as("Moscow")
        .isTrue();
  }
}
