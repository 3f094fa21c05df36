package org.umbrella.engine.output;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.umbrella.engine.EngineException;
import org.umbrella.json.CanonicalJson;

/**
 * Writes output records as canonical JSON Lines (sorted keys, no whitespace, stable numbers) and
 * reads them back (for {@code umbrella why} and the summary).
 *
 * <p>Thread-safe (stateless).
 */
public final class OutputCodec {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private OutputCodec() {}

  /** The canonical JSON text of {@code r}, without a line break. */
  public static String encode(OutputRecord r) {
    StringBuilder b = new StringBuilder(256);
    encode(r, b);
    return b.toString();
  }

  /** Appends the canonical JSON text of {@code r} to {@code out}. */
  public static void encode(OutputRecord r, StringBuilder out) {
    Map<String, Object> m = new TreeMap<>();
    m.put("type", r.type());
    m.put("id", r.id());
    m.put("time", r.time().toString());
    Map<String, Object> cause = new TreeMap<>();
    cause.put("definition", r.cause().definition());
    cause.put("rule", r.cause().rule());
    cause.put("inputs", r.cause().inputs());
    cause.put("outputs", r.cause().outputs());
    m.put("cause", cause);
    switch (r) {
      case FindingRecord f -> {
        m.put("definition", f.definition());
        m.put("status", f.status().wireName());
        m.put("actor", f.actor());
        m.put("incidents", f.incidents());
        f.window()
            .ifPresent(
                w -> m.put("window", Map.of("from", w.from().toString(), "to", w.to().toString())));
      }
      case ObligationRecord o -> {
        m.put("guarantee", o.guarantee());
        m.put("duty", o.duty());
        m.put("party", o.party());
        o.due().ifPresent(d -> m.put("due", d.toString()));
        m.put("status", o.status().wireName());
        if (!o.decision().isEmpty()) {
          m.put("decision", o.decision());
        }
      }
      case StatusRecord s -> {
        m.put("subject-kind", s.subjectKind());
        m.put("subject", s.subject());
        m.put("status", s.status().wireName());
        m.put("previous", s.previous().wireName());
      }
      case AlertRecord a -> {
        m.put("to", a.to());
        m.put("about", a.about());
        m.put("reason", a.reason());
        m.put("message", a.message());
      }
    }
    CanonicalJson.write(m, out);
  }

  /**
   * Parses one output line.
   *
   * @throws EngineException naming the line when it is not an output record
   */
  public static OutputRecord decode(String line, long lineNumber) {
    try {
      JsonNode n = JSON.readTree(line);
      String type = text(n, "type");
      String id = text(n, "id");
      Instant time = Instant.parse(text(n, "time"));
      JsonNode c = n.get("cause");
      Cause cause =
          new Cause(
              text(c, "definition"),
              text(c, "rule"),
              list(c.get("inputs")),
              list(c.get("outputs")));
      return switch (type) {
        case "finding" -> {
          JsonNode w = n.get("window");
          Optional<FindingRecord.Window> window =
              w == null
                  ? Optional.empty()
                  : Optional.of(
                      new FindingRecord.Window(
                          Instant.parse(text(w, "from")), Instant.parse(text(w, "to"))));
          yield new FindingRecord(
              id,
              time,
              text(n, "definition"),
              parse(FindingStatus.fromWire(text(n, "status")), "status"),
              text(n, "actor"),
              list(n.get("incidents")),
              window,
              cause);
        }
        case "obligation" ->
            new ObligationRecord(
                id,
                time,
                text(n, "guarantee"),
                text(n, "duty"),
                text(n, "party"),
                n.has("due") ? Optional.of(Instant.parse(text(n, "due"))) : Optional.empty(),
                parse(ObligationStatus.fromWire(text(n, "status")), "status"),
                n.has("decision") ? text(n, "decision") : "",
                cause);
        case "status" -> {
          String kind = text(n, "subject-kind");
          yield new StatusRecord(
              id,
              time,
              text(n, "subject"),
              parse(SubjectStatus.fromWire(kind, text(n, "status")), "status"),
              parse(SubjectStatus.fromWire(kind, text(n, "previous")), "previous"),
              cause);
        }
        case "alert" ->
            new AlertRecord(
                id,
                time,
                list(n.get("to")),
                text(n, "about"),
                text(n, "reason"),
                text(n, "message"),
                cause);
        default ->
            throw new EngineException(
                "line " + lineNumber + ": unknown output type '" + type + "'");
      };
    } catch (JacksonException | RuntimeException e) {
      if (e instanceof EngineException ee) {
        throw ee;
      }
      throw new EngineException(
          "line " + lineNumber + ": not an Umbrella output record (" + e.getMessage() + ")");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return v.textValue();
  }

  private static <T> T parse(Optional<T> value, String field) {
    return value.orElseThrow(
        () -> new IllegalArgumentException("field '" + field + "' is unknown"));
  }

  private static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) {
      n.forEach(e -> out.add(e.textValue()));
    }
    return out;
  }
}
