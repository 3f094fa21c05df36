package org.umbrella.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    ReportCharts.timeline(h, report);
    if (s.samples() > 0) {
      h.append(
          "<h2>Probabilities under uncertainty</h2>\n<p class=\"note\">Bars: share of samples; whiskers: &plusmn;1.96 standard"
              + " errors; a tick marks the run as recorded (0 or 1).</p>\n");
      ReportCharts.probabilities(h, report);
      if (s.sensitivity()) {
        h.append(
            "<h2>Sensitivity</h2>\n<p class=\"note\">For each source of uncertainty redrawn alone: the largest change of any"
                + " probability above, or of a finding's mean count relative to the larger, from the run as recorded. The longest bar is what the outcome is most sensitive to.</p>\n");
        ReportCharts.sensitivity(h, report);
      }
    }
    h.append(
        "<h2>Outcomes by design</h2>\n<p class=\"note\">Each row a design (a file, or a point of a sweep), each column an"
            + " outcome; the shade is the probability under uncertainty, or, without samples, whether it happened as recorded. The number"
            + " is that probability, or the count as recorded.</p>\n");
    ReportHeatmaps.heatmap(h, report);
    if (!report.parameterSensitivity().isEmpty()) {
      h.append(
          "<h2>Which parameter matters</h2>\n<p class=\"note\">For each swept parameter: the largest change of any outcome"
              + " above between a point of the sweep and the design it varies. The longest bar is the parameter the outcome is most"
              + " sensitive to, over the values tried.</p>\n");
      List<String[]> rows = new ArrayList<>();
      report
          .parameterSensitivity()
          .forEach((k, v) -> rows.add(new String[] {"0", k, Double.toString(v)}));
      ReportCharts.bars(h, rows, "parameter sensitivity");
    }
    h.append(
        "<h2>Where the triggering incidents were</h2>\n<p class=\"note\">Incidents behind confirmed findings that triggered a"
            + " guarantee, as recorded (longitude/latitude, equirectangular; up to 5,000 per design).</p>\n");
    ReportHeatmaps.map(h, report);
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

  static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  // A design's sampled shares cover the same keys as its recorded outcome; a missing one is drawn
  // as 0.
  static double orZero(@Nullable Double p) {
    return p == null ? 0 : p;
  }

  static String pct(@Nullable Double p) {
    return p == null ? "&ndash;" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  static String num(@Nullable Double v) {
    return v == null ? "&ndash;" : num(v.doubleValue());
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  static String trim(String s, int n) {
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
