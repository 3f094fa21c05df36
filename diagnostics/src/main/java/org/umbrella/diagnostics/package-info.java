/**
 * The positioned-YAML diagnostics kit the agreement and negotiation loaders share, so that a
 * mistake reads the same in either file: {@link org.umbrella.diagnostics.YamlDocument} parses with
 * SnakeYAML under limits and turns its exceptions into {@link org.umbrella.diagnostics.Located}
 * errors an author understands (a missing space after a colon, a non-breaking space, a value that
 * starts with a quote, an alias, depth or size limit, each at its real line); {@link
 * org.umbrella.diagnostics.ScalarPositions} maps a position inside a scalar's value (a CEL error)
 * back to the file, through quotes and folded blocks; {@link org.umbrella.diagnostics.CelMessages}
 * says "does not parse" or "does not type-check" with a fix; {@link
 * org.umbrella.diagnostics.Suggestions} offers "did you mean"; {@link
 * org.umbrella.diagnostics.Caret} prints a diagnostic as a compiler does.
 *
 * <p>Pure (no I/O, no clock). Depends only on the JDK, SnakeYAML and JSpecify; may use no other
 * Umbrella module (a leaf of the module graph).
 */
@NullMarked
package org.umbrella.diagnostics;

import org.jspecify.annotations.NullMarked;
