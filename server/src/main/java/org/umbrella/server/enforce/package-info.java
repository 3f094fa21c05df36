/**
 * The bridge from the server's workflow to the enforcement engine (module {@code engine}) and the
 * agreement it enforces (module {@code agreement}).
 */
@NullMarked
package org.umbrella.server.enforce;

import org.jspecify.annotations.NullMarked;
