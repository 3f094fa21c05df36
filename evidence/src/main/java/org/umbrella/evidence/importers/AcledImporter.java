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
 * ACLED CSV export -> canonical incidents (mapping in docs/importers.md).
 *
 * <p>Required columns: event_id_cnty, event_date, event_type, sub_event_type, latitude, longitude,
 * fatalities. Optional: time_precision, geo_precision, actor1/2, inter1/2, admin1, source, notes.
 * Inter codes are read in both the numeric (1-8) and the text form of newer exports.
 */
public final class AcledImporter extends CsvImporter {
  private final PartyNames parties;

  public AcledImporter(PartyNames parties) {
    this.parties = parties;
  }

  @Override
  public String name() {
    return "acled";
  }

  @Override
  List<String> prepare(Map<String, Integer> header) {
    requireColumns(
        header,
        "ACLED",
        "event_id_cnty",
        "event_date",
        "event_type",
        "sub_event_type",
        "latitude",
        "longitude",
        "fatalities");
    List<String> notes = new ArrayList<>();
    if (!header.containsKey("time_precision")) {
      notes.add(
          "ACLED: column time_precision is absent; time precision defaults to 'day' (ACLED's 1)");
    }
    if (!header.containsKey("geo_precision")) {
      notes.add(
          "ACLED: column geo_precision is absent; place precision defaults to 'near' (ACLED's 2)");
    }
    if (!header.containsKey("source")) {
      notes.add("ACLED: column source is absent; each event counts as one source");
    }
    return notes;
  }

  @Override
  Incident map(Row r) {
    String id = "acled:" + r.required("event_id_cnty");
    String eventType = r.required("event_type");
    String sub = r.required("sub_event_type");
    String notes = r.get("notes").toLowerCase(Locale.ROOT);
    Kind kind = kind(eventType, sub, notes);
    TimePrecision tp =
        switch (r.get("time_precision")) {
          case "", "1" -> TimePrecision.DAY;
          case "2" -> TimePrecision.WEEK;
          case "3" -> TimePrecision.MONTH;
          default ->
              throw new RowException(
                  "time_precision must be 1, 2 or 3, was '" + r.get("time_precision") + "'");
        };
    PlacePrecision pp =
        switch (r.get("geo_precision")) {
          case "1" -> PlacePrecision.EXACT;
          case "", "2" -> PlacePrecision.NEAR;
          case "3" -> PlacePrecision.REGION;
          default ->
              throw new RowException(
                  "geo_precision must be 1, 2 or 3, was '" + r.get("geo_precision") + "'");
        };
    int fatalities = r.count("fatalities");
    String actor1 = r.get("actor1");
    String actor2 = r.get("actor2");
    String inter1 = inter("inter1", r.get("inter1"));
    String inter2 = inter("inter2", r.get("inter2"));
    // In battles ACLED's actor1 and actor2 carry no direction; elsewhere actor1 is the one acting.
    double confidence = eventType.equalsIgnoreCase("Battles") ? 0.5 : 1.0;
    Actor actor =
        parties.party(actor1).map(p -> new Actor(p, confidence)).orElse(Actor.UNATTRIBUTED);
    String target =
        kind == Kind.VIOLENCE_AGAINST_CIVILIANS || inter2.equals("civilians")
            ? "civilian"
            : inter2.equals("state_forces")
                    || inter2.equals("rebel_groups")
                    || inter2.equals("political_militias")
                    || inter2.equals("identity_militias")
                    || inter2.equals("external_forces")
                ? "military"
                : "";
    List<IncidentSource> sources = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String s : r.get("source").split(";", -1)) {
      if (!s.isBlank()) {
        names.add(s.trim());
      }
    }
    if (names.isEmpty()) {
      sources.add(new IncidentSource(id, "dataset", "acled"));
    }
    for (String name : names) {
      sources.add(new IncidentSource(id + "/" + name, "media", name));
    }
    List<String> tags = new ArrayList<>();
    tags.add("acled:event_type=" + eventType);
    tags.add("acled:sub_event_type=" + sub);
    if (!actor1.isEmpty()) {
      tags.add("acled:actor1=" + actor1);
    }
    if (!actor2.isEmpty()) {
      tags.add("acled:actor2=" + actor2);
    }
    if (!inter1.isEmpty()) {
      tags.add("acled:inter1=" + inter1);
    }
    if (!inter2.isEmpty()) {
      tags.add("acled:inter2=" + inter2);
    }
    return new Incident(
        id,
        SourceDates.startOfDay("event_date", r.required("event_date")),
        tp,
        new IncidentPlace(r.decimal("latitude"), r.decimal("longitude"), pp, r.get("admin1")),
        kind,
        actor,
        target,
        new Fatalities(fatalities, fatalities, fatalities),
        sources,
        ReviewStatus.CORROBORATED,
        tags);
  }

  /** ACLED event and sub-event types -> kinds; notes refine strikes into missile or drone. */
  static Kind kind(String eventType, String sub, String notes) {
    String e = eventType.toLowerCase(Locale.ROOT);
    String s = sub.toLowerCase(Locale.ROOT);
    return switch (e) {
      case "battles" ->
          switch (s) {
            case "armed clash" -> Kind.ARMED_CLASH;
            case "government regains territory", "non-state actor overtakes territory" ->
                Kind.GROUND_ASSAULT;
            default ->
                throw new RowException(
                    "unknown sub_event_type '" + sub + "' for event_type 'Battles'");
          };
      case "explosions/remote violence" ->
          switch (s) {
            case "shelling/artillery/missile attack" ->
                notes.contains("missile") ? Kind.MISSILE_STRIKE : Kind.SHELLING;
            case "air/drone strike" ->
                notes.contains("drone") || notes.contains("uav") || notes.contains("shahed")
                    ? Kind.DRONE_STRIKE
                    : Kind.AIR_STRIKE;
            case "remote explosive/landmine/ied" -> Kind.MINE;
            case "grenade" -> Kind.SMALL_ARMS;
            case "suicide bomb" -> Kind.SABOTAGE;
            case "chemical weapon" -> Kind.OTHER;
            default ->
                throw new RowException(
                    "unknown sub_event_type '"
                        + sub
                        + "' for event_type 'Explosions/Remote violence'");
          };
      case "violence against civilians" -> Kind.VIOLENCE_AGAINST_CIVILIANS;
      case "protests" -> Kind.PROTEST;
      case "riots" -> Kind.RIOT;
      case "strategic developments" -> Kind.STRATEGIC_DEVELOPMENT;
      default -> throw new RowException("unknown event_type '" + eventType + "'");
    };
  }

  /** Numeric (1-8) or text inter codes -> a stable snake_case name; "" when empty. */
  static String inter(String column, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "" -> "";
      case "1", "state forces" -> "state_forces";
      case "2", "rebel groups", "rebel group" -> "rebel_groups";
      case "3", "political militias", "political militia" -> "political_militias";
      case "4", "identity militias", "identity militia" -> "identity_militias";
      case "5", "rioters" -> "rioters";
      case "6", "protesters" -> "protesters";
      case "7", "civilians" -> "civilians";
      case "8", "external/other forces" -> "external_forces";
      case "0" -> "";
      default ->
          throw new RowException(
              column + " is not an ACLED inter code (1-8 or its name): '" + v + "'");
    };
  }
}
