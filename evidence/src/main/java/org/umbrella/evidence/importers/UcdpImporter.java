package org.umbrella.evidence.importers;

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
 * UCDP Georeferenced Event Dataset (GED) CSV -> canonical incidents (mapping in docs/importers.md).
 *
 * <p>Required columns: id, date_start, type_of_violence, latitude, longitude, best. Optional ones
 * (low, high, where_prec, date_prec, event_clarity, number_of_sources, side_a, side_b, adm_1) are
 * defaulted when absent, and each default is stated once in {@link ImportStream#notes()}.
 */
public final class UcdpImporter extends CsvImporter {
  private final PartyNames parties;

  public UcdpImporter(PartyNames parties) {
    this.parties = parties;
  }

  @Override
  public String name() {
    return "ucdp";
  }

  @Override
  List<String> prepare(Map<String, Integer> header) {
    requireColumns(
        header,
        "UCDP GED",
        "id",
        "date_start",
        "type_of_violence",
        "latitude",
        "longitude",
        "best");
    List<String> notes = new ArrayList<>();
    if (!header.containsKey("where_prec")) {
      notes.add(
          "UCDP: column where_prec is absent; place precision defaults to 'near' (GED's 2, within 25 km),"
              + " and to 'country' for rows with an empty adm_1 (GED places those at the country centroid)");
    }
    if (!header.containsKey("date_prec")) {
      notes.add("UCDP: column date_prec is absent; time precision defaults to 'day' (GED's 1)");
    }
    if (!header.containsKey("event_clarity")) {
      notes.add(
          "UCDP: column event_clarity is absent; every event is taken as clear (status 'verified')");
    }
    if (!header.containsKey("number_of_sources")) {
      notes.add(
          "UCDP: column number_of_sources is absent; each event counts as one independent source");
    }
    if (!header.containsKey("low") || !header.containsKey("high")) {
      notes.add("UCDP: column low or high is absent; the missing estimate defaults to best");
    }
    return notes;
  }

  @Override
  Incident map(Row r) {
    String gedId = r.required("id");
    String id = "ucdp-ged:" + gedId;
    int tov = r.count("type_of_violence");
    Kind kind =
        switch (tov) {
          case 1, 2 -> Kind.ARMED_CLASH;
          case 3 -> Kind.VIOLENCE_AGAINST_CIVILIANS;
          default -> throw new RowException("type_of_violence must be 1, 2 or 3, was " + tov);
        };
    String adm1 = r.get("adm_1");
    PlacePrecision pp;
    if (r.has("where_prec") && !r.get("where_prec").isEmpty()) {
      int wp = r.count("where_prec");
      pp =
          switch (wp) {
            case 1 -> PlacePrecision.EXACT;
            case 2, 5 -> PlacePrecision.NEAR;
            case 3 -> PlacePrecision.DISTRICT;
            case 4 -> PlacePrecision.REGION;
            case 6, 7 -> PlacePrecision.COUNTRY;
            default -> throw new RowException("where_prec must be 1..7, was " + wp);
          };
    } else {
      pp = adm1.isEmpty() ? PlacePrecision.COUNTRY : PlacePrecision.NEAR;
    }
    TimePrecision tp = TimePrecision.DAY;
    if (r.has("date_prec") && !r.get("date_prec").isEmpty()) {
      int dp = r.count("date_prec");
      tp =
          switch (dp) {
            case 1 -> TimePrecision.DAY;
            case 2, 3 -> TimePrecision.WEEK;
            case 4 -> TimePrecision.MONTH;
            case 5 -> TimePrecision.YEAR;
            default -> throw new RowException("date_prec must be 1..5, was " + dp);
          };
    }
    int best = r.count("best");
    int low = r.has("low") && !r.get("low").isEmpty() ? r.count("low") : best;
    int high = r.has("high") && !r.get("high").isEmpty() ? r.count("high") : best;
    String sideA = r.get("side_a");
    String sideB = r.get("side_b");
    // GED codes dyads, not direction: in state-based (1) and non-state (2) violence side_a is not
    // necessarily the attacker, so the attribution carries confidence 0.5; in one-sided violence
    // (3)
    // side_a is the perpetrator by definition.
    double confidence = tov == 3 ? 1.0 : 0.5;
    Actor actor =
        parties.party(sideA).map(p -> new Actor(p, confidence)).orElse(Actor.UNATTRIBUTED);
    String target = tov == 3 || sideB.equalsIgnoreCase("civilians") ? "civilian" : "military";
    int nSources =
        r.has("number_of_sources") && !r.get("number_of_sources").isEmpty()
            ? Math.max(1, r.count("number_of_sources"))
            : 1;
    List<IncidentSource> sources = new ArrayList<>();
    for (int i = 1; i <= nSources; i++) {
      String sid = nSources == 1 ? id : id + "#" + i;
      sources.add(new IncidentSource(sid, "dataset", sid));
    }
    ReviewStatus status =
        r.has("event_clarity") && r.get("event_clarity").equals("2")
            ? ReviewStatus.CORROBORATED
            : ReviewStatus.VERIFIED;
    List<String> tags = new ArrayList<>();
    tags.add("ucdp:type_of_violence=" + tov);
    if (!sideA.isEmpty()) {
      tags.add("ucdp:side_a=" + sideA);
    }
    if (!sideB.isEmpty()) {
      tags.add("ucdp:side_b=" + sideB);
    }
    return new Incident(
        id,
        SourceDates.startOfDay("date_start", r.required("date_start")),
        tp,
        new IncidentPlace(r.decimal("latitude"), r.decimal("longitude"), pp, adm1),
        kind,
        actor,
        target,
        new Fatalities(low, best, high),
        sources,
        status,
        tags);
  }
}
