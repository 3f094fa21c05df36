package org.umbrella.agreement.model;

import java.util.List;

/** One step of a {@link Consequence}. */
public sealed interface Action {

  /**
   * The provision's status becomes revoked (e.g. sanctions relief snaps back).
   *
   * @param provision its id
   */
  record Revoke(String provision) implements Action {
    @Override
    public String toString() {
      return "revoke " + provision;
    }
  }

  /**
   * The provision is suspended until reinstated.
   *
   * @param provision its id
   */
  record Suspend(String provision) implements Action {
    @Override
    public String toString() {
      return "suspend " + provision;
    }
  }

  /**
   * These parties are alerted.
   *
   * @param parties party ids, at least one
   */
  record Notify(List<String> parties) implements Action {
    /** Creates the action; the list is copied. */
    public Notify {
      parties = List.copyOf(parties);
    }

    @Override
    public String toString() {
      return "notify " + String.join(", ", parties);
    }
  }
}
