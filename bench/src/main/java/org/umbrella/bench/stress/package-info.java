/**
 * The stress test's benchmark (docs/benchmarks.md, "Stress test"): designs x samples per second on
 * one core and on all cores, against running a replay once per variant. May use every Umbrella
 * module it measures.
 */
@NullMarked
package org.umbrella.bench.stress;

import org.jspecify.annotations.NullMarked;
