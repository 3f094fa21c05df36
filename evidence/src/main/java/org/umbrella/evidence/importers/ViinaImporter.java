package org.umbrella.evidence.importers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * VIINA 2.0 event CSV -> canonical incidents (mapping in docs/importers.md).
 *
 * <p>Labels are read from the binary {@code _b} columns ({@code a_rus_b}, {@code t_artillery_b})
 * or, when a file has only bare names, from {@code a_rus}, {@code t_artillery} holding 0/1. The
 * attribution's confidence is the model's predicted probability ({@code a_rus_pred}) when present.
 * A row with no violent tactic label is rejected with that reason.
 */
public final class ViinaImporter extends CsvImporter {
  /** Tactic labels in priority order (the most specific kind wins when several are set). */
  private static final List<Map.Entry<String, Kind>> TACTICS =
      List.of(
          Map.entry("t_airstrike", Kind.AIR_STRIKE),
          Map.entry("t_artillery", Kind.SHELLING),
          Map.entry("t_armor", Kind.GROUND_ASSAULT),
          Map.entry("t_raid", Kind.GROUND_ASSAULT),
          Map.entry("t_occupy", Kind.GROUND_ASSAULT),
          Map.entry("t_ied", Kind.MINE),
          Map.entry("t_firefight", Kind.ARMED_CLASH),
          Map.entry("t_hospital", Kind.VIOLENCE_AGAINST_CIVILIANS),
          Map.entry("t_control", Kind.STRATEGIC_DEVELOPMENT),
          Map.entry("t_arrest", Kind.STRATEGIC_DEVELOPMENT),
          Map.entry("t_aad", Kind.OTHER),
          Map.entry("t_property", Kind.OTHER),
          Map.entry("t_cyber", Kind.OTHER));

  @Override
  public String name() {
    return "viina";
  }

  @Override
  List<String> prepare(Map<String, Integer> header) {
    if (!header.containsKey("event_id") && !header.containsKey("event_id_1pd")) {
      throw new ImportFormatException(
          "VIINA input lacks an event id column (event_id or event_id_1pd); the header has "
              + String.join(", ", header.keySet()));
    }
    requireColumns(header, "VIINA", "date", "latitude", "longitude");
    boolean anyTactic =
        TACTICS.stream()
            .anyMatch(t -> header.containsKey(t.getKey() + "_b") || header.containsKey(t.getKey()));
    if (!anyTactic) {
      throw new ImportFormatException(
          "VIINA input has no tactic label columns (t_artillery_b, t_airstrike_b, ...)");
    }
    List<String> notes = new ArrayList<>();
    if (!header.containsKey("a_rus_pred") && !header.containsKey("a_ukr_pred")) {
      notes.add(
          "VIINA: no a_*_pred columns; attributions from the binary a_rus/a_ukr flags carry confidence 0.9");
    }
    if (!header.containsKey("n_reports")) {
      notes.add("VIINA: column n_reports is absent; each row counts as one report");
    }
    notes.add(
        "VIINA: dates are report dates (YYYYMMDD), taken as the event day with precision 'day'");
    return notes;
  }

  private static boolean label(Row r, String name) {
    return r.has(name + "_b") ? r.flag(name + "_b") : r.has(name) && r.flag(name);
  }

  @Override
  Incident map(Row r) {
    String rawId =
        r.has("event_id_1pd") && !r.get("event_id_1pd").isEmpty()
            ? r.get("event_id_1pd")
            : r.required("event_id");
    String id = "viina:" + rawId;
    Kind kind = null;
    List<String> tags = new ArrayList<>();
    for (Map.Entry<String, Kind> t : TACTICS) {
      if (label(r, t.getKey())) {
        tags.add("viina:" + t.getKey());
        if (kind == null) {
          kind = t.getValue();
        }
      }
    }
    if (kind == null) {
      throw new RowException(
          "no tactic label (t_*) is set; not a violent event this importer can map");
    }
    boolean rus = label(r, "a_rus");
    boolean ukr = label(r, "a_ukr");
    Actor actor = Actor.UNATTRIBUTED;
    if (rus && !ukr) {
      actor = new Actor("RU", confidence(r, "a_rus_pred"));
    } else if (ukr && !rus) {
      actor = new Actor("UA", confidence(r, "a_ukr_pred"));
    } else if (rus) {
      tags.add("viina:both_sides_flagged");
    }
    PlacePrecision pp =
        switch (r.get("GEO_PRECISION").toUpperCase(Locale.ROOT)) {
          case "STREET", "HOUSE", "ADDRESS", "EXACT" -> PlacePrecision.EXACT;
          case "", "LOCALITY", "PPL", "CITY", "TOWN", "VILLAGE" -> PlacePrecision.NEAR;
          case "ADM3", "ADM2", "DISTRICT", "AREA" -> PlacePrecision.DISTRICT;
          case "ADM1", "PROVINCE" -> PlacePrecision.REGION;
          case "COUNTRY" -> PlacePrecision.COUNTRY;
          default -> PlacePrecision.NEAR;
        };
    int reports =
        r.has("n_reports") && !r.get("n_reports").isEmpty() ? Math.max(1, r.count("n_reports")) : 1;
    tags.add("viina:n_reports=" + reports);
    Set<String> outlets = new LinkedHashSet<>();
    for (String s : r.get("source").split("[;,|]", -1)) {
      if (!s.isBlank()) {
        outlets.add(s.trim());
      }
    }
    List<IncidentSource> sources = new ArrayList<>();
    if (outlets.isEmpty()) {
      sources.add(new IncidentSource(id, "media", id));
    }
    for (String outlet : outlets) {
      sources.add(new IncidentSource(id + "/" + outlet, "media", outlet));
    }
    String target = label(r, "t_civcas") || label(r, "t_hospital") ? "civilian" : "";
    return new Incident(
        id,
        SourceDates.startOfDay("date", r.required("date")),
        TimePrecision.DAY,
        new IncidentPlace(r.decimal("latitude"), r.decimal("longitude"), pp, r.get("ADM1_NAME")),
        kind,
        actor,
        target,
        Fatalities.NONE_REPORTED,
        sources,
        ReviewStatus.REPORTED,
        tags);
  }

  private static double confidence(Row r, String predColumn) {
    if (r.has(predColumn) && !r.get(predColumn).isEmpty()) {
      double p = r.decimal(predColumn);
      if (p < 0 || p > 1) {
        throw new RowException(predColumn + " must be a probability within [0, 1], was " + p);
      }
      return p;
    }
    return 0.9;
  }
}
