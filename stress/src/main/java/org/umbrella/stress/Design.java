package org.umbrella.stress;

import java.util.Objects;
import org.umbrella.agreement.model.Agreement;

/**
 * One guarantee design to stress: a validated agreement under a display name (its file name, or
 * the file and the swept value).
 *
 * @param name how the report names the design; unique within a run
 * @param agreement the agreement the engine runs
 */
public record Design(String name, Agreement agreement) {
  public Design {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(agreement, "agreement");
  }
}
