package org.umbrella.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.umbrella.server.InputRules;
import org.umbrella.server.app.DomainError;

/** Reading request bodies and writing responses as JSON, with errors that name the place. */
public final class Json {
  /** The mapper for responses: ISO-8601 instants, Optional-free records. */
  public static final ObjectMapper MAPPER = mapper();

  private Json() {}

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000).build());
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    m.registerModule(new JavaTimeModule());
    m.registerModule(new Jdk8Module());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return m;
  }

  /**
   * The request body as a JSON tree.
   *
   * @throws DomainError 415 when the body is not declared as JSON, 400 when it is malformed (with
   *     line and column), 413 when larger than the limit
   */
  public static JsonNode body(Context ctx, int maxBytes) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw HttpProblem.refused(
          415, "unsupported-media-type", "Content-Type", "send the body as application/json");
    }
    byte[] bytes = bounded(ctx, maxBytes);
    if (bytes.length == 0) {
      throw new DomainError.Invalid("/", "the body is empty; expected a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new DomainError.Invalid("/", "the body is empty; expected a JSON object");
      }
      storable(node, "");
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new DomainError.Invalid("/", "malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DomainError.Invalid("/", "unreadable body: " + e.getMessage());
    }
  }

  /**
   * Refuses a tree holding text that cannot be stored (a NUL, an unpaired surrogate) in any string
   * or field name, naming its JSON pointer: such text must be refused for every field of every
   * route, so it is checked here once rather than by each handler.
   */
  static void storable(JsonNode node, String pointer) {
    if (node.isTextual()) {
      InputRules.text(pointer.isEmpty() ? "/" : pointer, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        storable(node.get(i), pointer + "/" + i);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        InputRules.textProblem(e.getKey())
            .ifPresent(
                p -> {
                  throw new DomainError.Invalid(
                      pointer.isEmpty() ? "/" : pointer, "a field name " + p);
                });
        storable(e.getValue(), at);
      }
    }
  }

  /** The request body bytes, refusing more than {@code maxBytes}. */
  public static byte[] bounded(Context ctx, int maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw HttpProblem.refused(
          413,
          "body-too-large",
          "body",
          "the body has " + declared + " bytes; the limit is " + maxBytes);
    }
    byte[] bytes;
    try {
      bytes = ctx.bodyAsBytes();
    } catch (io.javalin.http.HttpResponseException e) {
      throw e; // Javalin's own answer, such as 413 past the size limit
    } catch (RuntimeException e) {
      // A body that cannot be read to its end: malformed chunked encoding, a connection cut short.
      // The client's fault, not the server's (it used to answer 500).
      if (unreadable(e)) {
        throw new DomainError.Invalid(
            "body",
            "the request body could not be read: malformed chunked transfer encoding or a body cut short");
      }
      throw e;
    }
    if (bytes.length > maxBytes) {
      throw HttpProblem.refused(
          413,
          "body-too-large",
          "body",
          "the body has " + bytes.length + " bytes; the limit is " + maxBytes);
    }
    return bytes;
  }

  /** Whether {@code e} (or a cause) is an I/O failure or Jetty's refusal of a malformed message. */
  static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || (t instanceof HttpException h && h.getCode() < 500)) {
        return true;
      }
    }
    return false;
  }

  /** Writes {@code value} as the JSON response with {@code status}. */
  public static void respond(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response is not serializable", e);
    }
  }
}
