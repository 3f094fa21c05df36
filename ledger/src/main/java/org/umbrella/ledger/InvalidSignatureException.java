package org.umbrella.ledger;

/** A signed note or checkpoint is not validly signed by the expected key. */
public final class InvalidSignatureException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String message) {
    super(message);
  }
}
