package org.umbrella.agreement.model;

import java.util.List;

/**
 * A party to the agreement: a state or an organisation that undertakes, guarantees or is protected.
 *
 * @param id the short code used everywhere in the file ({@code UA}, {@code RU}, {@code EU})
 * @param name the full name
 * @param cites sources for the party's role, possibly empty
 */
public record Party(String id, String name, List<Citation> cites) {
  /** Creates a party; the citation list is copied. */
  public Party {
    cites = List.copyOf(cites);
  }
}
