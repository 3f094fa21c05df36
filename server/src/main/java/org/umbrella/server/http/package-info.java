/**
 * The HTTP shell: the route table, the gate every route passes (authentication, CSRF, scope,
 * {@link org.umbrella.server.access.AccessPolicy}), RFC 9457 problem responses, the JSON API,
 * OpenAPI generation and Prometheus metrics. May use Javalin, Jackson and Prometheus.
 */
package org.umbrella.server.http;
