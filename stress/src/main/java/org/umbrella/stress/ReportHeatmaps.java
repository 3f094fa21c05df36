package org.umbrella.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The report page's grids as inline SVG: the heat map over two swept values and the map of where
 * each design's triggers fell. Not for charts over time ({@link ReportCharts}).
 */
final class ReportHeatmaps {
  private ReportHeatmaps() {}

  static void heatmap(StringBuilder h, StressReport report) {
    List<String> columns = new ArrayList<>();
    for (StressReport.DesignResult d : report.designs()) {
      d.asRecorded()
          .guarantees()
          .keySet()
          .forEach(
              g -> {
                if (!columns.contains("G " + g)) {
                  columns.add("G " + g);
                }
              });
    }
    for (StressReport.DesignResult d : report.designs()) {
      d.asRecorded()
          .findings()
          .keySet()
          .forEach(
              f -> {
                if (!columns.contains("F " + f)) {
                  columns.add("F " + f);
                }
              });
    }
    int label = 540;
    int cw = Math.max(60, Math.min(110, (960 - label) / Math.max(1, columns.size())));
    int row = 22;
    int head = 110;
    int w = label + cw * columns.size() + 10;
    int ht = head + row * report.designs().size() + 4;
    h.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"outcomes by design\">%n",
            w,
            ht,
            w,
            ht));
    for (int c = 0; c < columns.size(); c++) {
      String col = columns.get(c);
      String text =
          (col.startsWith("G ")
              ? "guarantee " + col.substring(2) + " triggered"
              : col.substring(2) + " confirmed");
      double x = label + c * cw + cw / 2.0;
      h.append(
          String.format(
              Locale.ROOT,
              "<text transform=\"translate(%.1f,%d) rotate(-40)\">%s</text>",
              x,
              head - 6,
              ReportHtml.esc(ReportHtml.trim(text, 30))));
    }
    h.append('\n');
    for (int r = 0; r < report.designs().size(); r++) {
      StressReport.DesignResult d = report.designs().get(r);
      double y = head + r * row;
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              label - 6,
              y + 15,
              ReportHtml.esc(ReportHtml.trim(ReportHtml.label(d), 90))));
      for (int c = 0; c < columns.size(); c++) {
        String col = columns.get(c);
        String key = col.substring(2);
        boolean g = col.startsWith("G ");
        @Nullable Double value;
        String text;
        if (g
            ? !d.asRecorded().guarantees().containsKey(key)
            : !d.asRecorded().findings().containsKey(key)) {
          value = null;
          text = "n/a";
        } else if (d.sampled().isPresent()) {
          value =
              g
                  ? d.sampled().get().guaranteeTriggered().get(key)
                  : d.sampled().get().findingConfirmed().get(key);
          text = ReportHtml.pct(value).replace("&ndash;", "-");
        } else if (g) {
          value = d.asRecorded().guarantee(key).firstTriggered().isPresent() ? 1.0 : 0.0;
          text = value > 0 ? "yes" : "no";
        } else {
          long n = d.asRecorded().confirmed(key);
          value = n > 0 ? 1.0 : 0.0;
          text = Long.toString(n);
        }
        String fill = value == null ? "#eee" : shade(value);
        h.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
                label + c * cw,
                y,
                cw,
                row,
                fill,
                label + c * cw + cw / 2.0,
                y + 15,
                value != null && value > 0.6 ? "#fff" : "#222",
                text));
      }
      h.append('\n');
    }
    h.append("</svg>\n");
  }

  /** White to dark red as v goes from 0 to 1. */
  static String shade(double v) {
    int r = (int) Math.round(255 - v * (255 - 165));
    int gb = (int) Math.round(255 - v * 240);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, gb, gb);
  }

  static void map(StringBuilder h, StressReport report) {
    double minLat = 90;
    double maxLat = -90;
    double minLon = 180;
    double maxLon = -180;
    int total = 0;
    for (StressReport.DesignResult d : report.designs()) {
      for (double[] p : d.asRecorded().triggerPoints()) {
        minLat = Math.min(minLat, p[0]);
        maxLat = Math.max(maxLat, p[0]);
        minLon = Math.min(minLon, p[1]);
        maxLon = Math.max(maxLon, p[1]);
        total++;
      }
    }
    if (total == 0) {
      h.append("<p>No guarantee triggered under any design, so there is nothing to map.</p>\n");
      return;
    }
    double pad = 0.5;
    minLat -= pad;
    maxLat += pad;
    minLon -= pad;
    maxLon += pad;
    double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    int w = 960;
    double sx = (w - 60) / ((maxLon - minLon) * kx);
    int ht = (int) Math.min(700, Math.max(200, (maxLat - minLat) * sx + 40));
    double s = Math.min(sx, (ht - 40) / (maxLat - minLat));
    h.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"map of triggering incidents\">%n",
            w,
            ht,
            w,
            ht));
    h.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#f7f7f2\" stroke=\"#ccc\"/>",
            w,
            ht));
    for (int g = (int) Math.ceil(minLon); g <= maxLon; g++) {
      double x = 30 + (g - minLon) * kx * s;
      h.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/><text x=\"%.1f\" y=\"%d\" fill=\"#999\">%d&#176;E</text>",
              x,
              x,
              ht,
              x + 2,
              ht - 4,
              g));
    }
    for (int g = (int) Math.ceil(minLat); g <= maxLat; g++) {
      double y = 20 + (maxLat - g) * s;
      h.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/><text x=\"2\" y=\"%.1f\" fill=\"#999\">%d&#176;N</text>",
              y,
              w,
              y,
              y - 2,
              g));
    }
    h.append('\n');
    for (int d = 0; d < report.designs().size(); d++) {
      for (double[] p : report.designs().get(d).asRecorded().triggerPoints()) {
        h.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" fill-opacity=\"0.5\"/>",
                30 + (p[1] - minLon) * kx * s,
                20 + (maxLat - p[0]) * s,
                ReportHtml.colour(d)));
      }
      h.append('\n');
    }
    h.append("</svg>\n");
    ReportCharts.legend(h, report);
  }
}
