package org.umbrella.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON values in one canonical form, so that equal values always give equal bytes.
 *
 * <p>The form: object keys sorted by their UTF-16 code units (as RFC 8785), no whitespace between
 * tokens, strings escaped minimally ({@code \"}, {@code \\}, and control characters; everything
 * else written as is), integral numbers without a fraction, other numbers in the shortest decimal
 * that reads back to the same {@code double}, never in exponent form. Values are {@link Map} (keys
 * are strings), {@link List}, {@link String}, {@link Boolean}, {@link Number}, {@link JsonNode} or
 * {@code null}.
 *
 * <p>Thread-safe (stateless).
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /** Returns the canonical text of {@code value}; throws IllegalArgumentException for other types or non-finite numbers. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /** Appends the canonical text of {@code value} to {@code out}. */
  public static void write(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s, out);
      case Boolean b -> out.append(b.booleanValue());
      case Integer i -> out.append(i.intValue());
      case Long l -> out.append(l.longValue());
      case Double d -> number(d, out);
      case Float f -> number(f.doubleValue(), out);
      case Number n -> out.append(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
      case Map<?, ?> m -> object(m, out);
      case List<?> l -> array(l, out);
      case JsonNode n -> node(n, out);
      default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object k : map.keySet()) {
      keys.add((String) k);
    }
    Collections.sort(keys);
    out.append('{');
    boolean first = true;
    for (String k : keys) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(k, out);
      out.append(':');
      write(map.get(k), out);
    }
    out.append('}');
  }

  private static void array(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(list.get(i), out);
    }
    out.append(']');
  }

  private static void node(JsonNode n, StringBuilder out) {
    if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      Collections.sort(keys);
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(keys.get(i), out);
        out.append(':');
        node(n.get(keys.get(i)), out);
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      Iterator<JsonNode> it = n.elements();
      boolean first = true;
      while (it.hasNext()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        node(it.next(), out);
      }
      out.append(']');
    } else if (n.isTextual()) {
      string(n.textValue(), out);
    } else if (n.isIntegralNumber()) {
      out.append(n.bigIntegerValue());
    } else if (n.isNumber()) {
      number(n.doubleValue(), out);
    } else if (n.isBoolean()) {
      out.append(n.booleanValue());
    } else {
      out.append("null");
    }
  }

  /** Appends a double in canonical form: integral values without fraction, others shortest round-trip, no exponent. */
  public static void number(double d, StringBuilder out) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no representation for " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
      return;
    }
    String s = Double.toString(d);
    if (s.indexOf('E') >= 0) {
      s = new BigDecimal(s).toPlainString();
    }
    out.append(s);
  }

  /** Appends a JSON string literal with minimal escaping. */
  public static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
