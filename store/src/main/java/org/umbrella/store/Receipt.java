package org.umbrella.store;

/**
 * What the store acknowledges after a commit: the row written (or found unchanged) and its leaf.
 *
 * @param table the table the row is in
 * @param rowId the row's id
 * @param leafIndex the row's leaf index in the ledger
 * @param created false when an identical record was already stored and nothing was written
 */
public record Receipt(String table, long rowId, long leafIndex, boolean created) {}
