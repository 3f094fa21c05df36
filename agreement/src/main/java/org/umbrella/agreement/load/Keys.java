package org.umbrella.agreement.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key the loader accepts, by the kind of mapping it may appear in.
 *
 * <p>The loader rejects any other key; a test checks that the JSON Schema
 * (docs/schema/agreement.schema.json) declares exactly these keys for each kind, so the schema
 * editors use and the loader cannot drift apart.
 */
public final class Keys {
  private Keys() {}

  /** Mapping kind (the JSON Schema definition's name) to its keys, in documentation order. */
  public static final Map<String, List<String>> BY_KIND = kinds();

  private static Map<String, List<String>> kinds() {
    Map<String, List<String>> k = new LinkedHashMap<>();
    k.put(
        "agreement",
        List.of(
            "umbrella",
            "id",
            "version",
            "supersedes",
            "title",
            "status",
            "basis",
            "notice",
            "sources",
            "parties",
            "places",
            "bodies",
            "findings",
            "guarantees",
            "provisions",
            "consequences"));
    k.put("source", List.of("title", "date", "url", "publisher", "note"));
    k.put("citation", List.of("source", "at"));
    k.put("party", List.of("name", "cites"));
    k.put(
        "place",
        List.of(
            "title",
            "geojson",
            "buffer",
            "point",
            "km",
            "union",
            "note",
            "modelled",
            "stated",
            "cites"));
    k.put(
        "body",
        List.of("title", "members", "rule", "quorum", "recusal", "modelled", "stated", "cites"));
    k.put("rule", List.of("at-least"));
    k.put(
        "finding",
        List.of(
            "title",
            "match",
            "over",
            "determined-by",
            "decide-within",
            "modelled",
            "stated",
            "cites"));
    k.put("match", List.of("kinds", "status", "sources", "within", "by", "when"));
    k.put("over", List.of("finding", "by", "window", "at-least", "sum", "distinct-days"));
    k.put("sum", List.of("of", "at-least"));
    k.put(
        "guarantee",
        List.of(
            "title",
            "text",
            "guarantors",
            "protects",
            "against",
            "activates",
            "term",
            "renewable",
            "trigger",
            "duties",
            "void-if",
            "modelled",
            "stated",
            "cites"));
    k.put("activation", List.of("at", "when"));
    k.put(
        "duty", List.of("id", "title", "each", "within", "options", "modelled", "stated", "cites"));
    k.put(
        "provision",
        List.of(
            "title",
            "text",
            "category",
            "obligors",
            "in-force",
            "due",
            "quantity",
            "modelled",
            "stated",
            "cites"));
    k.put("due", List.of("after", "within"));
    k.put("quantity", List.of("at-most", "at-least", "exactly", "unit"));
    k.put("consequence", List.of("title", "on", "by", "then", "cites"));
    k.put("action", List.of("revoke", "suspend", "notify"));
    return Collections.unmodifiableMap(k);
  }

  /**
   * Keys that are valid one level down, by the mapping kind they were found in: an unknown key
   * listed here is reported with where it belongs ("'within' belongs under 'match:'").
   */
  public static final Map<String, Map<String, String>> MISPLACED = misplaced();

  private static Map<String, Map<String, String>> misplaced() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    Map<String, String> finding = new LinkedHashMap<>();
    for (String k : List.of("kinds", "status", "sources", "within", "when")) {
      finding.put(k, "match");
    }
    for (String k : List.of("finding", "window", "at-least", "sum", "distinct-days")) {
      finding.put(k, "over");
    }
    m.put("finding", finding);
    m.put(
        "guarantee",
        Map.of(
            "at",
            "activates",
            "when",
            "activates",
            "each",
            "duties",
            "within",
            "duties",
            "options",
            "duties"));
    m.put(
        "provision",
        Map.of(
            "after",
            "due",
            "within",
            "due",
            "at-most",
            "quantity",
            "at-least",
            "quantity",
            "exactly",
            "quantity",
            "unit",
            "quantity"));
    m.put("body", Map.of("at-least", "rule"));
    m.put("over", Map.of("of", "sum"));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The operative values each kind of clause may label {@code modelled:} or {@code stated:}
   * (numbers, durations, radii, memberships); nested fields are written with a dot.
   */
  public static final Map<String, List<String>> LABELABLE =
      Map.of(
          "place", List.of("km"),
          "body", List.of("members", "rule", "quorum"),
          "finding",
              List.of(
                  "match.sources",
                  "over.window",
                  "over.at-least",
                  "over.sum.at-least",
                  "over.distinct-days",
                  "decide-within"),
          "guarantee", List.of("guarantors", "term"),
          "duty", List.of("within"),
          "provision", List.of("due.within", "quantity"));

  /** The keys of a mapping kind. */
  static List<String> of(String kind) {
    List<String> keys = BY_KIND.get(kind);
    if (keys == null) {
      throw new IllegalArgumentException("no mapping kind " + kind);
    }
    return keys;
  }
}
