package org.umbrella.agreement.model;

/**
 * How a {@link Body} decides: by majority, consensus, unanimity or a qualified share.
 *
 * <p>All rules count only eligible members (members minus those recused) and require the body's
 * quorum of votes cast.
 */
public sealed interface VotingRule {

  /**
   * Whether a motion passes.
   *
   * @param yes eligible members voting yes
   * @param no eligible members voting no
   * @param eligible eligible members (voting or not)
   */
  boolean passes(int yes, int no, int eligible);

  /** More than half of the eligible members vote yes. */
  record Majority() implements VotingRule {
    @Override
    public boolean passes(int yes, int no, int eligible) {
      return 2 * yes > eligible;
    }

    @Override
    public String toString() {
      return "majority";
    }
  }

  /** At least one yes and no member votes no (abstentions do not block). */
  record Consensus() implements VotingRule {
    @Override
    public boolean passes(int yes, int no, int eligible) {
      return yes > 0 && no == 0;
    }

    @Override
    public String toString() {
      return "consensus";
    }
  }

  /** Every eligible member votes yes. */
  record Unanimity() implements VotingRule {
    @Override
    public boolean passes(int yes, int no, int eligible) {
      return eligible > 0 && yes == eligible;
    }

    @Override
    public String toString() {
      return "unanimity";
    }
  }

  /**
   * At least {@code numerator/denominator} of the eligible members vote yes. Written {@code {
   * at-least: 2/3 }}.
   *
   * @param numerator at least 1
   * @param denominator at least {@code numerator}
   */
  record AtLeast(int numerator, int denominator) implements VotingRule {
    /**
     * Creates the rule.
     *
     * @throws IllegalArgumentException unless {@code 0 < numerator <= denominator}
     */
    public AtLeast {
      if (numerator <= 0 || denominator < numerator) {
        throw new IllegalArgumentException(
            "a share must be in (0, 1], was " + numerator + "/" + denominator);
      }
    }

    @Override
    public boolean passes(int yes, int no, int eligible) {
      return eligible > 0 && (long) yes * denominator >= (long) numerator * eligible;
    }

    @Override
    public String toString() {
      return "at least " + numerator + "/" + denominator;
    }
  }
}
