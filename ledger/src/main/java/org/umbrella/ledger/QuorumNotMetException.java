package org.umbrella.ledger;

/**
 * A checkpoint is validly signed by the log but not cosigned by enough of the trusted witnesses.
 */
public final class QuorumNotMetException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public QuorumNotMetException(String message) {
    super(message);
  }
}
