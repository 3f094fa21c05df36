package org.umbrella.engine.input;

/**
 * Reported deaths: a low, best and high estimate. Datasets do not always keep {@code low <= best <=
 * high} (UCDP GED has rows with {@code high < best}), so no order is assumed or enforced; only
 * negative counts are refused. {@link #NONE_REPORTED} is all zeros, used when a source gives none.
 *
 * <p>The constructor throws {@code IllegalArgumentException} if any count is negative.
 */
public record Fatalities(int low, int best, int high) {
  public static final Fatalities NONE_REPORTED = new Fatalities(0, 0, 0);

  public Fatalities {
    if (low < 0 || best < 0 || high < 0) {
      throw new IllegalArgumentException(
          "fatality counts must not be negative, were " + low + "/" + best + "/" + high);
    }
  }
}
