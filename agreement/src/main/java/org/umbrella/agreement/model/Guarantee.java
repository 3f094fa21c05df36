package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;

/**
 * A security guarantee: guarantors undertake duties toward a protected party when a trigger finding
 * is confirmed against it, from activation until the term ends or a void condition is confirmed.
 *
 * @param id the key under {@code guarantees:}
 * @param title a human title, if given
 * @param text a paraphrase of the clause, if given
 * @param guarantors party ids, at least one, never the protected party
 * @param protects the protected party's id
 * @param against the parties whose acts trigger it; empty means any party that is neither a
 *     guarantor nor protected
 * @param activates when it starts to hold
 * @param term how long it holds from activation; empty means indefinitely
 * @param renewable whether the term may be renewed
 * @param trigger the finding whose confirmation triggers the duties
 * @param duties what the guarantee obliges, in file order
 * @param voidIf findings that, confirmed against the protected party, void the guarantee
 * @param cites sources
 */
public record Guarantee(
    String id,
    Optional<String> title,
    Optional<String> text,
    List<String> guarantors,
    String protects,
    List<String> against,
    Activation activates,
    Optional<TimeSpan> term,
    boolean renewable,
    String trigger,
    List<Duty> duties,
    List<String> voidIf,
    List<Citation> cites) {
  /** Creates the guarantee; lists are copied. */
  public Guarantee {
    guarantors = List.copyOf(guarantors);
    against = List.copyOf(against);
    duties = List.copyOf(duties);
    voidIf = List.copyOf(voidIf);
    cites = List.copyOf(cites);
  }

  /**
   * Whether an act by {@code party} counts against this guarantee: it is one of {@link #against},
   * or, when that is empty, neither a guarantor nor the protected party.
   */
  public boolean isAgainst(String party) {
    if (!against.isEmpty()) {
      return against.contains(party);
    }
    return !party.isEmpty() && !party.equals(protects) && !guarantors.contains(party);
  }
}
