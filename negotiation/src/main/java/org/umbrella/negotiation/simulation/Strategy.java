package org.umbrella.negotiation.simulation;

import java.util.Locale;

/**
 * A negotiating strategy for the stacked alternating offers protocol.
 *
 * <p>Time-dependent strategies aim at {@code target(t) = min + (max - min) * (1 - t^(1/e))} of
 * their own utility, t in [0, 1] the share of the deadline used (Faratin, Sierra and Jennings 1998,
 * with k = 0): Boulware e = 0.2 concedes late, linear e = 1, conceder e = 2 concedes early.
 * Tit-for-tat (relative) concedes, in its own utility, as much as the others' offers have conceded
 * to it so far. {@code min} is the larger of the party's reservation and its worst offerable
 * package; {@code max} its best.
 */
public enum Strategy {
  BOULWARE(0.2),
  LINEAR(1),
  CONCEDER(2),
  TIT_FOR_TAT(Double.NaN);

  private final double e;

  Strategy(double e) {
    this.e = e;
  }

  /** The concession exponent (NaN for tit-for-tat). */
  public double exponent() {
    return e;
  }

  /** Parses {@code boulware}, {@code linear}, {@code conceder}, {@code tit-for-tat}. */
  public static Strategy parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "boulware" -> BOULWARE;
      case "linear" -> LINEAR;
      case "conceder" -> CONCEDER;
      case "tit-for-tat", "tft", "titfortat" -> TIT_FOR_TAT;
      default ->
          throw new IllegalArgumentException(
              "unknown strategy '" + s + "'; use boulware, linear, conceder or tit-for-tat");
    };
  }

  /** The name used on the command line. */
  public String label() {
    return this == TIT_FOR_TAT ? "tit-for-tat" : name().toLowerCase(Locale.ROOT);
  }
}
