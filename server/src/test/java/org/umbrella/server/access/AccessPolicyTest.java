package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of the issue, stated one by one against the policy table. */
class AccessPolicyTest {
  static Principal as(Role role, String party) {
    return new Principal.Authenticated(
        new Account(1, "u", "U", role, Optional.ofNullable(party)), false);
  }

  static final Scope.OfBody COMMISSION =
      new Scope.OfBody("special-commission", Set.of("US", "GB", "FR", "DE", "UA"));

  @Test
  void guarantorRepresentative_answersOnlyItsOwnPartysObligations() {
    assertThat(
            AccessPolicy.allows(
                as(Role.GUARANTOR_REPRESENTATIVE, "US"),
                Permission.ANSWER_OBLIGATION,
                new Scope.OfParty("US")))
        .isTrue();
    assertThat(
            AccessPolicy.allows(
                as(Role.GUARANTOR_REPRESENTATIVE, "US"),
                Permission.ANSWER_OBLIGATION,
                new Scope.OfParty("GB")))
        .isFalse();
    assertThat(
            AccessPolicy.allows(
                as(Role.GUARANTOR_REPRESENTATIVE, "US"),
                Permission.READ_OBLIGATIONS,
                new Scope.OfParty("GB")))
        .isFalse();
    assertThat(
            AccessPolicy.allows(
                as(Role.ADMINISTRATOR, null),
                Permission.ANSWER_OBLIGATION,
                new Scope.OfParty("US")))
        .isFalse();
  }

  @Test
  void deliberations_areVisibleOnlyToMembersOfTheBody_notEvenToTheAdministrator() {
    assertThat(
            AccessPolicy.allows(
                as(Role.BODY_MEMBER, "GB"), Permission.READ_DELIBERATION, COMMISSION))
        .isTrue();
    assertThat(
            AccessPolicy.allows(
                as(Role.BODY_MEMBER, "RU"), Permission.READ_DELIBERATION, COMMISSION))
        .isFalse();
    assertThat(
            AccessPolicy.allows(
                as(Role.ADMINISTRATOR, null), Permission.READ_DELIBERATION, COMMISSION))
        .isFalse();
    assertThat(
            AccessPolicy.allows(
                as(Role.GUARANTOR_REPRESENTATIVE, "US"), Permission.VOTE, COMMISSION))
        .isFalse();
    assertThat(AccessPolicy.allows(Principal.ANONYMOUS, Permission.READ_DELIBERATION, COMMISSION))
        .isFalse();
  }

  @Test
  void thePublic_readsOnlyWhatIsPublic() {
    for (Permission a : Permission.values()) {
      assertThat(AccessPolicy.allows(Principal.ANONYMOUS, a, Scope.NONE))
          .as(a.name())
          .isEqualTo(a == Permission.READ_PUBLIC);
    }
  }

  @Test
  void onlyMonitorsFileReports_andOnlyVerifiersReviewThem() {
    for (Role r : Role.values()) {
      assertThat(AccessPolicy.allows(as(r, "US"), Permission.FILE_REPORT, Scope.NONE))
          .as(r.slug())
          .isEqualTo(r == Role.MONITOR);
      assertThat(AccessPolicy.allows(as(r, "US"), Permission.REVIEW_REPORT, Scope.NONE))
          .as(r.slug())
          .isEqualTo(r == Role.VERIFIER);
    }
  }

  @Test
  void scopedRule_withAScopeOfTheWrongKind_failsClosed() {
    assertThat(
            AccessPolicy.allows(
                as(Role.GUARANTOR_REPRESENTATIVE, "US"), Permission.ANSWER_OBLIGATION, Scope.NONE))
        .isFalse();
    assertThat(
            AccessPolicy.allows(
                as(Role.BODY_MEMBER, "US"), Permission.VOTE, new Scope.OfParty("US")))
        .isFalse();
  }

  @Test
  void accountWithoutParty_isNeverOwnParty() {
    assertThat(
            AccessPolicy.allows(
                as(Role.GUARANTOR_REPRESENTATIVE, null),
                Permission.READ_OBLIGATIONS,
                new Scope.OfParty("US")))
        .isFalse();
  }
}
