/**
 * The server's side of the tamper-evident ledger: every accepted change writes its store records
 * and their leaves in the transaction that writes the server's own rows and audit row, and reports
 * are committed in groups.
 */
@NullMarked
package org.umbrella.server.ledger;

import org.jspecify.annotations.NullMarked;
