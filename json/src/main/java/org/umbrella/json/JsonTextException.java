package org.umbrella.json;

/**
 * A value canonical JSON cannot hold, or text that is not one strict JSON value: the message names
 * the value (the integer no double holds, the lone surrogate's index, the parser's complaint).
 */
public final class JsonTextException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public JsonTextException(String message) {
    super(message);
  }

  public JsonTextException(String message, Throwable cause) {
    super(message, cause);
  }
}
