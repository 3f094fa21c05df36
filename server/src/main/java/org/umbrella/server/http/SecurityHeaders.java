package org.umbrella.server.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every response carries, whoever writes it (a route, Javalin's error mapping, or
 * Jetty's own error pages for requests it refuses before any route runs): no framing, no MIME
 * sniffing, no referrer beyond this origin, and a strict content security policy.
 */
final class SecurityHeaders {
  /** Header name to value, in the order they are written. */
  static final Map<String, String> ALL =
      Collections.unmodifiableMap(
          new LinkedHashMap<>(
              Map.of(
                  "X-Content-Type-Options", "nosniff",
                  "X-Frame-Options", "DENY",
                  "Referrer-Policy", "same-origin",
                  "Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                          + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));

  private SecurityHeaders() {}
}
