package org.umbrella.witness;

/** The witness cannot start or keep its state: a bad key or state file, a port in use. */
public final class WitnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WitnessException(String message, Throwable cause) {
    super(message, cause);
  }

  public WitnessException(String message) {
    super(message);
  }
}
