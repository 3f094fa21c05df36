package org.umbrella.store;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure the store reports: the database cannot be reached or started, a record
 * is missing, a review is not allowed, an import row is wrong.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
