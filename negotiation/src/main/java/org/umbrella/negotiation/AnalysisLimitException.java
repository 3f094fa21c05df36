package org.umbrella.negotiation;

/**
 * A request that would exceed one of the analysis's stated limits (never a silent cut-off).
 *
 * <p>The message names the limit, the size requested and how to stay within it.
 */
public final class AnalysisLimitException extends NegotiationException {
  private static final long serialVersionUID = 1L;

  public AnalysisLimitException(String message) {
    super(message);
  }
}
