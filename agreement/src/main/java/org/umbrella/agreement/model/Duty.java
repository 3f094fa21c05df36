package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;

/**
 * What a guarantee obliges once triggered: one obligation per bearer, due {@code within} after the
 * trigger's confirmation.
 *
 * <p>A duty without {@code within} has no deadline: it is recorded, but can never be breached (as
 * in texts that promise "urgent consultation" without days); {@code explain} says so.
 *
 * @param id unique within its guarantee
 * @param title a human description, if given
 * @param each who bears it
 * @param within the deadline from the trigger's confirmation; empty means no deadline
 * @param options the responses that fulfil it, if restricted (e.g. military, economic)
 * @param cites sources
 */
public record Duty(
    String id,
    Optional<String> title,
    DutyBearers each,
    Optional<TimeSpan> within,
    List<String> options,
    List<Citation> cites) {
  /** Creates the duty; lists are copied. */
  public Duty {
    options = List.copyOf(options);
    cites = List.copyOf(cites);
  }
}
