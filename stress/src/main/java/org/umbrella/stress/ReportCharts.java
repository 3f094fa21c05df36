package org.umbrella.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report page's charts as inline SVG: the timeline of each design's triggers, the legend, the
 * probability bars of sampled runs and the sensitivity of each swept value. Not for tables or the
 * page's frame ({@link ReportHtml}).
 */
final class ReportCharts {
  private ReportCharts() {}

  static void timeline(StringBuilder h, StressReport report) {
    TreeSet<String> months = new TreeSet<>();
    List<TreeMap<String, Long>> perDesign = new ArrayList<>();
    for (StressReport.DesignResult d : report.designs()) {
      TreeMap<String, Long> m = new TreeMap<>();
      d.asRecorded()
          .findings()
          .values()
          .forEach(c -> c.confirmedByMonth().forEach((k, v) -> m.merge(k, v, Long::sum)));
      d.asRecorded()
          .guarantees()
          .values()
          .forEach(
              g -> g.firstTriggered().ifPresent(t -> months.add(t.toString().substring(0, 7))));
      months.addAll(m.keySet());
      perDesign.add(m);
    }
    int w = 960;
    int ht = 260;
    int left = 50;
    int bottom = 30;
    if (months.isEmpty()) {
      h.append("<p>No finding was confirmed under any design.</p>\n");
      return;
    }
    List<String> axis = new ArrayList<>(months);
    long max = 1;
    List<long[]> cum = new ArrayList<>();
    for (TreeMap<String, Long> m : perDesign) {
      long[] c = new long[axis.size()];
      long run = 0;
      for (int i = 0; i < axis.size(); i++) {
        run += m.getOrDefault(axis.get(i), 0L);
        c[i] = run;
      }
      max = Math.max(max, run);
      cum.add(c);
    }
    double dx = axis.size() > 1 ? (w - left - 10.0) / (axis.size() - 1) : 0;
    double sy = (ht - bottom - 10.0) / max;
    h.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"confirmed findings over time\">%n",
            w,
            ht,
            w,
            ht));
    h.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
            left,
            ht - bottom,
            w - 10,
            ht - bottom));
    h.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n",
            left,
            left,
            ht - bottom));
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"14\" text-anchor=\"end\">%d</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n",
            left - 4,
            max,
            left - 4,
            ht - bottom));
    int step = Math.max(1, axis.size() / 12);
    for (int i = 0; i < axis.size(); i += step) {
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              left + i * dx,
              ht - bottom + 16,
              axis.get(i)));
    }
    h.append('\n');
    for (int d = 0; d < cum.size(); d++) {
      StringBuilder pts = new StringBuilder();
      long[] c = cum.get(d);
      for (int i = 0; i < c.length; i++) {
        pts.append(
            String.format(Locale.ROOT, "%.1f,%.1f ", left + i * dx, ht - bottom - c[i] * sy));
      }
      h.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(ReportHtml.colour(d))
          .append("\" points=\"")
          .append(pts.toString().trim())
          .append("\"><title>")
          .append(ReportHtml.esc(report.designs().get(d).name()))
          .append("</title></polyline>\n");
      for (Outcome.GuaranteeCount g : report.designs().get(d).asRecorded().guarantees().values()) {
        if (g.firstTriggered().isPresent()) {
          int i = axis.indexOf(g.firstTriggered().get().toString().substring(0, 7));
          h.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>",
                  left + i * dx,
                  ht - bottom - c[i] * sy,
                  ReportHtml.colour(d)));
        }
      }
    }
    h.append("</svg>\n");
    legend(h, report);
  }

  static void legend(StringBuilder h, StressReport report) {
    h.append("<p class=\"note\">");
    for (int d = 0; d < report.designs().size(); d++) {
      h.append("<span style=\"color:")
          .append(ReportHtml.colour(d))
          .append("\">&#9632;</span> ")
          .append(ReportHtml.esc(ReportHtml.label(report.designs().get(d))))
          .append(" &nbsp; ");
    }
    h.append("</p>\n");
  }

  static void probabilities(StringBuilder h, StressReport report) {
    record Bar(String label, int design, double p, double recorded) {}
    List<Bar> bars = new ArrayList<>();
    for (int d = 0; d < report.designs().size(); d++) {
      StressReport.DesignResult r = report.designs().get(d);
      StressReport.Sampled s = r.sampled().orElseThrow();
      for (String g : s.guaranteeTriggered().keySet()) {
        bars.add(
            new Bar(
                ReportHtml.label(r) + ": " + g + " triggered",
                d,
                ReportHtml.orZero(s.guaranteeTriggered().get(g)),
                r.asRecorded().guarantee(g).firstTriggered().isPresent() ? 1 : 0));
        bars.add(
            new Bar(
                ReportHtml.label(r) + ": " + g + " void",
                d,
                ReportHtml.orZero(s.guaranteeVoided().get(g)),
                r.asRecorded().guarantee(g).voided() ? 1 : 0));
      }
      for (String f : s.findingConfirmed().keySet()) {
        bars.add(
            new Bar(
                ReportHtml.label(r) + ": " + f + " confirmed",
                d,
                s.findingConfirmed().get(f),
                r.asRecorded().confirmed(f) > 0 ? 1 : 0));
      }
    }
    int n = report.settings().samples();
    int label = 420;
    int w = 960;
    int row = 18;
    int ht = bars.size() * row + 24;
    double scale = w - label - 20;
    h.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"probabilities\">%n",
            w,
            ht,
            w,
            ht));
    for (int i = 0; i <= 4; i++) {
      double x = label + scale * i / 4;
      h.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>",
              x,
              x,
              ht - 20,
              x,
              ht - 6,
              i * 25));
    }
    h.append('\n');
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = i * row + 2;
      double se = Math.sqrt(b.p() * (1 - b.p()) / n);
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              label - 6,
              y + 12,
              ReportHtml.esc(ReportHtml.trim(b.label(), 70))));
      h.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.75\"><title>%s</title></rect>",
              label,
              y + 2,
              scale * b.p(),
              row - 5,
              ReportHtml.colour(b.design()),
              ReportHtml.pct(b.p())));
      h.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>",
              label + scale * Math.max(0, b.p() - 1.96 * se),
              y + 8,
              label + scale * Math.min(1, b.p() + 1.96 * se),
              y + 8));
      h.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"3\"/>%n",
              label + scale * b.recorded(),
              y + 1,
              label + scale * b.recorded(),
              y + row - 2));
    }
    h.append("</svg>\n");
  }

  static void sensitivity(StringBuilder h, StressReport report) {
    List<String[]> rows = new ArrayList<>();
    for (int d = 0; d < report.designs().size(); d++) {
      StressReport.DesignResult r = report.designs().get(d);
      for (Map.Entry<String, Double> e : r.sampled().orElseThrow().sensitivity().entrySet()) {
        rows.add(
            new String[] {
              Integer.toString(d),
              ReportHtml.label(r) + ": " + e.getKey(),
              Double.toString(e.getValue())
            });
      }
    }
    bars(h, rows, "sensitivity");
  }

  static void bars(StringBuilder h, List<String[]> rows, String aria) {
    int label = 420;
    int w = 960;
    int row = 18;
    int ht = rows.size() * row + 24;
    double scale = w - label - 60;
    h.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
            w,
            ht,
            w,
            ht,
            aria));
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      double v = Double.parseDouble(r[2]);
      double y = i * row + 2;
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text><rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n",
              label - 6,
              y + 12,
              ReportHtml.esc(r[1]),
              label,
              y + 2,
              scale * v,
              row - 5,
              ReportHtml.colour(Integer.parseInt(r[0])),
              label + scale * v + 4,
              y + 12,
              ReportHtml.pct(v)));
    }
    h.append("</svg>\n");
  }
}
