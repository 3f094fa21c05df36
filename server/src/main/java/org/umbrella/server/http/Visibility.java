package org.umbrella.server.http;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportVocabulary;

/**
 * What of a list or record a principal may see, derived from {@link AccessPolicy} alone: the public
 * sees verified reports and confirmed findings; a body's candidate findings and votes are visible
 * only to its members.
 */
public final class Visibility {
  private Visibility() {}

  /** The report statuses {@code p} may list. */
  public static List<String> reportStatuses(Principal p) {
    return AccessPolicy.allows(p, Permission.READ_REPORTS, Scope.NONE)
        ? ReportVocabulary.REVIEW_STATUSES
        : List.of("verified");
  }

  public static boolean canSee(Principal p, Report r) {
    return reportStatuses(p).contains(r.status().wireName());
  }

  /** Whether {@code p} may see the deliberation (candidate status, votes) on {@code f}. */
  public static boolean canDeliberate(Principal p, Operations.Finding f, Operations ops) {
    if (f.body().isEmpty()) {
      return false;
    }
    return ops.body(f.body().get())
        .map(
            b ->
                AccessPolicy.allows(
                    p, Permission.READ_DELIBERATION, new Scope.OfBody(b.id(), b.members())))
        .orElse(false);
  }

  /**
   * Whether {@code p} may see {@code f} at all: confirmed ones are public, others only to the body.
   */
  public static boolean canSee(Principal p, Operations.Finding f, Operations ops) {
    return f.status() == FindingStatus.CONFIRMED || canDeliberate(p, f, ops);
  }

  /** Statuses of findings worth fetching for {@code p} before per-finding filtering. */
  public static Set<FindingStatus> findingStatuses(Principal p) {
    return AccessPolicy.mayEverPerform(p, Permission.READ_DELIBERATION)
        ? EnumSet.allOf(FindingStatus.class)
        : EnumSet.of(FindingStatus.CONFIRMED);
  }
}
