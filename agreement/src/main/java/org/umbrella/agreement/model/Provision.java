package org.umbrella.agreement.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something the parties undertake, tracked on the Peace Accords Matrix 0-3 implementation scale.
 *
 * @param id the key under {@code provisions:}
 * @param title a short title
 * @param text a paraphrase of the clause, if given
 * @param category its subject, if given
 * @param obligors the parties that undertake it (possibly none, for a declaratory clause)
 * @param inForce when it entered into force, if fixed in the text
 * @param due its deadline relative to another provision, if any
 * @param quantity a number it fixes (an army cap, an amount), if any
 * @param cites sources
 */
public record Provision(
    String id,
    String title,
    Optional<String> text,
    Optional<Category> category,
    List<String> obligors,
    Optional<Instant> inForce,
    Optional<Due> due,
    Optional<Quantity> quantity,
    List<Citation> cites) {
  /** Creates the provision; lists are copied. */
  public Provision {
    obligors = List.copyOf(obligors);
    cites = List.copyOf(cites);
  }
}
