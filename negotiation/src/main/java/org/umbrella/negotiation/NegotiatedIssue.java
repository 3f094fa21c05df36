package org.umbrella.negotiation;

import java.util.Optional;

/**
 * One issue of the outcome space: a finite, ordered list of options indexed from 0.
 *
 * <p>A package chooses one option of every issue. Discrete issues name their options; numeric
 * issues are a range walked in steps, so they too are finite and exact.
 */
public sealed interface NegotiatedIssue permits DiscreteIssue, NumericIssue {
  /** The issue's name as written in the file. */
  String name();

  /** Where the issue is declared. */
  Location at();

  /** The number of options, at least 1. */
  int size();

  /** The option's label as a user writes it (a name, or a number without trailing zeros). */
  String label(int option);

  /** The option's value as red lines see it: a String, a Long (integral numeric) or a Double. */
  Object celValue(int option);

  /** The index of the option a user wrote ({@code "article-5-like"}, {@code 600000}), if any. */
  Optional<Integer> indexOf(Object written);

  /** The identifier red lines use for this issue: the name with {@code -} replaced by {@code _}. */
  default String celName() {
    return name().replace('-', '_');
  }
}
