/**
 * Synthetic incident streams for load tests, benchmarks and demonstrations: plausible incidents
 * along a line of contact, reproducible from a seed. Never mixed with real evidence: every id
 * starts with {@code syn-} and every source is of kind {@code synthetic}.
 */
@NullMarked
package org.umbrella.evidence.synthetic;

import org.jspecify.annotations.NullMarked;
