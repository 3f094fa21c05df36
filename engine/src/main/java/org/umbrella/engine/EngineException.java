package org.umbrella.engine;

/**
 * Root of every exception the engine module throws.
 *
 * <p>Subtypes name what failed ({@link org.umbrella.engine.input.InputFormatException} for a
 * malformed input line). Each carries a message that says where and why, fit to show a user as is.
 */
public class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
