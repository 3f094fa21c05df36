package org.umbrella.ledger;

/** An inclusion or consistency proof does not verify against the roots and sizes given. */
public final class InvalidProofException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public InvalidProofException(String message) {
    super(message);
  }
}
