/**
 * The engine's implementation: compiled places, sliding windows and the evaluator that applies
 * LANGUAGE.md section 2. Not API; use {@link org.umbrella.engine.Engine}.
 *
 * <p>Pure: depends on the agreement model, JTS and the engine's own record packages.
 */
package org.umbrella.engine.internal;
