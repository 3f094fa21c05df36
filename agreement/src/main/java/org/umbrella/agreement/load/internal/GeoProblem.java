package org.umbrella.agreement.load.internal;

/**
 * A geometry that cannot be read or is impossible; caught by the parser and reported as an issue.
 */
final class GeoProblem extends Exception {
  private static final long serialVersionUID = 1L;

  GeoProblem(String message) {
    super(message, null, false, false);
  }
}
