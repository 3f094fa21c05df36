package org.umbrella.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.server.access.Account;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;

/** The JSON shapes of the API (kebab-case keys, as in the engine's files). */
public final class ApiShapes {
  private ApiShapes() {}

  public static Map<String, Object> report(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("time", r.time().toString());
    m.put("time-precision", r.timePrecision().wireName());
    m.put("kind", r.kind().wireName());
    m.put(
        "place",
        Map.of("lat", r.lat(), "lon", r.lon(), "precision", r.placePrecision().wireName()));
    m.put("actor", Map.of("party", r.actorParty(), "confidence", r.actorConfidence()));
    m.put("target", r.target());
    m.put(
        "fatalities",
        Map.of("low", r.fatalitiesLow(), "best", r.fatalitiesBest(), "high", r.fatalitiesHigh()));
    m.put(
        "sources",
        r.sources().stream()
            .map(s -> Map.of("id", s.id(), "kind", s.kind(), "group", s.group()))
            .toList());
    m.put("independent-sources", r.independentSources());
    m.put("status", r.status().wireName());
    m.put("tags", r.tags());
    m.put("summary", r.summary());
    m.put("filed-at", r.filedAt().toString());
    return m;
  }

  /** A finding; {@code withVotes} false hides the deliberation from those outside the body. */
  public static Map<String, Object> finding(Operations.Finding f, boolean withVotes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("definition", f.definition());
    m.put("title", f.title());
    m.put("status", f.status().wireName());
    m.put("actor", f.actor());
    m.put("body", f.body().orElse(null));
    m.put("incidents", f.incidents());
    m.put("raised-at", f.raisedAt().toString());
    m.put("decided-at", f.decidedAt().map(Object::toString).orElse(null));
    if (withVotes) {
      m.put("votes", f.votes());
    }
    return m;
  }

  public static Map<String, Object> obligation(Operations.Obligation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("guarantee", o.guarantee());
    m.put("duty", o.duty());
    m.put("party", o.party());
    m.put("due", o.due().toString());
    m.put("status", o.status().wireName());
    m.put("raised-at", o.raisedAt().toString());
    m.put("answer", o.answer().orElse(null));
    m.put("decision", o.decision());
    m.put("note", o.note());
    m.put("answered-at", o.answeredAt().map(Object::toString).orElse(null));
    return m;
  }

  /**
   * A status as {@code mechanism} or the public may see it. A provision's cause, when a report set
   * its level, quotes the verifier's note (the engine writes "implementation reported at level 2:
   * <note>"); the note is the mechanism's, as the provision report itself is, so the public's cause
   * says only what level was reported.
   */
  public static Map<String, Object> status(Operations.Status s, boolean mechanism) {
    Map<String, Object> m = status(s);
    if (!mechanism) {
      m.put("cause", publicCause(s));
    }
    return m;
  }

  /**
   * The cause of {@code s} the public may read (see {@link #status(Operations.Status, boolean)}).
   */
  public static String publicCause(Operations.Status s) {
    if (s.level().isPresent()) {
      return "implementation reported at level " + s.level().get();
    }
    return s.cause();
  }

  public static Map<String, Object> status(Operations.Status s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subject", s.subject());
    m.put("kind", s.kind());
    m.put("title", s.title());
    m.put("status", s.status().wireName());
    m.put("level", s.level().orElse(null));
    m.put("cause", s.cause());
    m.put("at", s.at().toString());
    return m;
  }

  public static Map<String, Object> account(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("username", a.username());
    m.put("display-name", a.displayName());
    m.put("role", a.role().slug());
    m.put("party", a.party().orElse(null));
    return m;
  }

  /** A page of items with its pagination. */
  public static Map<String, Object> page(List<?> items, int limit, int offset) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", items);
    m.put("limit", limit);
    m.put("offset", offset);
    m.put("next-offset", items.size() == limit ? offset + limit : null);
    return m;
  }
}
