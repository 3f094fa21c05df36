package org.umbrella.ledger;

/**
 * The root of every failure the ledger reports: a proof that does not verify, a malformed
 * checkpoint or proof file, a leaf that is not canonical JSON.
 *
 * <p>Messages say what failed and, where there is one, where (leaf index, tree size, line).
 */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerException(String message) {
    super(message);
  }

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
