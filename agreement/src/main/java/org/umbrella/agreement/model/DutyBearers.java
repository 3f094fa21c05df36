package org.umbrella.agreement.model;

import java.util.List;

/** Who bears a duty of a guarantee: each guarantor, the protected party, or named parties. */
public sealed interface DutyBearers {

  /** The party ids bearing the duty under {@code guarantee}, in file order. */
  List<String> resolve(Guarantee guarantee);

  /** Each guarantor ({@code each: guarantor}). */
  record Guarantors() implements DutyBearers {
    @Override
    public List<String> resolve(Guarantee guarantee) {
      return guarantee.guarantors();
    }

    @Override
    public String toString() {
      return "guarantor";
    }
  }

  /** The protected party ({@code each: protected}). */
  record Protected() implements DutyBearers {
    @Override
    public List<String> resolve(Guarantee guarantee) {
      return List.of(guarantee.protects());
    }

    @Override
    public String toString() {
      return "protected";
    }
  }

  /**
   * Named parties ({@code each: [US, GB]}).
   *
   * @param parties party ids, at least one
   */
  record Parties(List<String> parties) implements DutyBearers {
    /** Creates the bearers; the list is copied. */
    public Parties {
      parties = List.copyOf(parties);
    }

    @Override
    public List<String> resolve(Guarantee guarantee) {
      return parties;
    }

    @Override
    public String toString() {
      return String.join(", ", parties);
    }
  }
}
