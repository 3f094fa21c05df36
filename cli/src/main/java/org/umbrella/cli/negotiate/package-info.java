/**
 * {@code umbrella negotiate}: analysis, draft scoring, simulation, plots and GENIUS import/export
 * of negotiation files.
 *
 * <p>Reads files, calls the pure {@code negotiation} module, prints tables or JSON. Errors from the
 * module become {@link org.umbrella.cli.UserException}s. May use picocli, Jackson, progressbar and
 * the negotiation module.
 */
@NullMarked
package org.umbrella.cli.negotiate;

import org.jspecify.annotations.NullMarked;
