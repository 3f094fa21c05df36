package org.umbrella.agreement.model;

import java.util.Locale;

/**
 * A number a provision fixes: a cap ({@code at-most}), a floor ({@code at-least}) or an amount
 * ({@code exactly}), with its unit.
 *
 * @param bound which kind of number
 * @param value the number
 * @param unit what is counted (personnel, USD, days)
 */
public record Quantity(Bound bound, long value, String unit) {

  /** The kind of number. */
  public enum Bound {
    AT_MOST("at-most", "at most"),
    AT_LEAST("at-least", "at least"),
    EXACTLY("exactly", "exactly");

    private final String label;
    private final String words;

    Bound(String label, String words) {
      this.label = label;
      this.words = words;
    }

    /** The key in files. */
    public String label() {
      return label;
    }

    /** Plain English. */
    public String words() {
      return words;
    }
  }

  /** {@code at most 600,000 personnel}. */
  @Override
  public String toString() {
    return bound.words() + " " + String.format(Locale.ROOT, "%,d", value) + " " + unit;
  }
}
