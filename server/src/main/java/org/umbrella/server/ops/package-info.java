/**
 * The review and enforcement workflow as the server runs it: reports, reviews, bodies, findings,
 * votes, obligations, answers, status, and the audit trail. May use JDBI and Jackson; knows nothing
 * of HTTP or access control (callers check {@link org.umbrella.server.access.AccessPolicy} first).
 */
@NullMarked
package org.umbrella.server.ops;

import org.jspecify.annotations.NullMarked;
