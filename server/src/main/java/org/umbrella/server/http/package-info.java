/**
 * The HTTP shell: the route table, the gate every route passes (authentication, CSRF, storable
 * parameters, scope, {@link org.umbrella.server.access.AccessPolicy}), sign-in with its throttle
 * and login-CSRF checks, RFC 9457 problem responses (Jetty's own errors included), security
 * headers, the JSON API, OpenAPI generation and Prometheus metrics. May use Javalin, Jetty's server
 * API, Jackson and Prometheus.
 */
@NullMarked
package org.umbrella.server.http;

import org.jspecify.annotations.NullMarked;
