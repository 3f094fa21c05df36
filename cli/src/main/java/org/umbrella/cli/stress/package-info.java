/**
 * {@code umbrella stress-test}: the shell around the pure {@code stress} module. Loads the
 * agreement files, reads the events once per design (each agreement maps a dataset's actor names to
 * its own parties) with the same {@link org.umbrella.cli.replay.EventOptions} as {@code replay},
 * and writes report.json, report.html and a terminal summary.
 */
@NullMarked
package org.umbrella.cli.stress;

import org.jspecify.annotations.NullMarked;
