package org.umbrella.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A stacked bar chart drawn on the server as SVG (no script, no library): one bar per day, one
 * segment per series (a kind, a region), each segment with a {@code <title>} saying what it counts,
 * a legend, and a y axis with round ticks. Pure: the same counts give the same bytes.
 *
 * @param days the x values in order ("2026-11-28")
 * @param series the series in stacking order, bottom first
 * @param counts day to series to count (missing: 0)
 */
public record StackedChart(
    List<String> days, List<String> series, Map<String, Map<String, Integer>> counts) {

  /** Colours for up to 10 series (the rest share the last: "other"), distinguishable in print. */
  static final List<String> COLOURS =
      List.of(
          "#a3162b", "#0b4f9c", "#8a4b00", "#2e7d32", "#6a1b9a", "#00838f", "#c2185b", "#5d4037",
          "#455a64", "#9e9d24");

  /** The most series drawn apart; the rest are summed into "other". */
  static final int MAX_SERIES = 10;

  public StackedChart {
    days = List.copyOf(days);
    series = List.copyOf(series);
    counts = Map.copyOf(counts);
  }

  /**
   * The chart of {@code values} (one label per item and day), the series ordered largest first and
   * cut to {@link #MAX_SERIES} (the smallest summed as "other").
   */
  public static StackedChart of(List<String> days, Map<String, Map<String, Integer>> byDay) {
    Map<String, Integer> totals = new TreeMap<>();
    byDay.values().forEach(m -> m.forEach((k, v) -> totals.merge(k, v, Integer::sum)));
    List<String> ordered = new ArrayList<>(totals.keySet());
    ordered.sort(
        Comparator.comparing((String k) -> totals.getOrDefault(k, 0))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    List<String> kept =
        ordered.size() <= MAX_SERIES
            ? ordered
            : new ArrayList<>(ordered.subList(0, MAX_SERIES - 1));
    for (String d : days) {
      Map<String, Integer> row = new LinkedHashMap<>();
      byDay
          .getOrDefault(d, Map.of())
          .forEach((k, v) -> row.merge(kept.contains(k) ? k : "other", v, Integer::sum));
      counts.put(d, row);
    }
    List<String> series = new ArrayList<>(kept);
    if (ordered.size() > MAX_SERIES) {
      series.add("other");
    }
    return new StackedChart(days, series, counts);
  }

  /** The count of {@code series} on {@code day}. */
  public int count(String day, String series) {
    return counts.getOrDefault(day, Map.of()).getOrDefault(series, 0);
  }

  /** The day's total. */
  public int total(String day) {
    return counts.getOrDefault(day, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The largest day's total (at least 1). */
  public int max() {
    return Math.max(1, days.stream().mapToInt(this::total).max().orElse(1));
  }

  /** A round step for the y axis: 1, 2, 5, 10, 20, 50, … giving at most 5 ticks. */
  static int step(int max) {
    for (long magnitude = 1; ; magnitude *= 10) {
      for (long m : new long[] {1, 2, 5}) {
        if (max <= 5 * m * magnitude) {
          return (int) (m * magnitude);
        }
      }
    }
  }

  static final int W = 720;
  static final int H = 240;
  static final int LEFT = 36;
  static final int BOTTOM = 28;
  static final int TOP = 8;

  /**
   * The SVG, {@code label} naming it for screen readers (the same numbers are in a table beside
   * it).
   */
  public String svg(String id, String label) {
    return svg(id, label, k -> k.replace('_', ' '));
  }

  /** As {@link #svg(String, String)}, each series named in the reader's words by {@code names}. */
  public String svg(String id, String label, UnaryOperator<String> names) {
    StringBuilder s = new StringBuilder();
    int max = max();
    int step = step(max);
    int top = (max + step - 1) / step * step;
    double plotH = H - BOTTOM - TOP;
    double slot = (W - LEFT - 4) / (double) Math.max(1, days.size());
    double bar = Math.max(1, Math.min(48, slot * 0.8)); // a few days: bars, not walls
    s.append("<svg id=\"")
        .append(esc(id))
        .append("\" class=\"chart\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(esc(id))
        .append("-t\" xmlns=\"http://www.w3.org/2000/svg\">")
        .append("<title id=\"")
        .append(esc(id))
        .append("-t\">")
        .append(esc(label))
        .append("</title>");
    for (int v = 0; v <= top; v += step) {
      double y = TOP + plotH - plotH * v / top;
      s.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d0d7de\"/>",
                  LEFT,
                  W,
                  y,
                  y))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%d</text>",
                  LEFT - 4,
                  y + 4,
                  v));
    }
    int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 8.0));
    for (int i = 0; i < days.size(); i++) {
      String d = days.get(i);
      double x = LEFT + i * slot + (slot - bar) / 2;
      double y = TOP + plotH;
      for (int k = 0; k < series.size(); k++) {
        int n = count(d, series.get(k));
        if (n == 0) {
          continue;
        }
        double h = plotH * n / top;
        y -= h;
        s.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" data-day=\"%s\" data-series=\"%s\" data-n=\"%d\"><title>%s: %s %d</title></rect>",
                x,
                y,
                bar,
                h,
                colour(k),
                esc(d),
                esc(series.get(k)),
                n,
                esc(d),
                esc(names.apply(series.get(k))),
                n));
      }
      if (i % labelEvery == 0) {
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
                x + bar / 2,
                H - 10,
                esc(d.length() >= 10 ? d.substring(5) : d)));
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  /** The colour of the {@code k}th series. */
  public static String colour(int k) {
    return COLOURS.get(Math.min(k, COLOURS.size() - 1));
  }

  private static String esc(String v) {
    return v.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
