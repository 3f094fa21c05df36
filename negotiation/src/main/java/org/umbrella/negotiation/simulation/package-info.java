/**
 * Negotiation simulations: mediated single-text and the stacked alternating offers protocol (SAOP)
 * with time-dependent (Boulware, linear, conceder) and tit-for-tat strategies.
 *
 * <p>Deterministic under a seed; every step is kept in a trace. Time is the protocol's own round
 * counter, never the clock. May use the API and analysis packages.
 */
@NullMarked
package org.umbrella.negotiation.simulation;

import org.jspecify.annotations.NullMarked;
