package org.umbrella.evidence;

/**
 * Root of every exception the evidence module throws; messages name the row or line and what is
 * wrong.
 */
public class EvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message) {
    super(message);
  }

  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
