/** A load generator for a running server ({@code umbrella load-test}); uses only the JDK HTTP client. */
package org.umbrella.server.load;
