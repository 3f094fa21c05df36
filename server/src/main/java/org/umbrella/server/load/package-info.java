/**
 * A load generator for a running server ({@code umbrella load-test}); uses only the JDK HTTP
 * client.
 */
@NullMarked
package org.umbrella.server.load;

import org.jspecify.annotations.NullMarked;
