package org.umbrella.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.umbrella.ledger.internal.EcmaNumbers;

/**
 * Canonical JSON in the sense of RFC 8785 (JCS): object members sorted by the UTF-16 code units of
 * their names, no insignificant white space, strings with the minimal escapes, numbers in
 * ECMAScript form. Every ledger leaf is the UTF-8 bytes of a canonical JSON object, so the same
 * record always hashes the same, whoever serialises it.
 *
 * <p>Integers beyond ±2^53 cannot be represented exactly in JCS and are rejected; give them as
 * strings. Duplicate member names and lone surrogates are rejected. Thread-safe.
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CanonicalJson() {}

  /**
   * Parses JSON text and returns its canonical form.
   *
   * @throws MalformedInputException if the text is not one JSON value, has duplicate names or
   *     numbers JCS cannot represent
   */
  public static String canonicalize(String json) {
    return write(parse(json));
  }

  /**
   * Parses JSON text into Jackson's tree model, strictly (no duplicate names, no trailing data).
   *
   * @throws MalformedInputException if the text is not one JSON value
   */
  public static JsonNode parse(String json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      JsonNode node = MAPPER.readTree(p);
      if (node == null) {
        throw new MalformedInputException("empty JSON text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedInputException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new MalformedInputException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The canonical form of a tree. */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /** The canonical form as UTF-8 bytes, ready to be a leaf. */
  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The canonical form of plain Java values: {@link Map} with string keys, {@link List}, {@link
   * CharSequence}, {@link Number}, {@link Boolean} and {@code null}.
   *
   * @throws IllegalArgumentException for other types
   */
  public static String writeValue(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    writeValue(value, out);
    return out.toString();
  }

  private static void writeValue(@Nullable Object v, StringBuilder out) {
    switch (v) {
      case null -> out.append("null");
      case JsonNode n -> write(n, out);
      case Boolean b -> out.append(b);
      case CharSequence s -> string(s.toString(), out);
      case Integer i -> out.append(i);
      case Long l -> integer(BigInteger.valueOf(l), out);
      case BigInteger b -> integer(b, out);
      case BigDecimal d -> decimal(d, out);
      case Number n -> out.append(EcmaNumbers.format(n.doubleValue()));
      case Map<?, ?> m -> {
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) {
          if (!(k instanceof String s)) {
            throw new IllegalArgumentException("JSON object keys must be strings, was " + k);
          }
          keys.add(s);
        }
        keys.sort(null);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(keys.get(i), out);
          out.append(':');
          writeValue(m.get(keys.get(i)), out);
        }
        out.append('}');
      }
      case List<?> l -> {
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeValue(l.get(i), out);
        }
        out.append(']');
      }
      default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null); // String order is UTF-16 code unit order, as RFC 8785 requires
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(keys.get(i), out);
          out.append(':');
          write(node.get(keys.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER -> {
        if (node.isIntegralNumber()) {
          integer(node.bigIntegerValue(), out);
        } else {
          decimal(node.decimalValue(), out);
        }
      }
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> throw new MalformedInputException("not a JSON value: " + node.getNodeType());
    }
  }

  /** Appends {@code s} as a canonical JSON string (quotes and minimal escapes). */
  public static void appendString(StringBuilder out, String s) {
    string(s, out);
  }

  /** Appends a finite double as a canonical JSON number (ECMAScript form). */
  public static void appendNumber(StringBuilder out, double d) {
    out.append(EcmaNumbers.format(d));
  }

  /** Appends an integer as a canonical JSON number; beyond ±2^53 it is refused. */
  public static void appendInteger(StringBuilder out, long v) {
    if (Math.abs(v) > MAX_SAFE_INTEGER) {
      throw new MalformedInputException(
          "integer " + v + " is beyond ±2^53 and cannot be canonical JSON; give it as a string");
    }
    out.append(v);
  }

  private static void integer(BigInteger v, StringBuilder out) {
    if (v.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
      throw new MalformedInputException(
          "integer " + v + " is beyond ±2^53 and cannot be canonical JSON; give it as a string");
    }
    out.append(v);
  }

  private static void decimal(BigDecimal v, StringBuilder out) {
    BigDecimal stripped = v.stripTrailingZeros();
    if (stripped.scale() <= 0
        && stripped.abs().compareTo(BigDecimal.valueOf(MAX_SAFE_INTEGER)) <= 0) {
      out.append(stripped.toBigIntegerExact());
      return;
    }
    double d = v.doubleValue();
    if (Double.isInfinite(d)) {
      throw new MalformedInputException("number " + v + " is out of the range of JSON numbers");
    }
    out.append(EcmaNumbers.format(d));
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new MalformedInputException("lone surrogate at index " + i + " of a JSON string");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
