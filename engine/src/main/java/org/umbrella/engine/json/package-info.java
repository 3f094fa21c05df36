/**
 * Canonical JSON: sorted keys, no insignificant whitespace, stable number formatting. Shared by the
 * input and output codecs so that equal values always give equal bytes.
 *
 * <p>Depends only on the JDK and Jackson.
 */
package org.umbrella.engine.json;
