package org.umbrella.engine.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.json.CanonicalJson;

/**
 * Reads and writes input records as canonical JSON Lines (LANGUAGE.md section 2,
 * docs/incidents.md).
 *
 * <p>Writing gives the canonical form: sorted keys, no insignificant whitespace, stable numbers,
 * ISO-8601 UTC instants; optional members at their default (no actor, empty target, region or tags)
 * are left out. Reading is strict: unknown keys, missing or mistyped fields and out-of-range values
 * are {@link InputFormatException}s naming the line and field. {@code decode(encode(r))} equals
 * {@code r} for every record.
 *
 * <p>Thread-safe (stateless).
 *
 * <p>Over 500 lines because it is the whole wire format of every record type (incidents,
 * determinations, responses, provision reports, ticks), reader and writer side by side, so that the
 * format can be checked against docs/incidents.md in one place.
 */
public final class InputCodec {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private InputCodec() {}

  /** The canonical JSON text of {@code record}, without a line break. */
  public static String encode(InputRecord record) {
    return CanonicalJson.write(toMap(record));
  }

  /**
   * The canonical JSON text of {@code recorded}, without a line break: the record with its {@code
   * recorded} member, left out when the record time equals the record's own time (its default).
   */
  public static String encode(RecordedInput recorded) {
    Map<String, Object> m = toMap(recorded.record());
    if (recorded.hasOwnRecordTime()) {
      m.put("recorded", recorded.recordedAt().toString());
    }
    return CanonicalJson.write(m);
  }

  /**
   * The canonical form of {@code record} as nested maps and lists (for embedding in other
   * documents).
   */
  public static Map<String, Object> toMap(InputRecord record) {
    Map<String, Object> m = new TreeMap<>();
    m.put("type", record.type());
    m.put("id", record.id());
    m.put("time", record.time().toString());
    switch (record) {
      case Incident i -> {
        m.put("time-precision", i.timePrecision().wireName());
        Map<String, Object> place = new TreeMap<>();
        place.put("lat", i.place().lat());
        place.put("lon", i.place().lon());
        place.put("precision", i.place().precision().wireName());
        if (!i.place().region().isEmpty()) {
          place.put("region", i.place().region());
        }
        m.put("place", place);
        m.put("kind", i.kind().wireName());
        if (i.actor().attributed()) {
          m.put("actor", Map.of("party", i.actor().party(), "confidence", i.actor().confidence()));
        }
        if (!i.target().isEmpty()) {
          m.put("target", i.target());
        }
        m.put(
            "fatalities",
            Map.of(
                "low",
                i.fatalities().low(),
                "best",
                i.fatalities().best(),
                "high",
                i.fatalities().high()));
        List<Object> sources = new ArrayList<>();
        for (IncidentSource s : i.sources()) {
          sources.add(Map.of("id", s.id(), "kind", s.kind(), "group", s.group()));
        }
        m.put("sources", sources);
        m.put("status", i.status().wireName());
        if (!i.tags().isEmpty()) {
          m.put("tags", i.tags());
        }
      }
      case Determination d -> {
        m.put("body", d.body());
        m.put("finding", d.finding());
        Map<String, Object> votes = new TreeMap<>();
        d.votes().forEach((party, vote) -> votes.put(party, vote.wireName()));
        m.put("votes", votes);
      }
      case Response r -> {
        m.put("obligation", r.obligation());
        m.put("party", r.party());
        m.put("answer", r.answer().wireName());
        if (!r.decision().isEmpty()) {
          m.put("decision", r.decision());
        }
        if (!r.note().isEmpty()) {
          m.put("note", r.note());
        }
      }
      case ProvisionReport p -> {
        m.put("provision", p.provision());
        m.put("level", p.level());
        if (!p.note().isEmpty()) {
          m.put("note", p.note());
        }
      }
      case Tick t -> {
        if (t.id().equals("tick@" + t.time())) {
          m.remove("id");
        }
      }
    }
    return m;
  }

  /**
   * Parses one line into a record.
   *
   * @param line the JSON text of one record
   * @param lineNumber the 1-based line number, used in error messages
   * @throws InputFormatException if the line is not valid JSON or not a valid record
   */
  public static InputRecord decode(String line, long lineNumber) {
    return decodeRecorded(line, lineNumber).record();
  }

  /**
   * Parses one line into a record with its record time: the {@code recorded} member when present,
   * else the record's own time (docs/incidents.md).
   *
   * @param line the JSON text of one record
   * @param lineNumber the 1-based line number, used in error messages
   * @throws InputFormatException if the line is not valid JSON or not a valid record
   */
  public static RecordedInput decodeRecorded(String line, long lineNumber) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new InputFormatException(lineNumber, "", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InputFormatException(lineNumber, "", "expected a JSON object, one record per line");
    }
    Obj o = new Obj(node, "", lineNumber);
    InputRecord record = decode(o);
    if (!o.has("recorded")) {
      return RecordedInput.historical(record);
    }
    Instant recorded = o.instant("recorded");
    if (record instanceof Tick && !recorded.equals(record.time())) {
      throw o.error(
          "recorded",
          "a tick is trusted time itself: its record time must equal its time "
              + record.time()
              + " (or be left out), was "
              + recorded);
    }
    return new RecordedInput(record, recorded);
  }

  /**
   * Reads records lazily from {@code reader}, one per non-blank line; the caller closes the reader.
   * Iteration throws {@link InputFormatException} at the first invalid line and {@link
   * UncheckedIOException} if reading fails.
   */
  public static Iterator<InputRecord> read(BufferedReader reader) {
    Iterator<RecordedInput> recorded = readRecorded(reader);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return recorded.hasNext();
      }

      @Override
      public InputRecord next() {
        return recorded.next().record();
      }
    };
  }

  /** As {@link #read}, each record with its record time ({@link #decodeRecorded}). */
  public static Iterator<RecordedInput> readRecorded(BufferedReader reader) {
    return new Iterator<>() {
      private long lineNumber;
      private @Nullable RecordedInput next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          String line;
          try {
            line = reader.readLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (line == null) {
            return false;
          }
          lineNumber++;
          if (!line.isBlank()) {
            next = decodeRecorded(line, lineNumber);
          }
        }
        return true;
      }

      @Override
      public RecordedInput next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        RecordedInput r = Objects.requireNonNull(next);
        next = null;
        return r;
      }
    };
  }

  /** The earliest and latest instants a record may carry: RFC 3339's four-digit years. */
  public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final Map<String, Set<String>> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(
        "incident",
        Set.of(
            "type",
            "id",
            "time",
            "recorded",
            "time-precision",
            "place",
            "kind",
            "actor",
            "target",
            "fatalities",
            "sources",
            "status",
            "tags"));
    KEYS.put("determination", Set.of("type", "id", "time", "recorded", "body", "finding", "votes"));
    KEYS.put(
        "response",
        Set.of(
            "type", "id", "time", "recorded", "obligation", "party", "answer", "decision", "note"));
    KEYS.put(
        "provision-report", Set.of("type", "id", "time", "recorded", "provision", "level", "note"));
    KEYS.put("tick", Set.of("type", "id", "time", "recorded"));
  }

  private static InputRecord decode(Obj o) {
    String type = o.string("type");
    Set<String> keys = KEYS.get(type);
    if (keys == null) {
      throw o.error(
          "type",
          "unknown record type '"
              + type
              + "'; expected one of "
              + String.join(", ", KEYS.keySet()));
    }
    o.onlyKeys(keys);
    return switch (type) {
      case "incident" -> incident(o);
      case "determination" -> {
        Obj votesObj = o.object("votes");
        Map<String, Vote> votes = new TreeMap<>();
        votesObj
            .node
            .fieldNames()
            .forEachRemaining(
                party ->
                    votes.put(
                        party,
                        votesObj.enumValue(party, Vote::fromWire, "confirm, reject, abstain")));
        yield new Determination(
            o.nonBlank("id"), o.instant("time"), o.nonBlank("body"), o.nonBlank("finding"), votes);
      }
      case "response" ->
          new Response(
              o.nonBlank("id"),
              o.instant("time"),
              o.nonBlank("obligation"),
              o.nonBlank("party"),
              o.enumValue("answer", Answer::fromWire, "fulfilled, waived"),
              o.optString("decision", ""),
              o.optString("note", ""));
      case "provision-report" -> {
        int level = o.integer("level");
        if (level < 0 || level > 3) {
          throw o.error("level", "implementation level must be 0, 1, 2 or 3, was " + level);
        }
        yield new ProvisionReport(
            o.nonBlank("id"),
            o.instant("time"),
            o.nonBlank("provision"),
            level,
            o.optString("note", ""));
      }
      default -> new Tick(o.optString("id", ""), o.instant("time"));
    };
  }

  private static Incident incident(Obj o) {
    String id = o.nonBlank("id");
    Instant time = o.instant("time");
    TimePrecision tp =
        o.has("time-precision")
            ? o.enumValue(
                "time-precision", TimePrecision::fromWire, "exact, day, week, month, year")
            : TimePrecision.EXACT;
    Obj p = o.object("place");
    p.onlyKeys(Set.of("lat", "lon", "precision", "region"));
    double lat = p.number("lat");
    if (!(lat >= -90 && lat <= 90)) {
      throw p.error("lat", "latitude must be within [-90, 90], was " + lat);
    }
    double lon = p.number("lon");
    if (!(lon >= -180 && lon <= 180)) {
      throw p.error("lon", "longitude must be within [-180, 180], was " + lon);
    }
    PlacePrecision pp =
        p.has("precision")
            ? p.enumValue(
                "precision", PlacePrecision::fromWire, "exact, near, district, region, country")
            : PlacePrecision.EXACT;
    IncidentPlace place = new IncidentPlace(lat, lon, pp, p.optString("region", ""));
    Kind kind = o.enumValue("kind", Kind::fromWire, Kind.allWireNames());
    Actor actor = Actor.UNATTRIBUTED;
    if (o.has("actor") && !o.node.get("actor").isNull()) {
      Obj a = o.object("actor");
      a.onlyKeys(Set.of("party", "confidence"));
      String party = a.optString("party", "");
      double confidence = a.has("confidence") ? a.number("confidence") : 1.0;
      if (!(confidence >= 0 && confidence <= 1)) {
        throw a.error("confidence", "confidence must be within [0, 1], was " + confidence);
      }
      actor = party.isEmpty() ? Actor.UNATTRIBUTED : new Actor(party, confidence);
    }
    Fatalities fatalities = Fatalities.NONE_REPORTED;
    if (o.has("fatalities")) {
      Obj f = o.object("fatalities");
      f.onlyKeys(Set.of("low", "best", "high"));
      int best = f.has("best") ? f.nonNegative("best") : 0;
      fatalities =
          new Fatalities(
              f.has("low") ? f.nonNegative("low") : best,
              best,
              f.has("high") ? f.nonNegative("high") : best);
    }
    List<IncidentSource> sources = new ArrayList<>();
    if (o.has("sources")) {
      JsonNode arr = o.node.get("sources");
      if (!arr.isArray()) {
        throw o.error("sources", "expected a list of {id, kind, group}");
      }
      for (int i = 0; i < arr.size(); i++) {
        String path = "sources[" + i + "]";
        if (!arr.get(i).isObject()) {
          throw o.error(path, "expected an object {id, kind, group}");
        }
        Obj s = new Obj(arr.get(i), o.path(path) + ".", o.line);
        s.onlyKeys(Set.of("id", "kind", "group"));
        String sid = s.nonBlank("id");
        sources.add(
            new IncidentSource(sid, s.optString("kind", "unspecified"), s.optString("group", sid)));
      }
    }
    ReviewStatus status =
        o.has("status")
            ? o.enumValue(
                "status", ReviewStatus::fromWire, "reported, corroborated, verified, rejected")
            : ReviewStatus.REPORTED;
    List<String> tags = new ArrayList<>();
    if (o.has("tags")) {
      JsonNode arr = o.node.get("tags");
      if (!arr.isArray()) {
        throw o.error("tags", "expected a list of strings");
      }
      for (int i = 0; i < arr.size(); i++) {
        if (!arr.get(i).isTextual()) {
          throw o.error("tags[" + i + "]", "expected a string");
        }
        tags.add(arr.get(i).textValue());
      }
    }
    return new Incident(
        id,
        time,
        tp,
        place,
        kind,
        actor,
        o.optString("target", ""),
        fatalities,
        sources,
        status,
        tags);
  }

  /** A JSON object with its path and line, for precise errors. */
  private record Obj(JsonNode node, String prefix, long line) {
    String path(String key) {
      return prefix + key;
    }

    InputFormatException error(String key, String problem) {
      return new InputFormatException(line, path(key), problem);
    }

    boolean has(String key) {
      return node.has(key);
    }

    void onlyKeys(Set<String> allowed) {
      Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (!allowed.contains(k)) {
          throw error(
              k, "unknown field; expected one of " + String.join(", ", new TreeSet<>(allowed)));
        }
      }
    }

    JsonNode required(String key) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        throw error(key, "required field is missing");
      }
      return v;
    }

    String string(String key) {
      JsonNode v = required(key);
      if (!v.isTextual()) {
        throw error(
            key, "expected a string, was " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      return v.textValue();
    }

    String nonBlank(String key) {
      String s = string(key);
      if (s.isBlank()) {
        throw error(key, "must not be blank");
      }
      return s;
    }

    String optString(String key, String fallback) {
      return has(key) && !node.get(key).isNull() ? string(key) : fallback;
    }

    double number(String key) {
      JsonNode v = required(key);
      if (!v.isNumber()) {
        throw error(key, "expected a number, was " + v);
      }
      return v.doubleValue();
    }

    int integer(String key) {
      JsonNode v = required(key);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw error(key, "expected a whole number, was " + v);
      }
      return v.intValue();
    }

    int nonNegative(String key) {
      int n = integer(key);
      if (n < 0) {
        throw error(key, "must not be negative, was " + n);
      }
      return n;
    }

    Instant instant(String key) {
      String s = string(key);
      Instant t;
      try {
        t = Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw error(
            key, "expected an ISO-8601 UTC instant such as 2026-03-01T00:00:00Z, was '" + s + "'");
      }
      if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
        // RFC 3339 years have four digits; beyond them the engine's millisecond arithmetic would
        // overflow
        throw error(
            key,
            "instant out of range: must lie within years 0000 to 9999 (RFC 3339), was '" + s + "'");
      }
      return t;
    }

    <E> E enumValue(String key, Function<String, Optional<E>> parse, String valid) {
      String s = string(key);
      return parse
          .apply(s)
          .orElseThrow(() -> error(key, "unknown value '" + s + "'; expected one of " + valid));
    }

    Obj object(String key) {
      JsonNode v = required(key);
      if (!v.isObject()) {
        throw error(key, "expected an object");
      }
      return new Obj(v, path(key) + ".", line);
    }
  }
}
