/**
 * Importers mapping event datasets (UCDP GED, ACLED, VIINA, plain CSV, Umbrella JSON Lines) to the
 * canonical {@link org.umbrella.engine.input.Incident}; the mapping is documented in
 * docs/importers.md.
 *
 * <p>Each importer streams: it holds one row at a time, and reports every row either as an imported
 * incident or as a rejection with its row number and reason; nothing is dropped silently.
 */
@NullMarked
package org.umbrella.evidence.importers;

import org.jspecify.annotations.NullMarked;
