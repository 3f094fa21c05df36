package org.umbrella.agreement.load;

import java.util.List;
import java.util.Optional;
import org.umbrella.agreement.model.Agreement;

/**
 * The outcome of loading one agreement file: the model when the file is valid, and every diagnostic
 * found (errors and warnings), in order of position.
 *
 * @param file the file name as given to the loader
 * @param model the agreement, present exactly when no issue is an error
 * @param issues every diagnostic, sorted by line and column
 */
public record LoadResult(String file, Optional<Agreement> model, List<Issue> issues) {

  /** Creates a result; the list is copied. */
  public LoadResult {
    issues = List.copyOf(issues);
    if (model.isPresent() != issues.stream().noneMatch(Issue::isError)) {
      throw new IllegalArgumentException("a result has a model exactly when it has no errors");
    }
  }

  /** Whether the file is valid: it has no errors (it may have warnings). */
  public boolean isValid() {
    return model.isPresent();
  }

  /** The errors, in order of position. */
  public List<Issue> errors() {
    return issues.stream().filter(Issue::isError).toList();
  }

  /** The warnings, in order of position. */
  public List<Issue> warnings() {
    return issues.stream().filter(i -> !i.isError()).toList();
  }

  /**
   * The agreement.
   *
   * @throws InvalidAgreementException if the file has errors; it carries them all
   */
  public Agreement agreement() {
    return model.orElseThrow(() -> new InvalidAgreementException(file, errors()));
  }

  /** Every diagnostic (errors and warnings) as a compiler prints it, one block after another. */
  public String toDisplayString() {
    StringBuilder b = new StringBuilder();
    issues.forEach(i -> b.append(i.toDisplayString()));
    return b.toString();
  }
}
