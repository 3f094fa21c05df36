package org.umbrella.negotiation;

/**
 * One thing wrong with an input, where it is, and what would be valid instead.
 *
 * @param where the location of the offending text
 * @param message what is wrong, with the offending value
 * @param hint what would be valid (may be empty)
 */
public record Problem(Location where, String message, String hint) {
  /** Renders as {@code file:line:column: message (hint)}. */
  public String display() {
    return where + ": " + message + (hint.isEmpty() ? "" : "\n    hint: " + hint);
  }
}
