/**
 * Store internals: the ledger's persistence (tip, leaves, signed heads), row-to-leaf conversion,
 * COPY encoding. Not API. May depend on the ledger module, JDBI and pgjdbc.
 */
package org.umbrella.store.internal;
