package org.umbrella.negotiation;

import java.util.List;
import java.util.stream.Collectors;

/** A negotiation file that does not load; holds every problem found, each with its location. */
public final class InvalidNegotiationException extends NegotiationException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /** Creates the exception from at least one problem. */
  public InvalidNegotiationException(List<Problem> problems) {
    super(problems.stream().map(Problem::display).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
