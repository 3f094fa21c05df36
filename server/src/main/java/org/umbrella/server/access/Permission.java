package org.umbrella.server.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a request can ask to do, at the granularity access control decides on.
 *
 * <p>Each API route and page names exactly one action; {@link AccessPolicy} says who may perform it
 * and under which party or body scope.
 */
public enum Permission {
  /**
   * Read what is public: verified incidents, confirmed findings, guarantee and provision status.
   */
  READ_PUBLIC,
  /** Read every report in any review state, with its reviews. */
  READ_REPORTS,
  /** File a new incident report. */
  FILE_REPORT,
  /** Review a report: corroborate, verify, reject, attribute. */
  REVIEW_REPORT,
  /** Report a provision's implementation level (0-3). */
  REPORT_PROVISION,
  /** Read a body's candidate findings and the votes cast on them, before the body publishes. */
  READ_DELIBERATION,
  /** Cast the vote of one's party on a candidate finding of a body the party sits on. */
  VOTE,
  /** Read obligations (deadlines and answers). */
  READ_OBLIGATIONS,
  /** Answer an obligation: fulfilled with a decision, or waived. */
  ANSWER_OBLIGATION,
  /** Create accounts and reset their passwords. */
  MANAGE_ACCOUNTS,
  /** Read the audit trail of every state change. */
  READ_AUDIT,
  /** Configure webhooks and read their delivery log. */
  MANAGE_WEBHOOKS,
  /** Read the server's Prometheus metrics (request counts by route, JVM, engine lag). */
  READ_METRICS,
  /** Read one's own account, list and revoke one's own API tokens. */
  MANAGE_SELF,
  /**
   * Issue an API token for oneself. Separate from {@link #MANAGE_SELF} so that a token can be kept
   * from minting others (a short-lived or narrow token must not make itself a wider one).
   */
  ISSUE_TOKENS;

  /**
   * The stable spelling in the API, token scopes and docs: {@code read-public}, {@code
   * issue-tokens}.
   */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The action with this slug, if any. */
  public static Optional<Permission> fromSlug(String slug) {
    return Arrays.stream(values()).filter(a -> a.slug().equals(slug)).findFirst();
  }
}
