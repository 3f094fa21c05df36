package org.umbrella.store;

import org.umbrella.engine.input.ReviewStatus;

/**
 * The review workflow (after Ushahidi's): reported -> corroborated when the sources span enough
 * independence groups; corroborated -> verified; reported or corroborated -> rejected. Verified
 * and rejected are final; a correction is a new report.
 */
final class ReviewRules {
  private ReviewRules() {}

  /** Why the change is refused, or null when it is allowed. */
  static String refusal(ReviewStatus from, ReviewStatus to, int independentGroups, int minGroups) {
    return switch (from) {
      case REPORTED -> switch (to) {
        case CORROBORATED -> independentGroups >= minGroups ? null
            : "corroboration needs sources from " + minGroups + " independent groups, has " + independentGroups;
        case REJECTED -> null;
        default -> "a reported incident can be corroborated or rejected, not " + to.wireName();
      };
      case CORROBORATED -> to == ReviewStatus.VERIFIED || to == ReviewStatus.REJECTED ? null
          : "a corroborated incident can be verified or rejected, not " + to.wireName();
      case VERIFIED, REJECTED -> "the incident is already " + from.wireName() + "; record a correction as a new report";
    };
  }
}
