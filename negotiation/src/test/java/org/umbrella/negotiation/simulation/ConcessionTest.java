package org.umbrella.negotiation.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The concession curves of the stacked alternating offers protocol, against the formula they cite:
 * {@code target(t) = min + (max - min) * (1 - t^(1/e))} (Faratin, Sierra and Jennings 1998, k = 0),
 * and tit-for-tat's relative concession. Rule, situation and expected target side by side.
 */
class ConcessionTest {
  static final double MIN = 0.2;
  static final double MAX = 0.9;

  @ParameterizedTest(name = "{0} at t={1}: {2}")
  @CsvSource({
    // strategy, t, expected target = 0.2 + 0.7 * (1 - t^(1/e))
    "BOULWARE, 0.0, 0.9",
    "BOULWARE, 0.5, 0.878125", // 1 - 0.5^5 = 0.96875
    "BOULWARE, 1.0, 0.2",
    "LINEAR, 0.0, 0.9",
    "LINEAR, 0.25, 0.725",
    "LINEAR, 0.5, 0.55",
    "LINEAR, 1.0, 0.2",
    "CONCEDER, 0.25, 0.55", // 1 - 0.25^0.5 = 0.5
    "CONCEDER, 0.5, 0.4050252531694167", // 1 - sqrt(0.5)
    "CONCEDER, 1.0, 0.2",
  })
  void timeDependentTargets_followTheFormula(Strategy st, double t, double expected) {
    assertThat(Saop.target(st, t, MIN, MAX, Double.NaN, Double.NaN))
        .isCloseTo(expected, within(1e-12));
  }

  @Property
  void timeDependentTargets_neverRise_andStayBetweenMinAndMax(
      @ForAll("timeDependent") Strategy st,
      @ForAll @DoubleRange(min = 0, max = 1) double t1,
      @ForAll @DoubleRange(min = 0, max = 1) double t2) {
    Assume.that(t1 <= t2);
    double a = Saop.target(st, t1, MIN, MAX, Double.NaN, Double.NaN);
    double b = Saop.target(st, t2, MIN, MAX, Double.NaN, Double.NaN);
    assertThat(b).isLessThanOrEqualTo(a + 1e-15);
    assertThat(a).isBetween(MIN - 1e-15, MAX + 1e-15);
  }

  @Property
  void boulwareHoldsOut_andConcederGivesWay_atEveryInnerMoment(
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double t) {
    double boulware = Saop.target(Strategy.BOULWARE, t, MIN, MAX, Double.NaN, Double.NaN);
    double linear = Saop.target(Strategy.LINEAR, t, MIN, MAX, Double.NaN, Double.NaN);
    double conceder = Saop.target(Strategy.CONCEDER, t, MIN, MAX, Double.NaN, Double.NaN);
    assertThat(boulware).isGreaterThan(linear);
    assertThat(linear).isGreaterThan(conceder);
  }

  @ParameterizedTest(name = "tit-for-tat, first {0}, best {1}: {2}")
  @CsvSource({
    // first offer received, best offer received, expected target = max(min, max - (best - first))
    "NaN, NaN, 0.9", // nothing received yet: hold at the best
    "0.3, 0.3, 0.9", // the others conceded nothing: neither do I
    "0.3, 0.5, 0.7", // they conceded 0.2 to me: I concede 0.2
    "0.1, 0.95, 0.2", // they conceded more than my range: floored at my minimum
  })
  void titForTat_concedesWhatItWasConceded(double first, double best, double expected) {
    assertThat(Saop.target(Strategy.TIT_FOR_TAT, 0.5, MIN, MAX, first, best))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void titForTat_ignoresTheClock() {
    for (double t : new double[] {0, 0.3, 1}) {
      assertThat(Saop.target(Strategy.TIT_FOR_TAT, t, MIN, MAX, 0.3, 0.4))
          .isCloseTo(0.8, within(1e-12));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "boulware, BOULWARE",
    "Linear, LINEAR",
    "CONCEDER, CONCEDER",
    "tit-for-tat, TIT_FOR_TAT",
    "tft, TIT_FOR_TAT",
    "titfortat, TIT_FOR_TAT"
  })
  void strategies_parseTheirNamesAndAliases(String name, Strategy expected) {
    assertThat(Strategy.parse(name)).isEqualTo(expected);
    assertThat(Strategy.parse(expected.label())).isEqualTo(expected);
  }

  @Test
  void strategies_labelsAndExponents() {
    assertThat(Strategy.TIT_FOR_TAT.label()).isEqualTo("tit-for-tat");
    assertThat(Strategy.BOULWARE.label()).isEqualTo("boulware");
    assertThat(Strategy.BOULWARE.exponent()).isEqualTo(0.2);
    assertThat(Strategy.LINEAR.exponent()).isEqualTo(1.0);
    assertThat(Strategy.CONCEDER.exponent()).isEqualTo(2.0);
    assertThat(Strategy.TIT_FOR_TAT.exponent()).isNaN();
  }

  @Test
  void anUnknownStrategy_isRefusedWithTheNamesThatWork() {
    assertThatThrownBy(() -> Strategy.parse("greedy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown strategy 'greedy'; use boulware, linear, conceder or tit-for-tat");
  }

  @Provide
  Arbitrary<Strategy> timeDependent() {
    return Arbitraries.of(Strategy.BOULWARE, Strategy.LINEAR, Strategy.CONCEDER);
  }
}
