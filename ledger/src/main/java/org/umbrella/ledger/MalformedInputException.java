package org.umbrella.ledger;

/**
 * Text the ledger was asked to read (a checkpoint, a proof file, a JSON leaf) is not in the
 * expected format; the message names the line or field.
 */
public final class MalformedInputException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public MalformedInputException(String message) {
    super(message);
  }

  public MalformedInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
