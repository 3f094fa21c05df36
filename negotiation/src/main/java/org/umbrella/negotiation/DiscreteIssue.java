package org.umbrella.negotiation;

import java.util.List;
import java.util.Optional;

/**
 * An issue whose options are named, e.g. {@code guarantee: [none, assurances, article-5-like]}.
 *
 * @param name the issue's name
 * @param options the option names, distinct, at least one
 * @param at where it is declared
 */
public record DiscreteIssue(String name, List<String> options, Location at)
    implements NegotiatedIssue {
  /** Validates that there is at least one option and that options are distinct. */
  public DiscreteIssue {
    options = List.copyOf(options);
    if (options.isEmpty() || options.stream().distinct().count() != options.size()) {
      throw new IllegalArgumentException(
          "issue " + name + " needs at least one option, all distinct, was " + options);
    }
  }

  @Override
  public int size() {
    return options.size();
  }

  @Override
  public String label(int option) {
    return options.get(option);
  }

  @Override
  public Object celValue(int option) {
    return options.get(option);
  }

  @Override
  public Optional<Integer> indexOf(Object written) {
    int i = options.indexOf(String.valueOf(written));
    return i < 0 ? Optional.empty() : Optional.of(i);
  }
}
