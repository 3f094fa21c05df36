package org.umbrella.engine.input;

import java.util.Locale;
import java.util.Optional;

/** A body member's vote on a candidate finding. */
public enum Vote {
  CONFIRM,
  REJECT,
  ABSTAIN;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  public static Optional<Vote> fromWire(String name) {
    for (Vote v : values()) {
      if (v.wire.equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
