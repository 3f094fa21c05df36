package org.umbrella.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double the way ECMAScript's Number.prototype.toString does, as RFC 8785 (JSON
 * Canonicalization Scheme) requires: shortest round-tripping digits, plain notation for exponents
 * in (-7, 21), otherwise {@code d.ddde+N}. Checked against the JCS reference's number file ({@code
 * EcmaNumbersTest}). Thread-safe (stateless).
 */
public final class EcmaNumbers {
  private EcmaNumbers() {}

  /**
   * The ECMAScript string of a finite double.
   *
   * @throws JsonTextException for NaN and infinities, which JSON cannot hold
   */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new JsonTextException("JSON numbers must be finite, was " + value);
    }
    if (value == 0) {
      return "0";
    }
    StringBuilder out = new StringBuilder();
    if (value < 0) {
      out.append('-');
      value = -value;
    }
    // Since JDK 19, Double.toString yields the shortest decimal that rounds to the value.
    BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    d = shortest(d, value);
    String digits = d.unscaledValue().toString();
    int k = digits.length();
    int n = k - d.scale();
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int e = n - 1;
      out.append('e').append(e >= 0 ? "+" : "-").append(Math.abs(e));
    }
    return out.toString();
  }

  /**
   * Java prints at least two significant digits where one would do (4.9E-324 for 5e-324);
   * ECMAScript takes the one-digit decimal whenever it rounds to the same double.
   */
  private static BigDecimal shortest(BigDecimal d, double value) {
    if (d.precision() != 2) {
      return d;
    }
    for (RoundingMode mode :
        new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal one = d.round(new MathContext(1, mode));
      if (one.doubleValue() == value) {
        return one.stripTrailingZeros();
      }
    }
    return d;
  }
}
