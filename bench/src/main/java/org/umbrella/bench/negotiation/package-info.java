/**
 * JMH benchmarks of negotiation analysis, with the straightforward pairwise analysis measured side
 * by side as the peer. Run command: docs/benchmarks.md, section "Negotiation".
 */
@NullMarked
package org.umbrella.bench.negotiation;

import org.jspecify.annotations.NullMarked;
