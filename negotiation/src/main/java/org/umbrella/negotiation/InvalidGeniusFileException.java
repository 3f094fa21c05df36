package org.umbrella.negotiation;

/**
 * A GENIUS domain or profile that cannot be imported; the message names the file and the element.
 */
public final class InvalidGeniusFileException extends NegotiationException {
  private static final long serialVersionUID = 1L;

  public InvalidGeniusFileException(String message) {
    super(message);
  }
}
