package org.umbrella.agreement.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The voting rules count eligible members (members minus recused). */
class VotingRuleTest {
  @Test
  void majority_needsMoreThanHalfOfEligible() {
    VotingRule r = new VotingRule.Majority();
    assertThat(r.passes(3, 0, 5)).isTrue();
    assertThat(r.passes(2, 0, 4)).isFalse();
    assertThat(r.passes(3, 2, 4)).isTrue();
  }

  @Test
  void consensus_failsOnAnyNo_andNeedsAYes() {
    VotingRule r = new VotingRule.Consensus();
    assertThat(r.passes(2, 0, 5)).isTrue();
    assertThat(r.passes(4, 1, 5)).isFalse();
    assertThat(r.passes(0, 0, 5)).isFalse();
  }

  @Test
  void unanimity_needsEveryEligibleMember() {
    VotingRule r = new VotingRule.Unanimity();
    assertThat(r.passes(4, 0, 4)).isTrue();
    assertThat(r.passes(3, 0, 4)).isFalse();
  }

  @Test
  void atLeastTwoThirds_isExactOnTheBoundary() {
    VotingRule r = new VotingRule.AtLeast(2, 3);
    assertThat(r.passes(4, 0, 6)).isTrue();
    assertThat(r.passes(3, 0, 5)).isFalse();
    assertThat(r.passes(4, 1, 5)).isTrue();
  }

  @Test
  void reviewStatus_rejectedNeverSatisfiesAMinimum() {
    assertThat(ReviewStatus.VERIFIED.satisfies(ReviewStatus.CORROBORATED)).isTrue();
    assertThat(ReviewStatus.REPORTED.satisfies(ReviewStatus.CORROBORATED)).isFalse();
    assertThat(ReviewStatus.REJECTED.satisfies(ReviewStatus.REPORTED)).isFalse();
  }
}
