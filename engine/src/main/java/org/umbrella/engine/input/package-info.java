/**
 * Input records of the engine (incident, determination, response, provision report, tick), a record
 * with its trusted record time ({@link org.umbrella.engine.input.RecordedInput}), and their
 * canonical JSON Lines codec. The incident schema and the kind taxonomy are documented in
 * docs/incidents.md.
 *
 * <p>Pure values; depends only on the JDK, Jackson and {@code org.umbrella.json} (the one canonical
 * JSON encoder).
 */
@NullMarked
package org.umbrella.engine.input;

import org.jspecify.annotations.NullMarked;
