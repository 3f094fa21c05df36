package org.umbrella.cli.negotiate;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.DraftScore;
import org.umbrella.negotiation.analysis.Point;
import org.umbrella.negotiation.analysis.Solution;

/** SVG plots of utility space: two parties at a time, or parallel coordinates for all. */
final class SvgPlot {
  private static final int W = 640;
  private static final int H = 520;
  private static final int M = 60;
  private static final String[] DRAFT_COLOURS = {
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"
  };

  private SvgPlot() {}

  /**
   * Frontier (acceptable: dark; red-line-feasible only: light), drafts, Nash, reservations, for
   * parties x and y.
   */
  static String scatter(
      NegotiationModel m,
      Analysis a,
      List<Point> feasibleFrontier,
      List<DraftScore> drafts,
      int x,
      int y) {
    StringBuilder b = header(m.id() + ": " + m.partyIds().get(x) + " vs " + m.partyIds().get(y));
    axis(b, m.partyIds().get(x), m.partyIds().get(y));
    double rx = a.reservation()[x];
    double ry = a.reservation()[y];
    b.append(line(px(rx), py(0), px(rx), py(1), "#999", "4 3"))
        .append(line(px(0), py(ry), px(1), py(ry), "#999", "4 3"));
    b.append(
        text(px(rx) + 4, py(1) + 12, "reservation " + m.partyIds().get(x), 10, "#666", "start"));
    b.append(text(px(1) - 4, py(ry) - 4, "reservation " + m.partyIds().get(y), 10, "#666", "end"));
    for (Point p : feasibleFrontier) {
      b.append(circle(px(p.utility(x)), py(p.utility(y)), 1.5, "#c7c7c7"));
    }
    for (Point p : a.frontier()) {
      b.append(circle(px(p.utility(x)), py(p.utility(y)), 2, "#555"));
    }
    a.solution(Solution.Concept.NASH)
        .ifPresent(
            n -> {
              double cx = px(n.point().utility(x));
              double cy = py(n.point().utility(y));
              b.append(
                  String.format(
                      Locale.ROOT,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"#ff7f0e\" transform=\"rotate(45 %.1f %.1f)\"/>%n",
                      cx - 5,
                      cy - 5,
                      cx,
                      cy));
              b.append(text(cx + 8, cy - 8, "Nash", 11, "#ff7f0e", "start"));
            });
    for (int i = 0; i < drafts.size(); i++) {
      DraftScore d = drafts.get(i);
      String c = DRAFT_COLOURS[i % DRAFT_COLOURS.length];
      double cx = px(d.utilities()[x]);
      double cy = py(d.utilities()[y]);
      b.append(circle(cx, cy, 6, c))
          .append(
              text(
                  cx + 9,
                  cy + 4,
                  d.draft().id() + (d.acceptableToAll() ? "" : " (not acceptable to all)"),
                  11,
                  c,
                  "start"));
    }
    legend(b);
    return b.append("</svg>\n").toString();
  }

  /**
   * Parallel coordinates: one axis per party; frontier packages grey, drafts coloured, Nash orange.
   */
  static String parallel(NegotiationModel m, Analysis a, List<DraftScore> drafts) {
    int n = m.partyIds().size();
    StringBuilder b = header(m.id() + ": acceptable frontier and drafts, every party");
    double step = (W - 2.0 * M) / Math.max(1, n - 1);
    for (int p = 0; p < n; p++) {
      double ax = M + p * step;
      b.append(line(ax, py(0), ax, py(1), "#333", null))
          .append(text(ax, py(0) + 18, m.partyIds().get(p), 12, "#000", "middle"));
      b.append(text(ax - 4, py(1) + 4, "1", 9, "#666", "end"))
          .append(text(ax - 4, py(0) + 4, "0", 9, "#666", "end"));
      double r = a.reservation()[p];
      b.append(line(ax - 6, py(r), ax + 6, py(r), "#999", null));
    }
    List<Point> shown = a.frontier().size() > 2000 ? a.frontier().subList(0, 2000) : a.frontier();
    for (Point pt : shown) {
      b.append(poly(pt.utilities(), step, "#bbbbbb", 0.5));
    }
    a.solution(Solution.Concept.NASH)
        .ifPresent(s -> b.append(poly(s.point().utilities(), step, "#ff7f0e", 2.5)));
    for (int i = 0; i < drafts.size(); i++) {
      String c = DRAFT_COLOURS[i % DRAFT_COLOURS.length];
      b.append(poly(drafts.get(i).utilities(), step, c, 2));
      b.append(text(W - M + 4, 50 + 14 * i, drafts.get(i).draft().id(), 11, c, "start"));
    }
    b.append(text(W - M + 4, 50 + 14 * drafts.size(), "Nash", 11, "#ff7f0e", "start"));
    if (a.frontier().size() > shown.size()) {
      b.append(
          text(
              M,
              H - 8,
              "showing the first "
                  + shown.size()
                  + " of "
                  + a.frontier().size()
                  + " frontier packages",
              10,
              "#666",
              "start"));
    }
    return b.append("</svg>\n").toString();
  }

  private static String poly(double[] u, double step, String colour, double width) {
    StringBuilder pts = new StringBuilder();
    for (int p = 0; p < u.length; p++) {
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", M + p * step, py(u[p])));
    }
    return String.format(
        Locale.ROOT,
        "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
        pts.toString().trim(),
        colour,
        width);
  }

  private static StringBuilder header(String title) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
            W + 160,
            H,
            W + 160,
            H));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(text(M, 24, title, 14, "#000", "start"));
    return b;
  }

  private static void axis(StringBuilder b, String xl, String yl) {
    b.append(line(px(0), py(0), px(1), py(0), "#000", null))
        .append(line(px(0), py(0), px(0), py(1), "#000", null));
    for (int i = 0; i <= 10; i += 2) {
      double v = i / 10.0;
      b.append(
          text(px(v), py(0) + 16, String.format(Locale.ROOT, "%.1f", v), 10, "#333", "middle"));
      b.append(
          text(px(0) - 6, py(v) + 4, String.format(Locale.ROOT, "%.1f", v), 10, "#333", "end"));
    }
    b.append(text(px(0.5), py(0) + 36, "utility of " + xl, 12, "#000", "middle"));
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 %d %.1f)\">utility of %s</text>%n",
            18,
            py(0.5),
            18,
            py(0.5),
            esc(yl)));
  }

  private static void legend(StringBuilder b) {
    int lx = W + 10;
    b.append(circle(lx, 60, 2, "#555"))
        .append(text(lx + 8, 64, "acceptable frontier", 11, "#333", "start"));
    b.append(circle(lx, 78, 1.5, "#c7c7c7"))
        .append(text(lx + 8, 82, "red-line frontier", 11, "#333", "start"));
  }

  private static double px(double u) {
    return M + u * (W - 2.0 * M);
  }

  private static double py(double u) {
    return H - M - u * (H - 2.0 * M);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String colour, @Nullable String dash) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
        x1,
        y1,
        x2,
        y2,
        colour,
        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
  }

  private static String circle(double x, double y, double r, String colour) {
    return String.format(
        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", x, y, r, colour);
  }

  private static String text(double x, double y, String s, int size, String colour, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s</text>%n",
        x,
        y,
        size,
        colour,
        anchor,
        esc(s));
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
