package org.umbrella.evidence.importers;

/**
 * Why one row cannot be mapped; caught by the importer and reported as a rejection, never thrown to
 * callers.
 */
final class RowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RowException(String reason) {
    super(reason, null, false, false);
  }
}
