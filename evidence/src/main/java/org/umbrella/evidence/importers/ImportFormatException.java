package org.umbrella.evidence.importers;

import org.umbrella.evidence.EvidenceException;

/**
 * The input as a whole cannot be imported in the chosen format (e.g. a required column is missing).
 */
public final class ImportFormatException extends EvidenceException {
  private static final long serialVersionUID = 1L;

  public ImportFormatException(String message) {
    super(message);
  }
}
