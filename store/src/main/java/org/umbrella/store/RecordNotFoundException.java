package org.umbrella.store;

/** A record asked for by id or leaf index does not exist. */
public final class RecordNotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;

  public RecordNotFoundException(String message) {
    super(message);
  }
}
