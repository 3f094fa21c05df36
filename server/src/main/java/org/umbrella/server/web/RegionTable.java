package org.umbrella.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.umbrella.server.ops.Report;

/**
 * The daily report's per-region table: incidents in each region (the region of the nearest
 * settlement) in this period and the previous one, largest now first.
 *
 * @param rows one row per region with incidents in either period
 */
public record RegionTable(List<Row> rows) {
  /** A region's counts. */
  public record Row(String region, int now, int before) {
    /** "+3", "-1", "0". */
    public String change() {
      int d = now - before;
      return d > 0 ? "+" + d : Integer.toString(d);
    }
  }

  public RegionTable {
    rows = List.copyOf(rows);
  }

  /** Counts {@code now} and {@code before} by the region {@code places} puts each report in. */
  static RegionTable of(List<Report> now, List<Report> before, Gazetteer places) {
    Map<String, int[]> counts = new TreeMap<>();
    for (Report r : now) {
      counts.computeIfAbsent(region(r, places), k -> new int[2])[0]++;
    }
    for (Report r : before) {
      counts.computeIfAbsent(region(r, places), k -> new int[2])[1]++;
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((k, v) -> rows.add(new Row(k, v[0], v[1])));
    rows.sort(
        (a, b) ->
            a.now() != b.now()
                ? Integer.compare(b.now(), a.now())
                : a.region().compareTo(b.region()));
    return new RegionTable(rows);
  }

  private static String region(Report r, Gazetteer places) {
    return places
        .nearest(r.lat(), r.lon())
        .map(p -> p.settlement().region())
        .filter(x -> !x.isEmpty())
        .orElse("unknown");
  }

  /** The totals of both periods. */
  public int[] totals() {
    return new int[] {
      rows.stream().mapToInt(Row::now).sum(), rows.stream().mapToInt(Row::before).sum()
    };
  }
}
