/**
 * The journal: the one append-only record, in PostgreSQL, of every input the enforcement engine
 * consumes (each report version, tally, answer, provision report, tick, agreement version), each
 * with its record time (the server clock when it was accepted) and the ledger leaf written in the
 * same transaction; and the engine's outputs, each with the journal entry that caused it. The
 * engine is rebuilt from it at restart and re-executed from it by {@code umbrella audit reexecute}.
 * May depend on the engine's input and output codecs and JDBI; nothing of HTTP.
 */
@NullMarked
package org.umbrella.server.journal;

import org.jspecify.annotations.NullMarked;
