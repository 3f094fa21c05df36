package org.umbrella.server.ops;

import java.util.List;

/** The vocabularies of an incident report (`docs/incidents.md`; the engine owns the taxonomy). */
public final class Kinds {
  private Kinds() {}

  public static final List<String> INCIDENT_KINDS =
      List.of(
          "shelling",
          "missile_strike",
          "air_strike",
          "drone_strike",
          "armed_clash",
          "ground_assault",
          "sabotage",
          "mine",
          "small_arms",
          "violence_against_civilians",
          "protest",
          "riot",
          "strategic_development",
          "other");
  public static final List<String> TIME_PRECISIONS =
      List.of("exact", "day", "week", "month", "year");
  public static final List<String> PLACE_PRECISIONS =
      List.of("exact", "near", "district", "region", "country");
  public static final List<String> REVIEW_STATUSES =
      List.of("reported", "corroborated", "verified", "rejected");
  public static final List<String> REVIEW_DECISIONS =
      List.of("corroborated", "verified", "rejected");
  public static final List<String> VOTES = List.of("confirm", "reject", "abstain");
  public static final List<String> ANSWERS = List.of("fulfilled", "waived");
}
