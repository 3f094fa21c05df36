package org.umbrella.engine.input;

import java.util.Locale;
import java.util.Optional;

/**
 * How precisely an incident's place is known: the point itself, near it (within a few km), or only
 * its district, region or country (the coordinates are then that unit's representative point).
 */
public enum PlacePrecision {
  EXACT,
  NEAR,
  DISTRICT,
  REGION,
  COUNTRY;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  public static Optional<PlacePrecision> fromWire(String name) {
    for (PlacePrecision p : values()) {
      if (p.wire.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
