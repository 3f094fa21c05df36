package org.umbrella.agreement.model;

import java.time.Instant;

/** When a guarantee starts to hold: at a fixed instant, or when a provision enters into force. */
public sealed interface Activation {

  /**
   * At a fixed instant. Written {@code activates: { at: 2026-03-01T00:00:00Z }}.
   *
   * @param at the instant
   */
  record At(Instant at) implements Activation {
    @Override
    public String toString() {
      return "at " + at;
    }
  }

  /**
   * When a provision enters into force (its {@code in-force} date, or a report that it did).
   * Written {@code activates: { when: ceasefire in-force }}.
   *
   * @param provision the provision's id
   */
  record WhenInForce(String provision) implements Activation {
    @Override
    public String toString() {
      return "when " + provision + " is in force";
    }
  }
}
