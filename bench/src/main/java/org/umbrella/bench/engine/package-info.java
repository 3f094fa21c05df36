/**
 * Engine benchmarks: the Umbrella engine against a hand-written loop doing the same checks (the
 * practical limit) and against Esper 9 running equivalent EPL, on a synthetic stream with the
 * 20-point example's definitions. Run: see docs/benchmarks.md, section "Engine".
 *
 * <p>Esper is GPL-2.0 and lives only in this module; nothing shipped depends on it.
 */
@NullMarked
package org.umbrella.bench.engine;

import org.jspecify.annotations.NullMarked;
