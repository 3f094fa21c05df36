package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The gazetteer's lookups against plain computation: the grid search finds a settlement exactly as
 * near as a scan of all of them, for points across Ukraine and far outside it; a point put at a
 * known bearing and distance from a settlement is described from that settlement with that compass
 * point; and the shipped file gives the reference places.
 */
class GazetteerProperties {
  static final Gazetteer UA = Gazetteer.shipped();
  static final List<Gazetteer.Settlement> ALL = all();

  static List<Gazetteer.Settlement> all() {
    return UA.settlements();
  }

  static double scan(double lat, double lon) {
    return ALL.stream()
        .mapToDouble(s -> Gazetteer.km(lat, lon, s.lat(), s.lon()))
        .min()
        .orElseThrow();
  }

  @Property(tries = 3000)
  void nearest_isAsNearAsAScan_acrossUkraine(
      @ForAll @DoubleRange(min = 43.5, max = 53) double lat,
      @ForAll @DoubleRange(min = 21, max = 41.5) double lon) {
    assertThat(UA.nearest(lat, lon).orElseThrow().km()).isEqualTo(scan(lat, lon));
  }

  @Property(tries = 100)
  void nearest_isAsNearAsAScan_farAway(
      @ForAll @DoubleRange(min = -80, max = 80) double lat,
      @ForAll @DoubleRange(min = -179, max = 179) double lon) {
    assertThat(UA.nearest(lat, lon).orElseThrow().km()).isEqualTo(scan(lat, lon));
  }

  @Provide
  Arbitrary<Gazetteer.Settlement> settlements() {
    return Arbitraries.of(ALL);
  }

  @Property(tries = 2000)
  void aPointNearASettlement_isDescribedFromIt_withItsBearing(
      @ForAll("settlements") Gazetteer.Settlement s,
      @ForAll @IntRange(min = 0, max = 7) int point,
      @ForAll @DoubleRange(min = -20, max = 20) double off,
      @ForAll @DoubleRange(min = 1, max = 20) double km) {
    // nearer than half the gap to its nearest neighbour, the point is nearest to s
    double gap =
        ALL.stream()
            .filter(o -> o != s && (o.lat() != s.lat() || o.lon() != s.lon()))
            .mapToDouble(o -> Gazetteer.km(s.lat(), s.lon(), o.lat(), o.lon()))
            .min()
            .orElseThrow();
    double d = Math.min(km, gap / 2.1);
    net.jqwik.api.Assume.that(d >= 1);
    double bearing = point * 45 + off;
    double[] p = destination(s.lat(), s.lon(), bearing, d);
    Gazetteer.Place place = UA.nearest(p[0], p[1]).orElseThrow();
    assertThat(place.settlement().lat()).isEqualTo(s.lat());
    assertThat(place.settlement().lon()).isEqualTo(s.lon());
    assertThat(place.km()).isCloseTo(d, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(place.direction())
        .isEqualTo(List.of("N", "NE", "E", "SE", "S", "SW", "W", "NW").get(point));
    // rounded to the kilometre (d itself may sit on a .5 boundary, so the computed distance is
    // rounded)
    assertThat(place.describe())
        .isEqualTo(
            Math.round(place.km())
                + " km "
                + place.direction()
                + " of "
                + place.settlement().name());
  }

  /**
   * The point {@code km} from (lat, lon) on the initial bearing {@code deg} (the direct geodesic
   * problem on a sphere).
   */
  static double[] destination(double lat, double lon, double deg, double km) {
    double d = km / Gazetteer.EARTH_KM;
    double b = Math.toRadians(deg);
    double p1 = Math.toRadians(lat);
    double l1 = Math.toRadians(lon);
    double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    double l2 =
        l1
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(p1),
                Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return new double[] {Math.toDegrees(p2), Math.toDegrees(l2)};
  }

  @Test
  void theShippedFile_hasItsRows_andTheReferencePlaces() {
    assertThat(UA.size()).isEqualTo(32_474);
    assertThat(ALL).hasSize(32_474);
    Gazetteer.Settlement horlivka = UA.search("Horlivka", 1).get(0);
    assertThat(horlivka.id()).isEqualTo(707753);
    assertThat(horlivka.region()).isEqualTo("Donetska Oblast");
    // Ukrainian and current official spellings find the same place
    assertThat(UA.search("Горлівка", 1).get(0).id()).isEqualTo(707753);
    assertThat(UA.search("Kupiansk", 1).get(0).id()).isEqualTo(703656);
    assertThat(UA.search("kyi", 3))
        .extracting(Gazetteer.Settlement::name)
        .first()
        .isEqualTo("Kyiv");
    // Kyiv's Maidan is in Kyiv; Horlivka's centre, in Horlivka
    assertThat(UA.describe(50.4530, 30.5235)).isEqualTo("in Kyiv");
    assertThat(UA.describe(48.29986, 38.01709)).isEqualTo("in Horlivka");
    assertThat(Gazetteer.compass(0)).isEqualTo("N");
    assertThat(Gazetteer.compass(22.4)).isEqualTo("N");
    assertThat(Gazetteer.compass(22.6)).isEqualTo("NE");
    assertThat(Gazetteer.compass(359.9)).isEqualTo("N");
    assertThat(Gazetteer.compass(135)).isEqualTo("SE");
    assertThat(UA.search("x", 5)).isEmpty();
  }
}
