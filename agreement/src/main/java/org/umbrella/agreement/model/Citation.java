package org.umbrella.agreement.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A clause's reference to one of the agreement's {@link Source sources}, optionally with a locator
 * inside it ({@code point 10}, {@code para. 3}).
 *
 * @param source the id of a source declared under {@code sources:}
 * @param at where in the source, if given
 */
public record Citation(String source, Optional<String> at) {
  /** Creates a citation; both components are required (use {@link Optional#empty()}). */
  public Citation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
  }

  /** A citation of a whole source. */
  public static Citation of(String source) {
    return new Citation(source, Optional.empty());
  }

  /** {@code source} or {@code source, point 10}. */
  @Override
  public String toString() {
    return at.map(a -> source + ", " + a).orElse(source);
  }
}
