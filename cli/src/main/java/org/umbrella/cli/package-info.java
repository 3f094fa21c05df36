/**
 * The {@code umbrella} command line: a thin shell of picocli commands over the core modules.
 *
 * <p>Commands parse arguments, call a module, and print; they hold no domain logic. User errors
 * from any module are turned into {@link org.umbrella.cli.UserException} and printed without a
 * stack trace. May depend on every other Umbrella module; nothing depends on it.
 */
@NullMarked
package org.umbrella.cli;

import org.jspecify.annotations.NullMarked;
