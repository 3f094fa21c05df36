package org.umbrella.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.TimePrecision;

/** What one sample may change in an incident, and what it must keep. */
class UncertaintyTest {

  @Provide
  Arbitrary<RecordedInput> incidents() {
    Arbitrary<Double> lat = Arbitraries.doubles().between(44, 52);
    Arbitrary<Double> lon = Arbitraries.doubles().between(22, 40);
    Arbitrary<PlacePrecision> precision = Arbitraries.of(PlacePrecision.class);
    Arbitrary<Double> confidence = Arbitraries.doubles().between(0, 1);
    Arbitrary<int[]> fatalities =
        Arbitraries.integers()
            .between(0, 50)
            .list()
            .ofSize(2)
            .map(
                l -> {
                  int lo = Math.min(l.get(0), l.get(1));
                  int hi = Math.max(l.get(0), l.get(1));
                  return new int[] {lo, hi};
                });
    Arbitrary<Integer> sources = Arbitraries.integers().between(1, 4);
    return Combinators.combine(lat, lon, precision, confidence, fatalities, sources)
        .as(
            (la, lo, p, c, f, n) -> {
              List<IncidentSource> s = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                s.add(new IncidentSource("s" + i, "media", "g" + i));
              }
              return RecordedInput.historical(
                  new Incident(
                      "i",
                      Instant.parse("2024-01-01T00:00:00Z"),
                      TimePrecision.DAY,
                      new IncidentPlace(la, lo, p, "r"),
                      Kind.SHELLING,
                      new Actor("RU", c),
                      "",
                      new Fatalities(f[0], f[0], f[1]),
                      s,
                      ReviewStatus.VERIFIED,
                      List.of()));
            });
  }

  @Property(tries = 300)
  void aSampleStaysWithinTheRecordedUncertainty(
      @ForAll("incidents") RecordedInput r, @ForAll long seed) {
    Incident before = (Incident) r.record();
    List<RecordedInput> drawn = Uncertainty.ALL.draw(List.of(r), seed);
    assertThat(Uncertainty.ALL.draw(List.of(r), seed)).as("deterministic").isEqualTo(drawn);
    if (drawn.isEmpty()) {
      assertThat(before.sources()).as("only a single-source incident can vanish").hasSize(1);
      return;
    }
    Incident after = (Incident) drawn.get(0).record();
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.time()).isEqualTo(before.time());
    assertThat(drawn.get(0).recordedAt()).isEqualTo(r.recordedAt());
    assertThat(after.actor()).isIn(before.actor(), Actor.UNATTRIBUTED);
    if (before.actor().confidence() == 1.0) {
      assertThat(after.actor()).isEqualTo(before.actor());
    }
    assertThat(after.fatalities().best())
        .isBetween(before.fatalities().low(), before.fatalities().high());
    assertThat(after.sources().size())
        .isBetween(before.sources().size() - 1, before.sources().size());
    assertThat(before.sources()).containsAll(after.sources());
    double km = haversineKm(before.place(), after.place());
    assertThat(km)
        .isLessThanOrEqualTo(Uncertainty.radiusKm(before.place().precision()) * 1.001 + 1e-6);
    assertThat(after.place().precision()).isEqualTo(before.place().precision());
  }

  @Property(tries = 50)
  void nothingRedrawn_leavesTheEventsAsTheyAre(
      @ForAll("incidents") RecordedInput r, @ForAll long seed) {
    assertThat(new Uncertainty(false, false, false, 0).draw(List.of(r), seed)).containsExactly(r);
  }

  static double haversineKm(IncidentPlace a, IncidentPlace b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
