/**
 * Store benchmarks run as a command (not JMH: they measure a database, seconds to minutes per run):
 * bulk import with ledger hashing against a plain COPY of the same rows, and single-report ingest
 * latency under group commit. See docs/benchmarks.md, section "Store".
 */
@NullMarked
package org.umbrella.bench.store;

import org.jspecify.annotations.NullMarked;
