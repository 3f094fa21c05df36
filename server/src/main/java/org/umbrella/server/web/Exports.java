package org.umbrella.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.Report;

/**
 * Reports as files for spreadsheets and GIS tools: CSV (RFC 4180) and GeoJSON (RFC 7946). Only what
 * the caller may read is ever passed in; this class only writes.
 */
public final class Exports {
  private Exports() {}

  /** The most reports one export holds; the response says when there were more. */
  public static final int MAX = 10_000;

  static final List<String> COLUMNS =
      List.of(
          "id",
          "time",
          "time_precision",
          "kind",
          "lat",
          "lon",
          "place_precision",
          "actor",
          "actor_confidence",
          "target",
          "fatalities_low",
          "fatalities_best",
          "fatalities_high",
          "independent_sources",
          "status",
          "summary");

  /** {@code reports} as CSV with a header row. */
  public static String csv(List<Report> reports) {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (Report r : reports) {
      List<Object> row =
          List.of(
              r.id(),
              r.time(),
              r.timePrecision().wireName(),
              r.kind().wireName(),
              r.lat(),
              r.lon(),
              r.placePrecision().wireName(),
              r.actorParty(),
              r.actorConfidence(),
              r.target(),
              r.fatalitiesLow(),
              r.fatalitiesBest(),
              r.fatalitiesHigh(),
              r.independentSources(),
              r.status().wireName(),
              r.summary());
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(cell(String.valueOf(row.get(i))));
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  /**
   * One CSV cell: quoted when it holds a comma, quote or line break; text a spreadsheet would run
   * as a formula (starting with = + - @, tab or carriage return) is prefixed with an apostrophe.
   */
  static String cell(String v) {
    String s = v;
    if (!s.isEmpty()
        && "=+-@\t\r".indexOf(s.charAt(0)) >= 0
        && !s.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /**
   * {@code reports} as a GeoJSON FeatureCollection of points (longitude first, as RFC 7946 has it).
   */
  public static String geoJson(List<Report> reports) {
    ObjectNode fc = Json.MAPPER.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Report r : reports) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", r.id());
      ObjectNode g = f.putObject("geometry");
      g.put("type", "Point");
      g.putArray("coordinates").add(r.lon()).add(r.lat());
      ObjectNode p = f.putObject("properties");
      p.put("time", r.time().toString());
      p.put("kind", r.kind().wireName());
      p.put("status", r.status().wireName());
      p.put("actor", r.actorParty());
      p.put("place-precision", r.placePrecision().wireName());
      p.put("fatalities-best", r.fatalitiesBest());
      p.put("summary", r.summary());
    }
    return fc.toString();
  }
}
