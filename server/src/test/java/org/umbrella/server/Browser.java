package org.umbrella.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser-like HTTP client for tests: it keeps every cookie the server sets (as a browser's
 * cookie jar does), can connect from a chosen loopback address (so that a test can be several
 * clients at several addresses on one machine: 127.0.0.2, 127.0.0.3, ...), and signs in through the
 * JSON API the way the pages' script does (fetch the CSRF token, then post).
 */
public final class Browser {
  private final String base;
  private final HttpClient http;
  private volatile String csrf;

  /** A browser at 127.0.0.1. */
  public Browser(String base) {
    this(base, "127.0.0.1");
  }

  /** A browser connecting from {@code localAddress} (a loopback address). */
  public Browser(String base, String localAddress) {
    this.base = base;
    try {
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
              .localAddress(InetAddress.getByName(localAddress))
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public HttpClient http() {
    return http;
  }

  /** Fetches the session endpoint (as the pages' script does) and remembers the CSRF token. */
  public HttpResponse<String> session() {
    HttpResponse<String> r = send("GET", "/api/v1/session", null, null);
    String token = TestServer.field(r.body(), "csrf-token");
    if (token != null) {
      csrf = token;
    }
    return r;
  }

  /** Signs in through the JSON API; answers the server's response (200, 401, 429, ...). */
  public HttpResponse<String> signIn(String username, String password) {
    session();
    HttpResponse<String> r =
        send(
            "POST",
            "/api/v1/session",
            "application/json",
            org.umbrella.server.http.Json.MAPPER
                .createObjectNode()
                .put("username", username)
                .put("password", password)
                .toString());
    String token = TestServer.field(r.body(), "csrf-token");
    if (token != null) {
      csrf = token;
    }
    return r;
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  /** Sends a request with the cookies this browser holds and its CSRF token (if it has one). */
  public HttpResponse<String> send(
      String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
