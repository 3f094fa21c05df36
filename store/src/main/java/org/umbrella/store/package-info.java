/**
 * Durable storage for Umbrella on PostgreSQL (embedded by default, any PostgreSQL 14+ by JDBC URL):
 * agreements, sources, incidents (every version), reviews, attributions, determinations and votes,
 * guarantor responses, provision reports, engine outputs and accounts, each row also a leaf of the
 * tamper-evident ledger, appended in the same transaction.
 *
 * <p>Nothing is updated in place or deleted; corrections are new versions. Uses JDBI, HikariCP,
 * Flyway and pgjdbc (COPY for bulk). May depend on agreement, engine, evidence and ledger.
 */
package org.umbrella.store;
