package org.umbrella.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.umbrella.server.app.DomainError;

/**
 * What every input must satisfy before it may be stored, whatever route it came by: text holds no
 * NUL and no unpaired UTF-16 surrogate (PostgreSQL's {@code text} and {@code jsonb} cannot hold the
 * first, UTF-8 cannot encode the second, and either used to surface as a 500 carrying the input in
 * the database's error message), and instants lie in the years 1583-9999: four-digit years (RFC
 * 3339; PostgreSQL cannot store years past 294276 nor before 4713 BC, and refused those with a
 * 500), and Gregorian ones, because the JDBC driver converts through {@code java.sql.Timestamp},
 * whose calendar is Julian before October 1582, while PostgreSQL's is proleptic Gregorian: an
 * earlier time would be stored days away from the one sent.
 *
 * <p>Pure functions; the callers turn a violation into a 400 naming the field.
 */
public final class InputRules {
  /**
   * The earliest instant accepted: 1583-01-01T00:00:00Z, the first whole Gregorian year everywhere
   * in the chain.
   */
  public static final Instant EARLIEST = Instant.parse("1583-01-01T00:00:00Z");

  /** The first instant no longer accepted: 10000-01-01T00:00:00Z. */
  public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private InputRules() {}

  /**
   * What is wrong with {@code text} as stored text, if anything: a NUL, or a surrogate without its
   * pair, with the character position (0-based) where it is.
   */
  public static Optional<String> textProblem(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("contains a NUL character (U+0000) at position " + i);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(
            "contains an unpaired UTF-16 surrogate (U+"
                + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                + ") at position "
                + i);
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of(
            "contains an unpaired UTF-16 surrogate (U+"
                + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                + ") at position "
                + i);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code text} unchanged when it may be stored.
   *
   * @throws DomainError 400 naming {@code field} when it holds a NUL or an unpaired surrogate
   */
  public static String text(String field, String text) {
    if (text != null) {
      textProblem(text)
          .ifPresent(
              p -> {
                throw new DomainError.Invalid(field, name(field) + " " + p);
              });
    }
    return text;
  }

  /** Whether {@code t} lies in the years 1583-9999. */
  public static boolean inRange(Instant t) {
    return !t.isBefore(EARLIEST) && t.isBefore(END);
  }

  /**
   * Parses an ISO-8601 UTC instant in the years 1583-9999.
   *
   * @throws DomainError 400 naming {@code field}: malformed, or out of range
   */
  public static Instant instant(String field, String text) {
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid(
          field,
          name(field)
              + " must be an ISO-8601 UTC instant such as 2026-03-05T04:10:00Z, was '"
              + clip(text)
              + "'");
    }
    return inRange(field, t);
  }

  /**
   * {@code t} unchanged when in the years 1583-9999.
   *
   * @throws DomainError 400 naming {@code field} otherwise
   */
  public static Instant inRange(String field, Instant t) {
    if (!inRange(t)) {
      throw new DomainError.Invalid(
          field, name(field) + " must be in the years 1583 to 9999, was " + clip(t.toString()));
    }
    return t;
  }

  /**
   * A field's name for a message: the JSON pointer or query parameter without its leading '/' or
   * '?'.
   */
  private static String name(String field) {
    return field.startsWith("/") || field.startsWith("?") ? field.substring(1) : field;
  }

  private static String clip(String s) {
    String safe = textProblem(s).isPresent() ? s.replaceAll("[\\x00\\uD800-\\uDFFF]", "?") : s;
    return safe.length() > 60 ? safe.substring(0, 60) + "..." : safe;
  }
}
