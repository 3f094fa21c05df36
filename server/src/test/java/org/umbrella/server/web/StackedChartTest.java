package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The server-drawn stacked chart: every count is one segment whose height is its share of the axis,
 * the segments of a day stack without gaps from the axis up, and the axis top is a round number at
 * least the largest day.
 */
class StackedChartTest {
  static final Pattern RECT =
      Pattern.compile(
          "<rect x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"[0-9.]+\" height=\"([0-9.]+)\" fill=\"#[0-9a-f]{6}\" data-day=\"([^\"]+)\" data-series=\"([^\"]+)\" data-n=\"(\\d+)\">");

  @Property(tries = 500)
  void segmentsAreTheCounts_stackedWithoutGaps(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 30) Integer> a,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 300) Integer> b) {
    int n = Math.min(a.size(), b.size());
    Map<String, Map<String, Integer>> byDay = new LinkedHashMap<>();
    List<String> days = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String day = String.format("2026-11-%02d", i % 28 + 1) + (i >= 28 ? "b" : "");
      days.add(day);
      Map<String, Integer> m = new LinkedHashMap<>();
      if (a.get(i) > 0) {
        m.put("shelling", a.get(i));
      }
      if (b.get(i) > 0) {
        m.put("mine", b.get(i));
      }
      byDay.put(day, m);
    }
    StackedChart c = StackedChart.of(days, byDay);
    String svg = c.svg("c", "test");
    int top =
        (c.max() + StackedChart.step(c.max()) - 1)
            / StackedChart.step(c.max())
            * StackedChart.step(c.max());
    double plotH = StackedChart.H - StackedChart.BOTTOM - StackedChart.TOP;
    Map<String, Double> stackTop = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Matcher m = RECT.matcher(svg);
    while (m.find()) {
      double y = Double.parseDouble(m.group(1));
      double h = Double.parseDouble(m.group(2));
      String day = m.group(3);
      int count = Integer.parseInt(m.group(5));
      assertThat(count).isEqualTo(byDay.get(day).get(m.group(4)));
      assertThat(h).isCloseTo(plotH * count / top, org.assertj.core.data.Offset.offset(0.06));
      double below = stackTop.getOrDefault(day, StackedChart.TOP + plotH);
      assertThat(y + h).isCloseTo(below, org.assertj.core.data.Offset.offset(0.11));
      stackTop.put(day, y);
      seen.merge(day, count, Integer::sum);
    }
    for (String day : days) {
      assertThat(seen.getOrDefault(day, 0)).isEqualTo(c.total(day));
      assertThat(c.total(day)).isLessThanOrEqualTo(top);
    }
  }

  @Test
  void axisSteps_areRound_andSeriesBeyondTenAreOther() {
    assertThat(StackedChart.step(1)).isEqualTo(1);
    assertThat(StackedChart.step(5)).isEqualTo(1);
    assertThat(StackedChart.step(6)).isEqualTo(2);
    assertThat(StackedChart.step(11)).isEqualTo(5);
    assertThat(StackedChart.step(26)).isEqualTo(10);
    assertThat(StackedChart.step(999)).isEqualTo(200);
    Map<String, Integer> twelve = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      twelve.put("k" + (char) ('a' + i), 12 - i);
    }
    StackedChart c = StackedChart.of(List.of("2026-11-28"), Map.of("2026-11-28", twelve));
    assertThat(c.series()).hasSize(10).endsWith("other").startsWith("ka", "kb");
    assertThat(c.count("2026-11-28", "other")).isEqualTo(3 + 2 + 1);
    assertThat(c.total("2026-11-28")).isEqualTo(78);
    assertThat(c.svg("x", "a <label>"))
        .contains("<title id=\"x-t\">a &lt;label&gt;</title>")
        .doesNotContain("<label>");
  }
}
