/**
 * Implementation detail of the negotiation module: the located YAML tree, red-line compilation (CEL
 * to truth tables over the issues a condition reads), and numeric kernels.
 *
 * <p>May use the negotiation API package, Jackson's YAML parser and CEL; nothing outside this
 * module should use it.
 */
@NullMarked
package org.umbrella.negotiation.internal;

import org.jspecify.annotations.NullMarked;
