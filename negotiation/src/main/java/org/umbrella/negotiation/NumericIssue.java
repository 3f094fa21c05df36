package org.umbrella.negotiation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A numeric issue: the values {@code low, low + step, ...} up to {@code high} inclusive.
 *
 * <p>When low, high and step are whole numbers, red lines see the value as a CEL {@code int};
 * otherwise as a {@code double}.
 *
 * @param name the issue's name
 * @param low the smallest value
 * @param high the largest value; {@code high - low} must be a whole number of steps
 * @param step the positive distance between neighbouring values
 * @param at where it is declared
 */
public record NumericIssue(String name, double low, double high, double step, Location at)
    implements NegotiatedIssue {
  /** Validates the range: finite, {@code low <= high}, positive step dividing the range. */
  public NumericIssue {
    if (!(Double.isFinite(low) && Double.isFinite(high) && Double.isFinite(step))
        || low > high
        || step <= 0) {
      throw new IllegalArgumentException(
          "range must satisfy low <= high and step > 0, was ["
              + low
              + ", "
              + high
              + "] step "
              + step);
    }
    double steps = (high - low) / step;
    if (Math.abs(steps - Math.rint(steps)) > 1e-9 * Math.max(1, steps)) {
      throw new IllegalArgumentException(
          "step " + step + " does not divide the range [" + low + ", " + high + "]");
    }
  }

  /** Whether low, high and step are whole numbers, so values are integers. */
  public boolean integral() {
    return low == Math.rint(low) && step == Math.rint(step) && high == Math.rint(high);
  }

  @Override
  public int size() {
    return (int) Math.rint((high - low) / step) + 1;
  }

  /** The number this option stands for. */
  public double value(int option) {
    // Decimal arithmetic so that 0.1-steps give 0.3, not 0.30000000000000004.
    return option == size() - 1
        ? high
        : new BigDecimal(Double.toString(low))
            .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(option)))
            .doubleValue();
  }

  @Override
  public String label(int option) {
    return integral()
        ? Long.toString((long) value(option))
        : BigDecimal.valueOf(value(option)).stripTrailingZeros().toPlainString();
  }

  @Override
  public Object celValue(int option) {
    return integral() ? (Object) (long) value(option) : (Object) value(option);
  }

  @Override
  public Optional<Integer> indexOf(Object written) {
    double x;
    if (written instanceof Number n) {
      x = n.doubleValue();
    } else {
      try {
        x = Double.parseDouble(String.valueOf(written));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    double k = (x - low) / step;
    long r = Math.round(k);
    if (Math.abs(k - r) > 1e-9 || r < 0 || r >= size()) {
      return Optional.empty();
    }
    return Optional.of((int) r);
  }
}
