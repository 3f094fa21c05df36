package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.server.ops.Report;

/**
 * The daily report's per-region table: regions from the nearest settlement, both periods, change.
 */
class RegionTableTest {
  static Report at(double lat, double lon) {
    return new Report(
        "r",
        Instant.parse("2026-11-28T10:00:00Z"),
        TimePrecision.EXACT,
        Kind.SHELLING,
        lat,
        lon,
        PlacePrecision.EXACT,
        "RU",
        0.8,
        "",
        0,
        0,
        0,
        List.of(),
        ReviewStatus.VERIFIED,
        List.of(),
        "",
        "monitor",
        Instant.parse("2026-11-28T10:00:00Z"));
  }

  @Test
  void countsEachRegion_inBothPeriods_largestNowFirst() {
    Report horlivka = at(48.31, 38.03);
    Report kyiv = at(50.45, 30.52);
    Report kharkiv = at(49.98, 36.25);
    RegionTable t =
        RegionTable.of(
            List.of(horlivka, horlivka, kyiv),
            List.of(kharkiv, horlivka, horlivka, horlivka),
            Gazetteer.shipped());
    assertThat(t.rows())
        .extracting(RegionTable.Row::region)
        .containsExactly("Donetska Oblast", "Misto Kyiv", "Kharkiv Oblast");
    assertThat(t.rows()).extracting(RegionTable.Row::change).containsExactly("-1", "+1", "-1");
    assertThat(t.totals()).containsExactly(3, 4);
  }
}
