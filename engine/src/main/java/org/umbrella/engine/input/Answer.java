package org.umbrella.engine.input;

import java.util.Locale;
import java.util.Optional;

/** How a guarantor answers an obligation: it fulfilled it (with its decision) or it is waived. */
public enum Answer {
  FULFILLED,
  WAIVED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  public static Optional<Answer> fromWire(String name) {
    for (Answer a : values()) {
      if (a.wire.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
