package org.umbrella.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import org.umbrella.server.ServerException;

/** Reading request bodies and writing responses as JSON, with errors that name the place. */
public final class Json {
  /** The mapper for responses: ISO-8601 instants, Optional-free records. */
  public static final ObjectMapper MAPPER = mapper();

  private Json() {}

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000).build());
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    m.registerModule(new JavaTimeModule());
    m.registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return m;
  }

  /**
   * The request body as a JSON tree.
   *
   * @throws ServerException 415 when the body is not declared as JSON, 400 when it is malformed
   *     (with line and column), 413 when larger than the limit
   */
  public static JsonNode body(Context ctx, int maxBytes) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ServerException(415, "unsupported-media-type", "Content-Type", "send the body as application/json");
    }
    byte[] bytes = bounded(ctx, maxBytes);
    if (bytes.length == 0) {
      throw ServerException.invalid("/", "the body is empty; expected a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw ServerException.invalid("/", "the body is empty; expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ServerException.invalid("/", "malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ServerException.invalid("/", "unreadable body: " + e.getMessage());
    }
  }

  /** The request body bytes, refusing more than {@code maxBytes}. */
  public static byte[] bounded(Context ctx, int maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw new ServerException(413, "body-too-large", "body", "the body has " + declared + " bytes; the limit is " + maxBytes);
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > maxBytes) {
      throw new ServerException(413, "body-too-large", "body", "the body has " + bytes.length + " bytes; the limit is " + maxBytes);
    }
    return bytes;
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
