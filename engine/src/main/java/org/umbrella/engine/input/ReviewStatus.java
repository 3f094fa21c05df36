package org.umbrella.engine.input;

import java.util.Optional;

/**
 * How far an incident has been reviewed: {@code reported < corroborated < verified}; {@code rejected}
 * stands apart and never satisfies a minimum status.
 */
public enum ReviewStatus {
  REPORTED,
  CORROBORATED,
  VERIFIED,
  REJECTED;

  private final String wire = name().toLowerCase(java.util.Locale.ROOT);

  public String wireName() {
    return wire;
  }

  /** True when this status meets the minimum {@code required}; a rejected incident meets none. */
  public boolean satisfies(ReviewStatus required) {
    if (this == REJECTED || required == REJECTED) {
      return false;
    }
    return ordinal() >= required.ordinal();
  }

  public static Optional<ReviewStatus> fromWire(String name) {
    for (ReviewStatus s : values()) {
      if (s.wire.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
