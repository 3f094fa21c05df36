package org.umbrella.store;

import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.ReviewStatus;

/**
 * The review workflow (after Ushahidi's), the only review rules there are: the store and the
 * operations service both enforce these. reported -> corroborated when the sources span enough
 * independence groups; corroborated -> verified; reported or corroborated -> rejected, with a
 * reason. Verified and rejected are final; a correction is a new report. Who may make a change (a
 * verifier) is the caller's access policy; these rules say which changes exist.
 */
public final class ReviewRules {
  private ReviewRules() {}

  /** The fewest independence groups a corroboration needs by default. */
  public static final int DEFAULT_MIN_GROUPS = 2;

  /**
   * Why the change from {@code from} to {@code to} with {@code reason} is refused, or null when it
   * is allowed: as {@link #refusal(ReviewStatus, ReviewStatus, int, int)}, and a rejection without
   * a reason is refused too (a rejection withdraws evidence; the record must say why).
   */
  public static @Nullable String refusal(
      ReviewStatus from,
      ReviewStatus to,
      @Nullable String reason,
      int independentGroups,
      int minGroups) {
    if (to == ReviewStatus.REJECTED && (reason == null || reason.isBlank())) {
      String why = refusal(from, to, independentGroups, minGroups);
      return why != null ? why : "a rejection needs a reason";
    }
    return refusal(from, to, independentGroups, minGroups);
  }

  /** Why the change is refused, or null when it is allowed. */
  public static @Nullable String refusal(
      ReviewStatus from, ReviewStatus to, int independentGroups, int minGroups) {
    return switch (from) {
      case REPORTED ->
          switch (to) {
            case CORROBORATED ->
                independentGroups >= minGroups
                    ? null
                    : "corroboration needs sources from "
                        + minGroups
                        + " independent groups, has "
                        + independentGroups;
            case REJECTED -> null;
            default -> "a reported incident can be corroborated or rejected, not " + to.wireName();
          };
      case CORROBORATED ->
          to == ReviewStatus.VERIFIED || to == ReviewStatus.REJECTED
              ? null
              : "a corroborated incident can be verified or rejected, not " + to.wireName();
      case VERIFIED, REJECTED ->
          "the incident is already " + from.wireName() + "; record a correction as a new report";
    };
  }
}
