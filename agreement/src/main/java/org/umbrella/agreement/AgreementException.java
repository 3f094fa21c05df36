package org.umbrella.agreement;

/**
 * The root of every exception the agreement module throws.
 *
 * <p>User errors in agreement files are not exceptions: the loader returns them as values (see
 * {@link org.umbrella.agreement.load.LoadResult}). Exceptions of this type are thrown only when a
 * caller asks for something that does not exist, such as the model of a file that has errors.
 */
public class AgreementException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what failed and where. */
  public AgreementException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public AgreementException(String message, Throwable cause) {
    super(message, cause);
  }
}
