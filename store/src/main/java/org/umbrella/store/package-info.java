/**
 * Durable storage for Umbrella on PostgreSQL (embedded by default, any PostgreSQL 14+ by JDBC URL):
 * agreements, sources, incidents (every version), reviews, attributions, determinations and votes,
 * guarantor responses, provision reports, engine outputs and accounts, each row also a leaf of the
 * tamper-evident ledger, appended in the same transaction.
 *
 * <p>Nothing is updated in place or deleted; corrections are new versions. Reads and writes through
 * plain JDBC on a HikariCP pool (pgjdbc's COPY for bulk), migrated by Flyway; {@link
 * org.umbrella.store.Database#jdbi()} hands the same pool to the operations server as a JDBI
 * handle, which the store itself does not use. May depend on agreement, engine, evidence and
 * ledger.
 */
@NullMarked
package org.umbrella.store;

import org.jspecify.annotations.NullMarked;
