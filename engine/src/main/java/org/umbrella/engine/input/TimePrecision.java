package org.umbrella.engine.input;

import java.util.Locale;
import java.util.Optional;

/** How precisely an incident's time is known: the instant, or only its day, week, month or year. */
public enum TimePrecision {
  EXACT,
  DAY,
  WEEK,
  MONTH,
  YEAR;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  public static Optional<TimePrecision> fromWire(String name) {
    for (TimePrecision p : values()) {
      if (p.wire.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
