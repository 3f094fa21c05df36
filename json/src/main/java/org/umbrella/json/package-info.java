/**
 * The one canonical JSON encoder (RFC 8785, JCS) and its ECMAScript number form: the engine's input
 * and output codecs and the ledger's leaves write through {@link org.umbrella.json.CanonicalJson}.
 *
 * <p>Pure (no I/O, no clock). Depends only on the JDK, Jackson's tree model and JSpecify; may use
 * no other Umbrella module (a leaf of the module graph).
 */
@NullMarked
package org.umbrella.json;

import org.jspecify.annotations.NullMarked;
