package org.umbrella.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;

/**
 * The served OpenAPI document checked by an independent validator: the OpenAPI Initiative's JSON
 * Schema for 3.1 documents (iteration 2021-04-15, {@code src/test/resources/openapi/README.md}) run
 * by networknt's JSON Schema validator, neither of which knows the route list the document is
 * generated from. {@link OpenApiTest} checks the other direction (documented = answered).
 */
class OpenApiSchemaTest {
  static TestServer t;
  static Schema oas31;

  @BeforeAll
  static void start() {
    t = new TestServer();
    try (InputStream in =
        OpenApiSchemaTest.class.getResourceAsStream("/openapi/oas-3.1-schema-2021-04-15.json")) {
      assertThat(in).as("the OAS 3.1 schema on the test class path").isNotNull();
      oas31 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static JsonNode served() throws IOException {
    return Json.MAPPER.readTree(t.get("/api/openapi.json", null).body());
  }

  @Test
  void servedDocument_isAValidOpenApi31Document() throws IOException {
    List<Error> errors = oas31.validate(served());
    assertThat(errors).as("OAS 3.1 schema violations").isEmpty();
  }

  /** The validator is not vacuous: each kind of mistake a generator could make is reported. */
  @Test
  void brokenDocuments_areReported_whereTheyAreBroken() throws IOException {
    ObjectNode noInfo = (ObjectNode) served().deepCopy();
    noInfo.remove("info");
    assertThat(messages(noInfo)).anyMatch(m -> m.contains("info"));

    ObjectNode badVersion = (ObjectNode) served().deepCopy();
    badVersion.put("openapi", "3.0.3");
    assertThat(locations(badVersion)).contains("/openapi");

    ObjectNode badPath = (ObjectNode) served().deepCopy();
    ((ObjectNode) badPath.get("paths"))
        .set("api/v1/no-leading-slash", Json.MAPPER.createObjectNode());
    assertThat(errorsOf(badPath)).isNotEmpty();

    ObjectNode badResponse = (ObjectNode) served().deepCopy();
    JsonNode firstOperation = badResponse.get("paths").elements().next().elements().next();
    ((ObjectNode) firstOperation.get("responses")).put("200", "ok");
    assertThat(locations(badResponse)).anyMatch(l -> l.endsWith("/responses/200"));
  }

  @Test
  void everyOperation_hasAnIdAndResponses_andTheIdsAreUnique() throws IOException {
    JsonNode doc = served();
    java.util.Set<String> ids = new java.util.HashSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String where = op.getKey() + " " + p.getKey();
                          assertThat(op.getValue().path("responses").isObject()).as(where).isTrue();
                          String id = op.getValue().path("operationId").asText("");
                          assertThat(id).as(where + " operationId").isNotEmpty();
                          assertThat(ids.add(id)).as("operationId " + id + " is unique").isTrue();
                        }));
    assertThat(ids).isNotEmpty();
  }

  private static List<Error> errorsOf(JsonNode doc) {
    return oas31.validate(doc);
  }

  private static List<String> messages(JsonNode doc) {
    return errorsOf(doc).stream().map(Error::getMessage).toList();
  }

  private static List<String> locations(JsonNode doc) {
    return errorsOf(doc).stream().map(e -> e.getInstanceLocation().toString()).toList();
  }
}
