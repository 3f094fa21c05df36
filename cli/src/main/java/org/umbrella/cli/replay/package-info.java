/**
 * {@code umbrella replay} and {@code umbrella why}: run an agreement over recorded event data in
 * bounded memory and explain any output back to its inputs.
 *
 * <p>The shell around the pure engine: reads files, sorts by event time (spilling to temporary
 * files when the input is large), writes JSON Lines and human summaries.
 */
@NullMarked
package org.umbrella.cli.replay;

import org.jspecify.annotations.NullMarked;
