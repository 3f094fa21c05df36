package org.umbrella.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sweep over one parameter of an agreement: {@code PATH=V1,V2,...}, where PATH names a value in
 * the agreement file by its keys (and list indexes), dot-separated, e.g. {@code
 * findings.significant-attack.over.at-least=3,5,8} or {@code
 * findings.russia-opens-fire.match.sources=1,2}. Each value is read as YAML (so {@code 5} is a
 * number, {@code 72h} a text, {@code [a, b]} a list) and replaces the value at PATH (or is added,
 * when the map PATH ends in exists but lacks the last key: {@code provisions.ceasefire.in-force});
 * the edited agreement is then loaded and validated like any file, so a value the language does not
 * allow is reported with the file's own diagnostics.
 *
 * @param path the dot-separated path
 * @param values the values, as written
 */
public record Sweep(String path, List<String> values) {
  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
          .build();

  public Sweep {
    values = List.copyOf(values);
  }

  /**
   * Parses {@code PATH=V1,V2,...}; values are split on commas outside brackets.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Sweep parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(
          "--sweep must be PATH=V1,V2,... (e.g. findings.significant-attack.over.at-least=3,5,8), was '"
              + spec
              + "'");
    }
    List<String> values = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : spec.substring(eq + 1).toCharArray()) {
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        values.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    values.add(cur.toString().trim());
    if (values.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("--sweep " + spec + ": an empty value");
    }
    if (values.size() > 10_000) {
      throw new IllegalArgumentException("--sweep " + spec + ": more than 10000 values");
    }
    return new Sweep(spec.substring(0, eq).trim(), values);
  }

  /**
   * Whether {@code yaml} has the map this sweep's path ends in (the last key itself may be new).
   */
  public boolean appliesTo(String yaml) {
    try {
      int dot = path.lastIndexOf('.');
      JsonNode root = YAML.readTree(yaml);
      return dot < 0
          ? root != null && root.isObject()
          : find(root, path.substring(0, dot)).map(JsonNode::isObject).orElse(false);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * The agreement text with the value at the path replaced (or added) by {@code value} (comments
   * are not kept).
   *
   * @throws IllegalArgumentException when the path is not in the text, naming the missing key and
   *     what is there
   */
  public String apply(String yaml, String value) {
    JsonNode root;
    JsonNode replacement;
    try {
      root = YAML.readTree(yaml);
      replacement = YAML.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "--sweep " + path + ": cannot read '" + value + "' as YAML: " + e.getOriginalMessage());
    }
    String[] keys = path.split("\\.", -1);
    JsonNode node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      JsonNode next = child(node, keys[i]);
      if (next == null || !next.isContainerNode()) {
        throw missing(keys, i, node);
      }
      node = next;
    }
    String last = keys[keys.length - 1];
    if (child(node, last) == null && !node.isObject()) {
      throw missing(keys, keys.length - 1, node);
    }
    if (node instanceof ObjectNode o) {
      o.set(last, replacement);
    } else {
      ((ArrayNode) node).set(Integer.parseInt(last), replacement);
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<JsonNode> find(JsonNode root, String path) {
    JsonNode node = root;
    for (String k : path.split("\\.", -1)) {
      node = child(node, k);
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  private static @Nullable JsonNode child(@Nullable JsonNode node, String key) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      try {
        int i = Integer.parseInt(key);
        return i >= 0 && i < node.size() ? node.get(i) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return node.isObject() ? node.get(key) : null;
  }

  private IllegalArgumentException missing(String[] keys, int at, JsonNode parent) {
    String where =
        at == 0 ? "the top level" : "'" + String.join(".", Arrays.copyOf(keys, at)) + "'";
    List<String> there = new ArrayList<>();
    if (parent.isObject()) {
      Iterator<String> it = parent.fieldNames();
      it.forEachRemaining(there::add);
    } else if (parent.isArray()) {
      there.add("indexes 0.." + (parent.size() - 1));
    }
    return new IllegalArgumentException(
        "--sweep "
            + path
            + ": "
            + where
            + " has no '"
            + keys[at]
            + "'"
            + (there.isEmpty()
                ? ""
                : "; it has " + String.join(", ", there.subList(0, Math.min(20, there.size())))));
  }
}
