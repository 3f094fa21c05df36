/**
 * Exact analysis of a negotiation's outcome space: red lines, reservations, the Pareto frontier,
 * bargaining solutions, draft scoring, repairs and Monte Carlo robustness.
 *
 * <p>Every result is exact over the whole space (no sampling cut-off); requests beyond a stated
 * limit fail with {@link org.umbrella.negotiation.AnalysisLimitException}. Conventions are in
 * docs/negotiation.md. May use the API package and the module's internal package.
 */
@NullMarked
package org.umbrella.negotiation.analysis;

import org.jspecify.annotations.NullMarked;
