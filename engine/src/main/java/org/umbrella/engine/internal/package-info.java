/**
 * The engine's implementation: compiled places, sliding windows and the evaluator that applies
 * LANGUAGE.md section 2. Not API; use {@link org.umbrella.engine.Engine}. {@code PlaceIndex} and
 * {@code RevisionIndex} are public so that the benchmark's hand-written loop uses the very same
 * place test and revision index as the engine.
 *
 * <p>Pure: depends on the agreement model, JTS and the engine's own record packages.
 */
@NullMarked
package org.umbrella.engine.internal;

import org.jspecify.annotations.NullMarked;
