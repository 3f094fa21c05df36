package org.umbrella.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link StressReport} as one self-contained, printable HTML page: tables and plots drawn
 * as inline SVG (no script, no external file), so it opens offline and prints as it shows. Like
 * report.json it holds nothing that depends on the machine or the time of the run.
 */
public final class ReportHtml {
  private ReportHtml() {}

  private static final String[] COLOURS = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"
  };

  /** The page's text. */
  public static String write(StressReport report) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Guarantee design stress test</title>\n<style>\n")
        .append(
            "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}")
        .append(
            "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}")
        .append(
            "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}.note{color:#555;font-size:.92em}")
        .append("svg{display:block;margin:.5em 0}svg text{font:11px sans-serif}")
        .append(
            "@media print{body{margin:0;max-width:none}h2{break-after:avoid}svg,table{break-inside:avoid}}\n</style></head><body>\n");
    Settings s = report.settings();
    h.append("<h1>Guarantee design stress test</h1>\n<p>")
        .append(report.designs().size())
        .append(" design(s) over the same events");
    if (s.samples() > 0) {
      h.append("; ")
          .append(s.samples())
          .append(" samples per design under the evidence's uncertainty (seed ")
          .append(s.seed())
          .append("; attribution, place, fatalities redrawn; a source dropped with probability ")
          .append(num(s.uncertainty().sourceDrop()))
          .append(")");
    } else {
      h.append(", as recorded (no sampling)");
    }
    h.append(
        ".</p>\n<p class=\"note\">Counts \"as recorded\" equal <code>umbrella replay</code> of each design over the same events."
            + " A probability is the share of samples in which the outcome happened, with a 95% interval of about &plusmn;2 standard errors"
            + " (&radic;(p(1&minus;p)/n)). It measures how robust the outcome is to the recorded uncertainty of these events, not how likely"
            + " the outcome is in the world: events missing from the dataset are not drawn. See docs/stress-test.md.</p>\n");
    designTable(h, report);
    h.append(
        "<h2>Confirmed findings over time</h2>\n<p class=\"note\">Cumulative confirmed findings (all definitions) by month of"
            + " record time, as recorded; a dot marks a guarantee's first trigger.</p>\n");
    timeline(h, report);
    if (s.samples() > 0) {
      h.append(
          "<h2>Probabilities under uncertainty</h2>\n<p class=\"note\">Bars: share of samples; whiskers: &plusmn;1.96 standard"
              + " errors; a tick marks the run as recorded (0 or 1).</p>\n");
      probabilities(h, report);
      if (s.sensitivity()) {
        h.append(
            "<h2>Sensitivity</h2>\n<p class=\"note\">For each source of uncertainty redrawn alone: the largest change of any"
                + " probability above, or of a finding's mean count relative to the larger, from the run as recorded. The longest bar is what the outcome is most sensitive to.</p>\n");
        sensitivity(h, report);
      }
    }
    h.append(
        "<h2>Outcomes by design</h2>\n<p class=\"note\">Each row a design (a file, or a point of a sweep), each column an"
            + " outcome; the shade is the probability under uncertainty, or, without samples, whether it happened as recorded. The number"
            + " is that probability, or the count as recorded.</p>\n");
    heatmap(h, report);
    if (!report.parameterSensitivity().isEmpty()) {
      h.append(
          "<h2>Which parameter matters</h2>\n<p class=\"note\">For each swept parameter: the largest change of any outcome"
              + " above between a point of the sweep and the design it varies. The longest bar is the parameter the outcome is most"
              + " sensitive to, over the values tried.</p>\n");
      List<String[]> rows = new ArrayList<>();
      report
          .parameterSensitivity()
          .forEach((k, v) -> rows.add(new String[] {"0", k, Double.toString(v)}));
      bars(h, rows, "parameter sensitivity");
    }
    h.append(
        "<h2>Where the triggering incidents were</h2>\n<p class=\"note\">Incidents behind confirmed findings that triggered a"
            + " guarantee, as recorded (longitude/latitude, equirectangular; up to 5,000 per design).</p>\n");
    map(h, report);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void designTable(StringBuilder h, StressReport report) {
    boolean sampled = report.settings().samples() > 0;
    for (int i = 0; i < report.designs().size(); i++) {
      StressReport.DesignResult d = report.designs().get(i);
      Outcome o = d.asRecorded();
      h.append("<h2><span style=\"color:")
          .append(colour(i))
          .append("\">&#9632;</span> ")
          .append(esc(d.name()))
          .append(" <small>")
          .append(esc(d.agreement()))
          .append(", ")
          .append(o.inputs())
          .append(" records</small></h2>\n");
      h.append(
          "<table><tr><th>finding</th><th>raised</th><th>confirmed</th><th>first confirmed</th><th>days from first incident</th>");
      if (sampled) {
        h.append("<th>P(&ge;1 confirmed)</th><th>mean confirmed</th>");
      }
      h.append("</tr>\n");
      o.findings()
          .forEach(
              (def, c) -> {
                h.append("<tr><td>")
                    .append(esc(def))
                    .append("</td><td>")
                    .append(c.raised())
                    .append("</td><td>")
                    .append(c.confirmed())
                    .append("</td><td>")
                    .append(
                        c.firstConfirmed()
                            .map(t -> t.toString().substring(0, 10))
                            .orElse("&ndash;"))
                    .append("</td><td>")
                    .append(c.firstLagDays().map(ReportHtml::num).orElse("&ndash;"))
                    .append("</td>");
                d.sampled()
                    .ifPresent(
                        x ->
                            h.append("<td>")
                                .append(pct(x.findingConfirmed().get(def)))
                                .append("</td><td>")
                                .append(num(x.meanConfirmed().get(def)))
                                .append("</td>"));
                h.append("</tr>\n");
              });
      h.append("</table>\n");
      if (!o.guarantees().isEmpty()) {
        h.append(
            "<table><tr><th>guarantee</th><th>first triggered</th><th>days from first incident</th><th>calls on guarantors</th>"
                + "<th>void</th>");
        if (sampled) {
          h.append("<th>P(triggered)</th><th>P(void)</th><th>median days to trigger</th>");
        }
        h.append("</tr>\n");
        o.guarantees()
            .forEach(
                (g, c) -> {
                  h.append("<tr><td>")
                      .append(esc(g))
                      .append("</td><td>")
                      .append(
                          c.firstTriggered().map(t -> t.toString().substring(0, 10)).orElse("no"))
                      .append("</td><td>")
                      .append(c.firstLagDays().map(ReportHtml::num).orElse("&ndash;"))
                      .append("</td><td>")
                      .append(c.triggerFindings())
                      .append("</td><td>")
                      .append(
                          c.voided()
                              ? esc(
                                  c.voidedAt().map(t -> t.toString().substring(0, 10)).orElse("")
                                      + ": "
                                      + c.voidCause().orElse(""))
                              : "no")
                      .append("</td>");
                  d.sampled()
                      .ifPresent(
                          x ->
                              h.append("<td>")
                                  .append(pct(x.guaranteeTriggered().get(g)))
                                  .append("</td><td>")
                                  .append(pct(x.guaranteeVoided().get(g)))
                                  .append("</td><td>")
                                  .append(
                                      x.medianTriggerLagDays().containsKey(g)
                                          ? num(x.medianTriggerLagDays().get(g))
                                          : "&ndash;")
                                  .append("</td>"));
                  h.append("</tr>\n");
                });
        h.append("</table>\n");
      }
      if (!o.obligations().isEmpty()) {
        h.append("<table><tr><th>duty bearer</th><th>obligations by last status</th>")
            .append(sampled ? "<th>P(any breached)</th>" : "")
            .append("</tr>\n");
        o.obligations()
            .forEach(
                (p, m) ->
                    h.append("<tr><td>")
                        .append(esc(p))
                        .append("</td><td>")
                        .append(esc(m.toString()))
                        .append("</td>")
                        .append(
                            d.sampled()
                                .map(x -> "<td>" + pct(x.partyBreached().get(p)) + "</td>")
                                .orElse(""))
                        .append("</tr>\n"));
        h.append("</table>\n");
      }
      List<String> duties = new ArrayList<>();
      o.guarantees()
          .forEach(
              (g, c) ->
                  c.duties()
                      .forEach((k, n) -> duties.add(g + " &rarr; " + esc(k) + " &times;" + n)));
      if (!duties.isEmpty()) {
        h.append("<p class=\"note\">Duties that fell on guarantors: ")
            .append(String.join("; ", new TreeSet<>(duties)))
            .append("</p>\n");
      }
    }
  }

  private static void timeline(StringBuilder h, StressReport report) {
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
          .append(colour(d))
          .append("\" points=\"")
          .append(pts.toString().trim())
          .append("\"><title>")
          .append(esc(report.designs().get(d).name()))
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
                  colour(d)));
        }
      }
    }
    h.append("</svg>\n");
    legend(h, report);
  }

  private static void legend(StringBuilder h, StressReport report) {
    h.append("<p class=\"note\">");
    for (int d = 0; d < report.designs().size(); d++) {
      h.append("<span style=\"color:")
          .append(colour(d))
          .append("\">&#9632;</span> ")
          .append(esc(label(report.designs().get(d))))
          .append(" &nbsp; ");
    }
    h.append("</p>\n");
  }

  private static void probabilities(StringBuilder h, StressReport report) {
    record Bar(String label, int design, double p, double recorded) {}
    List<Bar> bars = new ArrayList<>();
    for (int d = 0; d < report.designs().size(); d++) {
      StressReport.DesignResult r = report.designs().get(d);
      StressReport.Sampled s = r.sampled().orElseThrow();
      for (String g : s.guaranteeTriggered().keySet()) {
        bars.add(
            new Bar(
                label(r) + ": " + g + " triggered",
                d,
                orZero(s.guaranteeTriggered().get(g)),
                r.asRecorded().guarantee(g).firstTriggered().isPresent() ? 1 : 0));
        bars.add(
            new Bar(
                label(r) + ": " + g + " void",
                d,
                orZero(s.guaranteeVoided().get(g)),
                r.asRecorded().guarantee(g).voided() ? 1 : 0));
      }
      for (String f : s.findingConfirmed().keySet()) {
        bars.add(
            new Bar(
                label(r) + ": " + f + " confirmed",
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
              esc(trim(b.label(), 70))));
      h.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.75\"><title>%s</title></rect>",
              label,
              y + 2,
              scale * b.p(),
              row - 5,
              colour(b.design()),
              pct(b.p())));
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

  private static void sensitivity(StringBuilder h, StressReport report) {
    List<String[]> rows = new ArrayList<>();
    for (int d = 0; d < report.designs().size(); d++) {
      StressReport.DesignResult r = report.designs().get(d);
      for (Map.Entry<String, Double> e : r.sampled().orElseThrow().sensitivity().entrySet()) {
        rows.add(
            new String[] {
              Integer.toString(d), label(r) + ": " + e.getKey(), Double.toString(e.getValue())
            });
      }
    }
    bars(h, rows, "sensitivity");
  }

  private static void heatmap(StringBuilder h, StressReport report) {
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
              esc(trim(text, 30))));
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
              esc(trim(label(d), 90))));
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
          text = pct(value).replace("&ndash;", "-");
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
  private static String shade(double v) {
    int r = (int) Math.round(255 - v * (255 - 165));
    int gb = (int) Math.round(255 - v * 240);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, gb, gb);
  }

  private static void bars(StringBuilder h, List<String[]> rows, String aria) {
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
              esc(r[1]),
              label,
              y + 2,
              scale * v,
              row - 5,
              colour(Integer.parseInt(r[0])),
              label + scale * v + 4,
              y + 12,
              pct(v)));
    }
    h.append("</svg>\n");
  }

  private static void map(StringBuilder h, StressReport report) {
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
                colour(d)));
      }
      h.append('\n');
    }
    h.append("</svg>\n");
    legend(h, report);
  }

  /**
   * A design's name for labels: a swept design by its values under their last key (the full path is
   * in report.json).
   */
  static String label(StressReport.DesignResult d) {
    return d.point()
        .map(
            p ->
                p.base()
                    + " ["
                    + String.join(
                        ", ",
                        p.values().entrySet().stream()
                            .map(
                                e ->
                                    e.getKey().substring(e.getKey().lastIndexOf('.') + 1)
                                        + "="
                                        + e.getValue())
                            .toList())
                    + "]")
        .orElse(d.name());
  }

  private static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  // A design's sampled shares cover the same keys as its recorded outcome; a missing one is drawn
  // as 0.
  private static double orZero(@Nullable Double p) {
    return p == null ? 0 : p;
  }

  private static String pct(@Nullable Double p) {
    return p == null ? "&ndash;" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  private static String num(@Nullable Double v) {
    return v == null ? "&ndash;" : num(v.doubleValue());
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String trim(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
