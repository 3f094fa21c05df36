package org.umbrella.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.server.InputRules;
import org.umbrella.server.app.DomainError;

/**
 * Reads a new report from its JSON form, naming the JSON pointer of the first bad field.
 *
 * <p>The form is the engine's incident record without {@code id} and {@code status} (the server
 * assigns both), plus an optional free-text {@code summary}. Unknown fields are refused so that a
 * misspelt field is not silently dropped.
 */
public final class ReportInput {
  static final int MAX_TEXT = 4_000;
  static final int MAX_SOURCES = 50;
  private static final List<String> FIELDS =
      List.of(
          "time",
          "time-precision",
          "kind",
          "place",
          "actor",
          "target",
          "fatalities",
          "sources",
          "tags",
          "summary");

  private ReportInput() {}

  /** A validated report before it is stored. */
  public record NewReport(
      Instant time,
      TimePrecision timePrecision,
      Kind kind,
      double lat,
      double lon,
      PlacePrecision placePrecision,
      String actorParty,
      double actorConfidence,
      String target,
      int low,
      int best,
      int high,
      List<Report.Source> sources,
      List<String> tags,
      String summary) {}

  /**
   * Validates {@code json}.
   *
   * @throws DomainError 400 naming the field
   */
  public static NewReport parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new DomainError.Invalid("/", "the body must be a JSON object");
    }
    json.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw new DomainError.Invalid(
                    "/" + f, "unknown field '" + f + "'; expected one of " + FIELDS);
              }
            });
    Instant time = instant(json, "time");
    TimePrecision timePrecision =
        TimePrecision.fromWire(
                oneOf(json, "time-precision", ReportVocabulary.TIME_PRECISIONS, "exact"))
            .orElseThrow();
    Kind kind =
        Kind.fromWire(oneOf(json, "kind", ReportVocabulary.INCIDENT_KINDS, null)).orElseThrow();
    JsonNode place = Objects.requireNonNull(object(json, "place", true), "required");
    onlyFields(place, "/place", List.of("lat", "lon", "precision"));
    double lat = number(place, "/place", "lat", -90, 90);
    double lon = number(place, "/place", "lon", -180, 180);
    if (lat == 0 && lon == 0) {
      // where an empty or lost position lands (the Gulf of Guinea), never a place of this mission
      throw new DomainError.Invalid(
          "/place",
          "place 0, 0 is where a missing position lands, not where an incident happened;"
              + " give the incident's latitude and longitude");
    }
    PlacePrecision placePrecision =
        PlacePrecision.fromWire(
                oneOf(place, "/place", "precision", ReportVocabulary.PLACE_PRECISIONS, "exact"))
            .orElseThrow();
    JsonNode actor = object(json, "actor", false);
    String party = "";
    double confidence = 0;
    if (actor != null) {
      onlyFields(actor, "/actor", List.of("party", "confidence"));
      party = text(actor, "/actor", "party", 8, "");
      if (!party.isEmpty() && !party.matches("[A-Z]{2,8}")) {
        throw new DomainError.Invalid(
            "/actor/party",
            "party must be a party code such as RU or UA, or empty for unattributed");
      }
      confidence = actor.has("confidence") ? number(actor, "/actor", "confidence", 0, 1) : 0;
    }
    String target = text(json, "", "target", 200, "");
    JsonNode fat = object(json, "fatalities", false);
    int low = 0;
    int best = 0;
    int high = 0;
    if (fat != null) {
      onlyFields(fat, "/fatalities", List.of("low", "best", "high"));
      low = integer(fat, "/fatalities", "low");
      best = integer(fat, "/fatalities", "best");
      high = integer(fat, "/fatalities", "high");
      if (!(low <= best && best <= high)) {
        throw new DomainError.Invalid(
            "/fatalities",
            "fatalities must satisfy low <= best <= high, was " + low + "/" + best + "/" + high);
      }
    }
    List<Report.Source> sources = new ArrayList<>();
    JsonNode src = json.get("sources");
    if (src == null || !src.isArray() || src.isEmpty()) {
      throw new DomainError.Invalid(
          "/sources", "sources must be a non-empty array of {id, kind, group}");
    }
    if (src.size() > MAX_SOURCES) {
      throw new DomainError.Invalid(
          "/sources", "at most " + MAX_SOURCES + " sources, was " + src.size());
    }
    for (int i = 0; i < src.size(); i++) {
      JsonNode s = src.get(i);
      String at = "/sources/" + i;
      if (!s.isObject()) {
        throw new DomainError.Invalid(at, "a source must be an object {id, kind, group}");
      }
      onlyFields(s, at, List.of("id", "kind", "group"));
      String id = text(s, at, "id", 200, null);
      sources.add(
          new Report.Source(id, text(s, at, "kind", 100, "other"), text(s, at, "group", 200, id)));
    }
    List<String> tags = new ArrayList<>();
    JsonNode t = json.get("tags");
    if (t != null && !t.isNull()) {
      if (!t.isArray() || t.size() > 50) {
        throw new DomainError.Invalid("/tags", "tags must be an array of at most 50 strings");
      }
      for (int i = 0; i < t.size(); i++) {
        if (!t.get(i).isTextual() || t.get(i).asText().length() > 100) {
          throw new DomainError.Invalid(
              "/tags/" + i, "a tag must be a string of at most 100 characters");
        }
        tags.add(t.get(i).asText());
      }
    }
    String summary = text(json, "", "summary", MAX_TEXT, "");
    return new NewReport(
        time,
        timePrecision,
        kind,
        lat,
        lon,
        placePrecision,
        party,
        confidence,
        target,
        low,
        best,
        high,
        sources,
        tags,
        summary);
  }

  static void onlyFields(JsonNode json, String at, List<String> allowed) {
    json.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                throw new DomainError.Invalid(
                    at + "/" + f, "unknown field '" + clip(f) + "'; expected one of " + allowed);
              }
            });
  }

  static Instant instant(JsonNode json, String field) {
    JsonNode n = json.get(field);
    if (n == null || !n.isTextual()) {
      throw new DomainError.Invalid(
          "/" + field, field + " must be an ISO-8601 UTC instant such as 2026-03-05T04:10:00Z");
    }
    // years 1583-9999 only: PostgreSQL and the driver cannot store the rest (issue 10, item 5)
    return InputRules.instant("/" + field, n.asText());
  }

  static String oneOf(JsonNode json, String field, List<String> allowed, @Nullable String dflt) {
    return oneOf(json, "", field, allowed, dflt);
  }

  static String oneOf(
      JsonNode json, String at, String field, List<String> allowed, @Nullable String dflt) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull()) {
      if (dflt != null) {
        return dflt;
      }
      throw new DomainError.Invalid(at + "/" + field, field + " is required; one of " + allowed);
    }
    if (!n.isTextual() || !allowed.contains(n.asText())) {
      throw new DomainError.Invalid(
          at + "/" + field, field + " must be one of " + allowed + ", was " + clip(n.toString()));
    }
    return n.asText();
  }

  static @Nullable JsonNode object(JsonNode json, String field, boolean required) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new DomainError.Invalid("/" + field, field + " is required");
      }
      return null;
    }
    if (!n.isObject()) {
      throw new DomainError.Invalid("/" + field, field + " must be an object");
    }
    return n;
  }

  static double number(JsonNode json, String at, String field, double min, double max) {
    JsonNode n = json.get(field);
    if (n == null || !n.isNumber()) {
      throw new DomainError.Invalid(
          at + "/" + field, field + " must be a number between " + min + " and " + max);
    }
    double v = n.asDouble();
    if (!(v >= min && v <= max)) {
      throw new DomainError.Invalid(
          at + "/" + field, field + " must be between " + min + " and " + max + ", was " + v);
    }
    return v;
  }

  static int integer(JsonNode json, String at, String field) {
    JsonNode n = json.get(field);
    if (n == null
        || !n.canConvertToInt()
        || !n.isIntegralNumber()
        || n.asInt() < 0
        || n.asInt() > 1_000_000) {
      throw new DomainError.Invalid(
          at + "/" + field, field + " must be an integer between 0 and 1000000");
    }
    return n.asInt();
  }

  static String text(JsonNode json, String at, String field, int max, @Nullable String dflt) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull()) {
      if (dflt != null) {
        return dflt;
      }
      throw new DomainError.Invalid(at + "/" + field, field + " is required");
    }
    if (!n.isTextual()) {
      throw new DomainError.Invalid(at + "/" + field, field + " must be a string");
    }
    String s = n.asText();
    if (s.length() > max) {
      throw new DomainError.Invalid(
          at + "/" + field, field + " must have at most " + max + " characters, had " + s.length());
    }
    if (dflt == null && s.isBlank()) {
      throw new DomainError.Invalid(at + "/" + field, field + " must not be blank");
    }
    return s;
  }

  /** {@code s} cut to 60 characters, for echoing user input in error messages. */
  public static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
