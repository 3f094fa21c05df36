/**
 * A transparency-log witness (C2SP {@code tlog-witness}) as a process: the HTTP endpoint ({@link
 * org.umbrella.witness.WitnessServer}), the state kept on disk ({@link
 * org.umbrella.witness.WitnessState}) and the witness's own key ({@link
 * org.umbrella.witness.WitnessKey}). What to cosign is decided by the ledger's pure {@link
 * org.umbrella.ledger.Witness}; this package only receives, persists and answers.
 *
 * <p>The shell: files, sockets, the clock. May depend on the ledger module, Jackson and the JDK's
 * {@code com.sun.net.httpserver}; nothing else of ours.
 */
@NullMarked
package org.umbrella.witness;

import org.jspecify.annotations.NullMarked;
