/**
 * {@code umbrella witness serve | key}: runs a transparency-log witness for a party. A thin shell
 * over the witness module; user errors become {@link org.umbrella.cli.UserException}.
 */
@NullMarked
package org.umbrella.cli.witness;

import org.jspecify.annotations.NullMarked;
