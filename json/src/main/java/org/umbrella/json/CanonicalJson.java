package org.umbrella.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Canonical JSON in the sense of RFC 8785 (JCS), the one encoder of the project: the engine's input
 * and output records and the ledger's leaves are all written here, so equal values give equal bytes
 * whoever writes them.
 *
 * <p>The form: object members sorted by the UTF-16 code units of their names, no insignificant
 * white space, strings with the minimal escapes ({@code \"}, {@code \\}, {@code \b \f \n \r \t},
 * other control characters as six-character escapes with lowercase hex, everything else as is),
 * numbers as ECMAScript's {@code Number.prototype.toString} writes the IEEE double ({@link
 * EcmaNumbers}): shortest round-tripping digits, plain notation from 1e-6 up to (not including)
 * 1e21, exponent form outside. A caller whose numbers stay in that range (coordinates, confidences,
 * counts) never sees an exponent; that is a property of its numbers, not a second encoder.
 *
 * <p>JCS numbers are doubles. A fractional number is rounded to the nearest double (as JSON.parse
 * does); an integer is written if a double holds it exactly (every integer up to 2^53, and larger
 * ones such as 2^53 itself, 2^62 or 10^21, in the shortest digits that read back to that double:
 * 2^62 is 4611686018427388000) and refused otherwise (9007199254740993 would silently become
 * ...992: give such values as strings). Duplicate member names, lone surrogates, NaN and infinities
 * are refused too. Every refusal is a {@link JsonTextException} naming the value. Thread-safe
 * (stateless).
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
   * @throws JsonTextException if the text is not one JSON value, has duplicate names or numbers JCS
   *     cannot represent
   */
  public static String canonicalize(String json) {
    return write(parse(json));
  }

  /**
   * Parses JSON text into Jackson's tree model, strictly (no duplicate names, no trailing data;
   * fractions kept as decimals until written).
   *
   * @throws JsonTextException if the text is not one JSON value
   */
  public static JsonNode parse(String json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      JsonNode node = MAPPER.readTree(p);
      if (node == null || node.isMissingNode()) {
        throw new JsonTextException("empty JSON text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new JsonTextException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new JsonTextException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The canonical form of a JSON value: a {@link JsonNode}, a {@link Map} with string keys, a
   * {@link List}, a {@link CharSequence}, a {@link Number}, a {@link Boolean} or {@code null}.
   *
   * @throws JsonTextException for other types and for values JCS cannot represent
   */
  public static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /** Appends the canonical form of {@code value} (as {@link #write(Object)}) to {@code out}. */
  public static void write(@Nullable Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case JsonNode n -> node(n, out);
      case CharSequence s -> appendString(out, s.toString());
      case Boolean b -> out.append(b.booleanValue());
      case Integer i -> out.append(i.intValue());
      case Short s -> out.append(s.shortValue());
      case Byte b -> out.append(b.byteValue());
      case Long l -> appendInteger(out, l);
      case BigInteger b -> integer(b, out);
      case BigDecimal d -> decimal(d, out);
      case Number n -> appendNumber(out, n.doubleValue());
      case Map<?, ?> m -> object(m, out);
      case List<?> l -> array(l, out);
      default -> throw new JsonTextException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** The canonical form as UTF-8 bytes, ready to be hashed or stored. */
  public static byte[] bytes(@Nullable Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Appends {@code s} as a canonical JSON string (quotes and minimal escapes).
   *
   * @throws JsonTextException if {@code s} holds a lone surrogate (not Unicode text)
   */
  public static void appendString(StringBuilder out, String s) {
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
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (!Character.isSurrogate(c)) {
            out.append(c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else {
            throw new JsonTextException("lone surrogate at index " + i + " of a JSON string");
          }
        }
      }
    }
    out.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * Appends a finite double as a canonical JSON number (ECMAScript form).
   *
   * @throws JsonTextException for NaN and infinities
   */
  public static void appendNumber(StringBuilder out, double d) {
    if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER) {
      out.append((long) d); // the fast path: what ECMAScript writes for an exact small integer
    } else if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new JsonTextException("JSON has no representation for " + d);
    } else {
      out.append(EcmaNumbers.format(d));
    }
  }

  /**
   * Appends an integer as a canonical JSON number: as is when a double holds it exactly.
   *
   * @throws JsonTextException for an integer no double holds (such as 2^53 + 1)
   */
  public static void appendInteger(StringBuilder out, long v) {
    if (Math.abs(v) <= MAX_SAFE_INTEGER) {
      out.append(v);
    } else {
      integer(BigInteger.valueOf(v), out);
    }
  }

  private static void integer(BigInteger v, StringBuilder out) {
    double d = v.doubleValue();
    if (Double.isInfinite(d) || new BigDecimal(d).toBigIntegerExact().compareTo(v) != 0) {
      throw new JsonTextException(
          "integer "
              + v
              + " has no exact IEEE double and cannot be canonical JSON; give it as a string");
    }
    out.append(EcmaNumbers.format(d));
  }

  private static void decimal(BigDecimal v, StringBuilder out) {
    double d = v.doubleValue(); // the nearest double, as JSON.parse would read the text
    if (Double.isInfinite(d)) {
      throw new JsonTextException("number " + v + " is out of the range of JSON numbers");
    }
    appendNumber(out, d);
  }

  private static void object(Map<?, ?> m, StringBuilder out) {
    List<String> keys = new ArrayList<>(m.size());
    for (Object k : m.keySet()) {
      if (!(k instanceof String s)) {
        throw new JsonTextException("JSON object keys must be strings, was " + k);
      }
      keys.add(s);
    }
    keys.sort(null); // String order is UTF-16 code unit order, as RFC 8785 requires
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendString(out, keys.get(i));
      out.append(':');
      write(m.get(keys.get(i)), out);
    }
    out.append('}');
  }

  private static void array(List<?> l, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(l.get(i), out);
    }
    out.append(']');
  }

  private static void node(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          appendString(out, keys.get(i));
          out.append(':');
          node(node.path(keys.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          node(node.path(i), out);
        }
        out.append(']');
      }
      case STRING -> appendString(out, node.asText());
      case NUMBER -> {
        if (node.isIntegralNumber()) {
          integer(node.bigIntegerValue(), out);
        } else if (node.isBigDecimal()) {
          decimal(node.decimalValue(), out);
        } else {
          appendNumber(out, node.doubleValue());
        }
      }
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> throw new JsonTextException("not a JSON value: " + node.getNodeType());
    }
  }
}
