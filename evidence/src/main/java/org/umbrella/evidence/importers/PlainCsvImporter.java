package org.umbrella.evidence.importers;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;

/**
 * A plain CSV with one column per canonical incident field (docs/importers.md): the format for
 * spreadsheets and for sources that have no importer of their own.
 *
 * <p>Required: id, time, lat, lon, kind. Optional: time_precision, place_precision, region, actor,
 * confidence, target, fatalities_low, fatalities_best, fatalities_high, sources ({@code
 * id|kind|group} items separated by {@code ;}, or bare ids), status, tags ({@code ;}-separated).
 */
public final class PlainCsvImporter extends CsvImporter {
  @Override
  public String name() {
    return "csv";
  }

  @Override
  List<String> prepare(Map<String, Integer> header) {
    requireColumns(header, "CSV", "id", "time", "lat", "lon", "kind");
    return List.of();
  }

  @Override
  Incident map(Row r) {
    String time = r.required("time");
    Instant t;
    try {
      t = time.length() == 10 ? SourceDates.startOfDay("time", time) : Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new RowException(
          "time is not an ISO-8601 instant or a YYYY-MM-DD date: '" + time + "'");
    }
    TimePrecision tp =
        r.get("time_precision").isEmpty()
            ? (time.length() == 10 ? TimePrecision.DAY : TimePrecision.EXACT)
            : TimePrecision.fromWire(r.get("time_precision"))
                .orElseThrow(
                    () ->
                        new RowException(
                            "time_precision must be exact, day, week, month or year, was '"
                                + r.get("time_precision")
                                + "'"));
    PlacePrecision pp =
        r.get("place_precision").isEmpty()
            ? PlacePrecision.EXACT
            : PlacePrecision.fromWire(r.get("place_precision"))
                .orElseThrow(
                    () ->
                        new RowException(
                            "place_precision must be exact, near, district, region or country, was '"
                                + r.get("place_precision")
                                + "'"));
    Kind kind =
        Kind.fromWire(r.required("kind"))
            .orElseThrow(
                () ->
                    new RowException(
                        "kind '" + r.get("kind") + "' is not one of " + Kind.allWireNames()));
    Actor actor =
        r.get("actor").isEmpty()
            ? Actor.UNATTRIBUTED
            : new Actor(
                r.get("actor"), r.get("confidence").isEmpty() ? 1.0 : r.decimal("confidence"));
    int best = r.get("fatalities_best").isEmpty() ? 0 : r.count("fatalities_best");
    Fatalities f =
        new Fatalities(
            r.get("fatalities_low").isEmpty() ? best : r.count("fatalities_low"),
            best,
            r.get("fatalities_high").isEmpty() ? best : r.count("fatalities_high"));
    List<IncidentSource> sources = new ArrayList<>();
    for (String item : r.get("sources").split(";", -1)) {
      if (item.isBlank()) {
        continue;
      }
      String[] parts = item.trim().split("\\|", -1);
      String sid = parts[0].trim();
      if (sid.isEmpty()) {
        throw new RowException("sources has an item without an id: '" + item + "'");
      }
      sources.add(
          new IncidentSource(
              sid,
              parts.length > 1 ? parts[1].trim() : "unspecified",
              parts.length > 2 ? parts[2].trim() : sid));
    }
    ReviewStatus status =
        r.get("status").isEmpty()
            ? ReviewStatus.REPORTED
            : ReviewStatus.fromWire(r.get("status"))
                .orElseThrow(
                    () ->
                        new RowException(
                            "status must be reported, corroborated, verified or rejected, was '"
                                + r.get("status")
                                + "'"));
    List<String> tags = new ArrayList<>();
    for (String tag : r.get("tags").split(";", -1)) {
      if (!tag.isBlank()) {
        tags.add(tag.trim());
      }
    }
    return new Incident(
        r.required("id"),
        t,
        tp,
        new IncidentPlace(r.decimal("lat"), r.decimal("lon"), pp, r.get("region")),
        kind,
        actor,
        r.get("target"),
        f,
        sources,
        status,
        tags);
  }
}
