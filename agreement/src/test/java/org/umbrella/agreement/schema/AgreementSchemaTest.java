package org.umbrella.agreement.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.umbrella.agreement.Examples;
import org.umbrella.agreement.Golden;
import org.umbrella.agreement.load.Keys;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The JSON Schema editors use (docs/schema/agreement.schema.json) and the loader cannot drift
 * apart: it declares exactly the keys the loader accepts, every example validates against it, and
 * shape errors the loader rejects are rejected by it too.
 */
class AgreementSchemaTest {
  static final Path SCHEMA = Examples.root().resolve("docs/schema/agreement.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  static Schema schema() throws Exception {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
  }

  /**
   * YAML to JSON as the loader reads scalars: ints, floats, true/false and null typed; all else
   * text.
   */
  static String toJson(String yaml) throws Exception {
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    return JSON.writeValueAsString(node(root));
  }

  static JsonNode node(Node n) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (n) {
      case MappingNode m -> {
        ObjectNode o = f.objectNode();
        for (NodeTuple t : m.getValue()) {
          o.set(((ScalarNode) t.getKeyNode()).getValue(), node(t.getValueNode()));
        }
        yield o;
      }
      case SequenceNode s -> {
        var a = f.arrayNode();
        s.getValue().forEach(i -> a.add(node(i)));
        yield a;
      }
      case ScalarNode s when s.getTag().equals(Tag.INT) ->
          f.numberNode(Long.parseLong(s.getValue().replace("_", "")));
      case ScalarNode s when s.getTag().equals(Tag.FLOAT) ->
          f.numberNode(Double.parseDouble(s.getValue()));
      case ScalarNode s when s.getValue().equals("true") || s.getValue().equals("false") ->
          f.booleanNode(Boolean.parseBoolean(s.getValue()));
      case ScalarNode s when s.getTag().equals(Tag.NULL) -> f.nullNode();
      case ScalarNode s -> f.textNode(s.getValue());
      default -> throw new IllegalArgumentException(n.toString());
    };
  }

  static List<String> errors(String yaml) throws Exception {
    List<String> out = new ArrayList<>();
    for (Error e : schema().validate(toJson(yaml), InputFormat.JSON)) {
      out.add(e.toString());
    }
    return out;
  }

  @Test
  void schema_declaresExactlyTheKeysTheLoaderAccepts() throws Exception {
    JsonNode s = JSON.readTree(SCHEMA.toFile());
    for (Map.Entry<String, List<String>> kind : Keys.BY_KIND.entrySet()) {
      JsonNode def = kind.getKey().equals("agreement") ? s : s.path("$defs").path(kind.getKey());
      assertThat(def.isMissingNode())
          .as("schema has a definition for '%s'", kind.getKey())
          .isFalse();
      Set<String> declared = new TreeSet<>();
      def.path("properties").fieldNames().forEachRemaining(declared::add);
      assertThat(declared)
          .as("keys of '%s'", kind.getKey())
          .isEqualTo(new TreeSet<>(kind.getValue()));
      assertThat(def.path("additionalProperties").asBoolean(true))
          .as("'%s' rejects unknown keys", kind.getKey())
          .isFalse();
    }
  }

  @TestFactory
  List<DynamicTest> validate_everyExample_passes() throws Exception {
    return Examples.agreements().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> assertThat(errors(Files.readString(p))).isEmpty()))
        .toList();
  }

  @Test
  void validate_shapeErrors_areRejectedByTheSchemaToo() throws Exception {
    Path broken = Golden.resources().resolve("broken");
    for (String name :
        List.of(
            "06-unknown-top-level-key",
            "16-unknown-key-in-party",
            "10-invalid-status",
            "21-place-with-two-shapes",
            "36-unknown-incident-kind",
            "46-duration-unparseable",
            "49-aggregate-count-and-sum",
            "54-finding-match-and-over",
            "59-activation-at-and-when",
            "74-quantity-two-bounds",
            "79-action-with-two-keys",
            "08-format-version-2",
            "07-missing-title")) {
      assertThat(errors(Files.readString(broken.resolve(name + ".agreement.yaml"))))
          .as(name)
          .isNotEmpty();
    }
  }
}
