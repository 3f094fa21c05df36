package org.umbrella.engine.input;

import java.util.Objects;

/**
 * Who an incident is attributed to, and how confident the attribution is (0..1).
 *
 * <p>{@link #UNATTRIBUTED} (party {@code ""}) stands for "no attribution"; it is never written out.
 *
 * <p>The constructor throws {@code IllegalArgumentException} if confidence is outside [0, 1].
 */
public record Actor(String party, double confidence) {
  /** No attribution. */
  public static final Actor UNATTRIBUTED = new Actor("", 0);

  public Actor {
    Objects.requireNonNull(party, "party");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
  }

  public boolean attributed() {
    return !party.isEmpty();
  }
}
