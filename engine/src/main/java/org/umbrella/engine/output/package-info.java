/**
 * Output records of the engine (finding, obligation, status, alert), each with its {@link
 * org.umbrella.engine.output.Cause}, and their canonical JSON Lines codec.
 *
 * <p>Pure values; depends only on the JDK, Jackson and {@code org.umbrella.json} (the one canonical
 * JSON encoder).
 */
@NullMarked
package org.umbrella.engine.output;

import org.jspecify.annotations.NullMarked;
