/**
 * GENIUS XML domains and preference profiles: import into a negotiation model and export from one,
 * with GENIUS's normalisation (utility = sum of weight x evaluation / the best evaluation).
 *
 * <p>Takes and returns XML text; the caller reads and writes files. May use the API package and the
 * JDK's XML parser.
 */
@NullMarked
package org.umbrella.negotiation.genius;

import org.jspecify.annotations.NullMarked;
