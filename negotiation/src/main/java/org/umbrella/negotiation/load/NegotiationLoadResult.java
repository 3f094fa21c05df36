package org.umbrella.negotiation.load;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.umbrella.negotiation.InvalidNegotiationException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Problem;

/**
 * The outcome of loading one negotiation file, as a value: the model when the file is valid, and
 * every problem found in file order (as the agreement loader's {@code LoadResult} does).
 *
 * @param file the name the caller gave the text
 * @param model the negotiation, present exactly when there is no problem
 * @param problems every problem, in file order
 */
public record NegotiationLoadResult(
    String file, Optional<NegotiationModel> model, List<Problem> problems) {

  /** Creates a result; the list is copied. */
  public NegotiationLoadResult {
    problems = List.copyOf(problems);
    if (model.isPresent() != problems.isEmpty()) {
      throw new IllegalArgumentException("a result has a model exactly when it has no problems");
    }
  }

  /** Whether the file loaded. */
  public boolean isValid() {
    return model.isPresent();
  }

  /**
   * The negotiation.
   *
   * @throws InvalidNegotiationException if the file has problems; it carries them all
   */
  public NegotiationModel orElseThrow() {
    return model.orElseThrow(() -> new InvalidNegotiationException(problems));
  }

  /** Every problem as {@link Problem#display()} prints it, one after another. */
  public String toDisplayString() {
    return problems.stream().map(p -> p.display() + "\n").collect(Collectors.joining());
  }
}
