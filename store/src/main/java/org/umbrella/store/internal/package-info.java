/**
 * Store internals: the ledger's persistence (tip, leaves, signed heads), row-to-leaf conversion,
 * COPY encoding. Not API. Plain JDBC and pgjdbc's COPY; may depend on the ledger module.
 */
@NullMarked
package org.umbrella.store.internal;

import org.jspecify.annotations.NullMarked;
