/**
 * JMH benchmark of loading and validating an agreement file, with bare YAML parsing as the peer.
 *
 * <p>May use the agreement module and read the example files at setup.
 */
@NullMarked
package org.umbrella.bench.agreement;

import org.jspecify.annotations.NullMarked;
