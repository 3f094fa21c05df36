package org.umbrella.negotiation;

import java.util.List;
import java.util.Map;

/**
 * How much a party values each option of one issue, on a 0..1 scale, possibly uncertain.
 *
 * <p>{@link OptionValues} names a value (or a range) per option; {@link PiecewiseLinear} maps a
 * numeric option through straight segments between points, flat beyond the first and last.
 */
public sealed interface ValueFunction {
  /** The value interval of one option of {@code issue}. */
  Interval value(NegotiatedIssue issue, int option);

  /** A value per named option. */
  record OptionValues(Map<String, Interval> values) implements ValueFunction {
    public OptionValues {
      values = Map.copyOf(values);
    }

    @Override
    public Interval value(NegotiatedIssue issue, int option) {
      Interval v = values.get(issue.label(option));
      if (v == null) {
        throw new IllegalArgumentException(
            "no value for option " + issue.label(option) + " of " + issue.name());
      }
      return v;
    }
  }

  /**
   * GENIUS evaluations of named options: the value of an option is its evaluation divided by the
   * issue's largest evaluation. Kept apart from {@link OptionValues} so that utilities are computed
   * with GENIUS's arithmetic, (weight x evaluation) / max, which rounds differently from weight x
   * (evaluation / max) and so decides near-ties on the frontier the way GENIUS does.
   */
  record GeniusEvaluations(Map<String, Double> evaluations) implements ValueFunction {
    public GeniusEvaluations {
      evaluations = Map.copyOf(evaluations);
    }

    /** The largest evaluation of the issue (the normaliser). */
    public double max() {
      return evaluations.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The raw evaluation of an option. */
    public double evaluation(NegotiatedIssue issue, int option) {
      Double e = evaluations.get(issue.label(option));
      if (e == null) {
        throw new IllegalArgumentException(
            "no evaluation for option " + issue.label(option) + " of " + issue.name());
      }
      return e;
    }

    @Override
    public Interval value(NegotiatedIssue issue, int option) {
      double max = max();
      return Interval.point(max == 0 ? 0 : evaluation(issue, option) / max);
    }
  }

  /** A point of a piecewise-linear function: at {@code x} the value is {@code value}. */
  record Knot(double x, Interval value) {}

  /**
   * Straight segments between knots sorted by x; below the first knot its value, above the last the
   * last's. Interval knots interpolate their bounds separately.
   */
  record PiecewiseLinear(List<Knot> knots) implements ValueFunction {
    public PiecewiseLinear {
      knots = List.copyOf(knots);
      if (knots.isEmpty()) {
        throw new IllegalArgumentException("a piecewise-linear value needs at least one point");
      }
      for (int i = 1; i < knots.size(); i++) {
        if (!(knots.get(i).x() > knots.get(i - 1).x())) {
          throw new IllegalArgumentException(
              "points must have increasing x, but "
                  + knots.get(i).x()
                  + " follows "
                  + knots.get(i - 1).x());
        }
      }
    }

    @Override
    public Interval value(NegotiatedIssue issue, int option) {
      if (!(issue instanceof NumericIssue n)) {
        throw new IllegalArgumentException(
            "a linear value needs a numeric issue, " + issue.name() + " is not");
      }
      double x = n.value(option);
      return new Interval(at(x, true), at(x, false));
    }

    private double at(double x, boolean low) {
      Knot first = knots.getFirst();
      Knot last = knots.getLast();
      if (x <= first.x()) {
        return low ? first.value().low() : first.value().high();
      }
      if (x >= last.x()) {
        return low ? last.value().low() : last.value().high();
      }
      for (int i = 1; i < knots.size(); i++) {
        Knot b = knots.get(i);
        if (x <= b.x()) {
          Knot a = knots.get(i - 1);
          double t = (x - a.x()) / (b.x() - a.x());
          double va = low ? a.value().low() : a.value().high();
          double vb = low ? b.value().low() : b.value().high();
          return va + t * (vb - va);
        }
      }
      throw new AssertionError("unreachable: x within knots");
    }
  }
}
