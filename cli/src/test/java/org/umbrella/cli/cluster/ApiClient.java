package org.umbrella.cli.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API of the service as a browser's script uses it: a session (cookie and CSRF token) made
 * on one instance and used on any, since sessions live in the shared database.
 */
final class ApiClient {
  record Session(String cookie, String csrf) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Duration timeout;

  ApiClient(Duration timeout) {
    this.timeout = timeout;
  }

  Session signIn(int port, String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> pre = send(port, "GET", "/api/v1/session", null, null);
    Session anonymous = new Session(cookie(pre).orElseThrow(), field(pre.body(), "csrf-token"));
    HttpResponse<String> r =
        send(
            port,
            "POST",
            "/api/v1/session",
            anonymous,
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "sign-in of " + username + " failed: " + r.statusCode() + " " + r.body());
    }
    return new Session(cookie(r).orElseThrow(), field(r.body(), "csrf-token"));
  }

  /**
   * One request; {@code json} non-null makes it a JSON body. Throws IOException when the instance
   * does not answer.
   */
  HttpResponse<String> send(int port, String method, String path, Session session, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
    if (session != null) {
      b.header("Cookie", "umbrella_session=" + session.cookie());
      if (session.csrf() != null) {
        b.header("X-CSRF-Token", session.csrf());
      }
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Optional<String> cookie(HttpResponse<?> r) {
    for (String h : r.headers().allValues("Set-Cookie")) {
      Matcher m = Pattern.compile("umbrella_session=([^;]*)").matcher(h);
      if (m.find() && !m.group(1).isEmpty()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
