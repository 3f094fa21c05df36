package org.umbrella.engine.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The taxonomy of incident kinds (docs/incidents.md): what happened, independent of who reported
 * it.
 *
 * <p>Importers map each dataset's own categories onto these; {@link #OTHER} holds what fits none.
 */
public enum Kind {
  SHELLING,
  MISSILE_STRIKE,
  AIR_STRIKE,
  DRONE_STRIKE,
  ARMED_CLASH,
  GROUND_ASSAULT,
  SABOTAGE,
  MINE,
  SMALL_ARMS,
  VIOLENCE_AGAINST_CIVILIANS,
  PROTEST,
  RIOT,
  STRATEGIC_DEVELOPMENT,
  OTHER;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The name used in files and conditions, e.g. {@code missile_strike}. */
  public String wireName() {
    return wire;
  }

  /** Returns the kind whose wire name is {@code name}, if any. */
  public static Optional<Kind> fromWire(String name) {
    for (Kind k : values()) {
      if (k.wire.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** All wire names, comma separated, for hints. */
  public static String allWireNames() {
    return Arrays.stream(values()).map(Kind::wireName).collect(Collectors.joining(", "));
  }
}
