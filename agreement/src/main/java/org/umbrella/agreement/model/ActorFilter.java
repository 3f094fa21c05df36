package org.umbrella.agreement.model;

import java.util.List;

/**
 * Whose acts a finding or consequence counts: anyone (including unattributed acts) or named
 * parties.
 */
public sealed interface ActorFilter {

  /** Whether an act by {@code party} ({@code ""} when unattributed) is counted. */
  boolean admits(String party);

  /** Anyone, attributed or not. Written {@code by: any} or by leaving {@code by} out. */
  record Any() implements ActorFilter {
    @Override
    public boolean admits(String party) {
      return true;
    }

    @Override
    public String toString() {
      return "any";
    }
  }

  /**
   * Only acts attributed to one of these parties. Written {@code by: RU} or {@code by: [RU, BY]}.
   *
   * @param parties party ids, at least one
   */
  record Parties(List<String> parties) implements ActorFilter {
    /** Creates the filter; the list is copied. */
    public Parties {
      parties = List.copyOf(parties);
    }

    @Override
    public boolean admits(String party) {
      return parties.contains(party);
    }

    @Override
    public String toString() {
      return String.join(", ", parties);
    }
  }

  /** The filter that admits everyone. */
  static ActorFilter any() {
    return new Any();
  }
}
