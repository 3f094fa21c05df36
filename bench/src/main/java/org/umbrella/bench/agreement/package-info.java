/**
 * JMH benchmark of loading and validating an agreement file, with bare YAML parsing as the peer.
 *
 * <p>May use the agreement module and read the example files at setup.
 */
package org.umbrella.bench.agreement;
