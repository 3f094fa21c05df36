package org.umbrella.agreement.load;

import java.util.List;
import org.umbrella.agreement.AgreementException;

/**
 * Thrown when the model of an agreement file with errors is asked for anyway; carries every issue.
 */
public final class InvalidAgreementException extends AgreementException {
  private static final long serialVersionUID = 1L;

  private final transient List<Issue> issues;

  /** Creates the exception for {@code file} and its issues (at least one). */
  public InvalidAgreementException(String file, List<Issue> issues) {
    super(
        file
            + " has "
            + issues.size()
            + (issues.size() == 1 ? " error" : " errors")
            + (issues.isEmpty()
                ? ""
                : "; first: " + issues.getFirst().location() + ": " + issues.getFirst().message()));
    this.issues = List.copyOf(issues);
  }

  /** Every issue of the file, in order of position. */
  public List<Issue> issues() {
    return issues;
  }
}
