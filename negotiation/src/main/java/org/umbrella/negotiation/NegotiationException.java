package org.umbrella.negotiation;

/**
 * The root of every exception this module throws on purpose; catching it catches them all.
 *
 * <p>Subtypes say what failed: {@link InvalidNegotiationException} for a model that does not load,
 * {@link AnalysisLimitException} for a request beyond a stated limit, {@link
 * InvalidGeniusFileException} for GENIUS XML that does not import.
 */
public class NegotiationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected NegotiationException(String message) {
    super(message, null, false, false);
  }
}
