package org.umbrella.negotiation.analysis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact fraction, for computing utility contributions from the decimal numbers a file writes.
 *
 * <p>A double from a file is read as the shortest decimal that prints as it ({@code 0.3} is three
 * tenths, not the binary double nearest it), so equal sums of written decimals stay equal.
 */
record Rational(BigInteger num, BigInteger den) {
  static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  Rational {
    if (den.signum() == 0) {
      throw new ArithmeticException("zero denominator");
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
  }

  /** The decimal a double prints as ({@code 0.3} is 3/10). */
  static Rational decimal(double x) {
    BigDecimal d = new BigDecimal(Double.toString(x));
    return d.scale() <= 0
        ? new Rational(d.toBigIntegerExact(), BigInteger.ONE)
        : new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  Rational plus(Rational o) {
    return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  Rational minus(Rational o) {
    return plus(new Rational(o.num.negate(), o.den));
  }

  Rational times(Rational o) {
    return new Rational(num.multiply(o.num), den.multiply(o.den));
  }

  Rational over(Rational o) {
    return new Rational(num.multiply(o.den), den.multiply(o.num));
  }

  /** The midpoint of two values. */
  static Rational mid(Rational a, Rational b) {
    return a.plus(b).over(new Rational(BigInteger.TWO, BigInteger.ONE));
  }

  int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  double toDouble() {
    return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
  }
}
