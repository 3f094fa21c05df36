package org.umbrella.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;

/** The served OpenAPI document and the routes the server answers are the same set. */
class OpenApiTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void openApi_listsExactlyTheApiRoutesTheServerAnswers() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(t.get("/api/openapi.json", null).body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> documented = new HashSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    Set<String> served = new HashSet<>();
    for (Route r : t.server.routes()) {
      if (r.api()) {
        served.add(r.method().name() + " " + r.path().replaceAll("<([a-z-]+)>", "{$1}"));
      }
    }
    assertThat(documented).isEqualTo(served);
    // and each documented operation is really answered (not a 404 "no route")
    for (String op : documented) {
      String[] parts = op.split(" ", 2);
      String path = parts[1].replaceAll("\\{[^}]+\\}", "x");
      var r =
          t.send(
              parts[0],
              path,
              null,
              parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "application/json",
              parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{}");
      assertThat(java.util.Objects.requireNonNullElse(TestServer.field(r.body(), "detail"), ""))
          .as(op)
          .doesNotStartWith("no route");
    }
  }

  @Test
  void openApi_everyReferenceResolves() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(t.get("/api/openapi.json", null).body());
    List<String> refs = new ArrayList<>();
    collect(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void unknownRoute_isProblemNotFound() {
    var r = t.get("/api/v1/nothing-here", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  static void collect(JsonNode n, List<String> refs) {
    if (n.isObject()) {
      n.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collect(e.getValue(), refs);
                }
              });
    } else if (n.isArray()) {
      n.forEach(c -> collect(c, refs));
    }
  }
}
