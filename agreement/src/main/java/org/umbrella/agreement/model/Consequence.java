package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;

/**
 * What follows automatically from a confirmed finding, once per finding: snap-back, suspension,
 * notification.
 *
 * @param id the key under {@code consequences:}
 * @param title a human title, if given
 * @param on the finding's id
 * @param by whose confirmed acts bring it
 * @param then the actions, in order
 * @param cites sources
 */
public record Consequence(
    String id,
    Optional<String> title,
    String on,
    ActorFilter by,
    List<Action> then,
    List<Citation> cites) {
  /** Creates the consequence; lists are copied. */
  public Consequence {
    then = List.copyOf(then);
    cites = List.copyOf(cites);
  }
}
