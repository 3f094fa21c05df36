package org.umbrella.store;

/** A review asks for a status change the workflow does not allow; the message says why. */
public final class ReviewNotAllowedException extends StoreException {
  private static final long serialVersionUID = 1L;

  public ReviewNotAllowedException(String message) {
    super(message);
  }
}
