package org.umbrella.server.access;

/**
 * Everything a request can ask to do, at the granularity access control decides on.
 *
 * <p>Each API route and page names exactly one action; {@link AccessPolicy} says who may perform
 * it and under which party or body scope.
 */
public enum Action {
  /** Read what is public: verified incidents, confirmed findings, guarantee and provision status. */
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
  /** Read one's own account and manage one's own API tokens. */
  MANAGE_SELF
}
