/**
 * {@code umbrella bench}: runs the engine benchmark of the bench module in a separate JVM (one
 * core, a 512 MB heap), so that the GPL comparison peer (Esper) never enters the command's own
 * classpath.
 */
@NullMarked
package org.umbrella.cli.bench;

import org.jspecify.annotations.NullMarked;
