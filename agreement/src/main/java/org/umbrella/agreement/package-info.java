/**
 * The agreement language: an agreement written as a readable, versioned, validated file.
 *
 * <p>This package holds only the module's exception root. The model lives in {@code .model}, the
 * pure loader and validation in {@code .load}, the one sanctioned file-reading edge in {@code .io},
 * and the plain-language rendering and semantic diff in {@code .explain} and {@code .diff}. The
 * module is pure (no files outside {@code .io}, no clock, no threads) and uses no other Umbrella
 * module.
 */
@NullMarked
package org.umbrella.agreement;

import org.jspecify.annotations.NullMarked;
