/**
 * Evidence: turning what the world reports into canonical incidents for the engine.
 *
 * <p>May depend on the {@code agreement} and {@code engine} modules, Jackson and the JDK. Reads
 * only what a caller hands it (a {@link java.io.Reader}); it opens no files itself.
 */
@NullMarked
package org.umbrella.evidence;

import org.jspecify.annotations.NullMarked;
