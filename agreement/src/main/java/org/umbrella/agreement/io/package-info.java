/**
 * The one sanctioned I/O edge of the core: reads the agreement files a caller names, and the
 * GeoJSON files they reference relative to themselves, and hands their text to the pure loader.
 *
 * <p>May use {@code java.nio.file}; nothing else in the agreement module may. Depends on {@code
 * .load} and {@code .model}.
 */
@NullMarked
package org.umbrella.agreement.io;

import org.jspecify.annotations.NullMarked;
