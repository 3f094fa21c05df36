package org.umbrella.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.umbrella.server.InputRules;

/**
 * Jetty's own error answers (a request it refuses before any route runs: a malformed URI, an
 * over-long header, a bad chunk) as the rest of the server answers: an RFC 9457 problem document
 * with the security headers ({@link SecurityHeaders}), and no Jetty version, stack or echoed input.
 */
final class JettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    SecurityHeaders.ALL.forEach(headers::put);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    if (code == 400 || code == 413 || code == 431) {
      // Jetty may drop a connection after a message it could not read: say so, or a client reusing
      // the connection for its next request finds it closed under it
      headers.put(HttpHeader.CONNECTION, "close");
    }
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    response.write(
        true, ByteBuffer.wrap(problem(code, "/badMessage".equals(path) ? null : path)), callback);
  }

  static byte[] problem(int status, @Nullable String path) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.put(
        "type",
        "urn:umbrella:problem:"
            + (status == 431
                ? "headers-too-large"
                : status == 413 ? "body-too-large" : status >= 500 ? "internal" : "bad-request"));
    p.put("title", ProblemResponses.title(status));
    p.put("status", status);
    p.put(
        "detail",
        status >= 500
            ? "the server could not answer this request"
            : "the server could not read this request (malformed request line, URI, header or body)");
    if (path != null && path.length() < 200 && InputRules.textProblem(path).isEmpty()) {
      p.put("instance", path);
    }
    return p.toString().getBytes(StandardCharsets.UTF_8);
  }
}
