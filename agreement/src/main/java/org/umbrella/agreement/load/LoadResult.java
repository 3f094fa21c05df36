package org.umbrella.agreement.load;

import java.util.List;
import java.util.Optional;
import org.umbrella.agreement.model.Agreement;

/**
 * The outcome of loading one agreement file: the model when the file is valid, and every issue
 * found, in order of position.
 *
 * @param file the file name as given to the loader
 * @param model the agreement, present exactly when {@code issues} is empty
 * @param issues every problem, sorted by line and column
 */
public record LoadResult(String file, Optional<Agreement> model, List<Issue> issues) {

  /** Creates a result; the list is copied. */
  public LoadResult {
    issues = List.copyOf(issues);
    if (model.isPresent() != issues.isEmpty()) {
      throw new IllegalArgumentException("a result has a model exactly when it has no issues");
    }
  }

  /** Whether the file is valid. */
  public boolean isValid() {
    return issues.isEmpty();
  }

  /**
   * The agreement.
   *
   * @throws InvalidAgreementException if the file has issues; it carries them all
   */
  public Agreement agreement() {
    return model.orElseThrow(() -> new InvalidAgreementException(file, issues));
  }

  /** Every issue as a compiler prints it, one block after another. */
  public String toDisplayString() {
    StringBuilder b = new StringBuilder();
    issues.forEach(i -> b.append(i.toDisplayString()));
    return b.toString();
  }
}
