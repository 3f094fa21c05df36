package org.umbrella.server.ops;

import java.util.List;

/**
 * The vocabularies of an incident report (`docs/incidents.md`; the engine owns the taxonomy). The
 * words of commands (review decisions, votes, answers) are {@link
 * org.umbrella.server.app.Command}'s, made from the engine's enums.
 */
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
}
