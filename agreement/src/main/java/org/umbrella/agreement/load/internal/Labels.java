package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Basis;
import org.umbrella.agreement.model.ValueLabel;
import org.umbrella.diagnostics.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the {@code modelled:} and {@code stated:} labels of clauses and checks them against the
 * operative values each clause has (thresholds, durations, radii, memberships).
 *
 * <p>A label naming a field the clause cannot carry or does not have, a field labelled both ways,
 * or a modelled value without a reason is an error. In a file whose {@code basis} is {@code
 * modelled-from-sources}, an operative value with no label is a warning: the reader cannot tell a
 * negotiated number from the modeller's choice.
 */
final class Labels {
  private final Problems problems;
  private final Nodes nodes;
  private final Map<String, ValueLabel> labels = new LinkedHashMap<>();
  private Basis basis = Basis.TEXT;

  Labels(Problems problems, Nodes nodes) {
    this.problems = problems;
    this.nodes = nodes;
  }

  void basis(Basis b) {
    basis = b;
  }

  /** Every label read so far, by path, in file order. */
  Map<String, ValueLabel> all() {
    return labels;
  }

  /** The value node under {@code key} of a mapping node, if both exist. */
  static Optional<Node> child(Node mapping, String key) {
    if (mapping instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads one clause's labels.
   *
   * @param f the clause's fields
   * @param clausePath {@code section.id} (or {@code guarantees.g.duties.d} for a duty)
   * @param owner the clause as messages name it
   * @param labelable every field this kind of clause may label, in documentation order
   * @param present the operative values the clause has: field to value node
   */
  void read(
      Nodes.Fields f,
      String clausePath,
      String owner,
      List<String> labelable,
      Map<String, Node> present) {
    Map<String, ScalarNode> modelled = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    f.get("modelled")
        .ifPresent(
            n -> {
              if (!(n instanceof MappingNode m)) {
                problems.at(
                    n,
                    "type",
                    "expected a mapping of field: reason for 'modelled' of "
                        + owner
                        + ", found "
                        + Nodes.describe(n),
                    Nodes.value(n),
                    "e.g. modelled: { km: the reports give no width }");
                return;
              }
              for (NodeTuple t : m.getValue()) {
                ScalarNode key = field(t.getKeyNode(), owner, "modelled", labelable, present);
                if (key == null) {
                  continue;
                }
                String why =
                    nodes.text(
                        t.getValueNode(),
                        "the reason " + key.getValue() + " of " + owner + " is modelled");
                if (why != null) {
                  modelled.put(key.getValue(), key);
                  reasons.put(key.getValue(), why);
                }
              }
            });
    Map<String, ScalarNode> stated = new LinkedHashMap<>();
    f.get("stated")
        .ifPresent(
            n -> {
              List<ScalarNode> list = nodes.scalars(n, "'stated' of " + owner);
              if (list == null) {
                return;
              }
              for (ScalarNode s : list) {
                ScalarNode key = field(s, owner, "stated", labelable, present);
                if (key == null) {
                  continue;
                }
                if (modelled.containsKey(key.getValue())) {
                  problems.at(
                      key,
                      "conflicting-label",
                      key.getValue() + " of " + owner + " is labelled both stated and modelled",
                      key.getValue(),
                      "one label per value: stated when a cited source gives it, modelled otherwise");
                  modelled.remove(key.getValue());
                  continue;
                }
                stated.put(key.getValue(), key);
              }
            });
    for (String field : present.keySet()) {
      String path = clausePath + "." + field;
      if (modelled.containsKey(field)) {
        labels.put(
            path,
            new ValueLabel(path, ValueLabel.Origin.MODELLED, reasons.getOrDefault(field, "")));
      } else if (stated.containsKey(field)) {
        labels.put(path, new ValueLabel(path, ValueLabel.Origin.STATED, ""));
      } else if (basis == Basis.MODELLED_FROM_SOURCES) {
        Node value = present.get(field);
        String shown =
            value instanceof ScalarNode s
                ? s.getValue()
                : value instanceof org.yaml.snakeyaml.nodes.SequenceNode q
                    ? "["
                        + String.join(", ", q.getValue().stream().map(Nodes::value).toList())
                        + "]"
                    : "";
        problems.warnAt(
            value,
            "unlabelled-value",
            field
                + " "
                + Nodes.abbreviate(shown)
                + " of "
                + owner
                + " is not labelled; this file is modelled from sources, so say whether a source states it or the model chose it",
            shown,
            "'stated: ["
                + field
                + "]' when a cited source gives it, or 'modelled: { "
                + field
                + ": <why> }'");
      }
    }
  }

  private @Nullable ScalarNode field(
      Node keyNode, String owner, String label, List<String> labelable, Map<String, Node> present) {
    if (!(keyNode instanceof ScalarNode k)
        || k.getTag().equals(Tag.NULL)
        || k.getValue().isBlank()) {
      problems.at(
          keyNode,
          "type",
          "a '"
              + label
              + "' label of "
              + owner
              + " must name a field, found "
              + Nodes.describe(keyNode),
          Nodes.value(keyNode),
          "one of " + String.join(", ", labelable));
      return null;
    }
    String name = k.getValue();
    if (!labelable.contains(name)) {
      problems.at(
          k,
          "unknown-label",
          "'" + Nodes.abbreviate(name) + "' is not a value " + owner + " can label",
          name,
          "one of " + String.join(", ", labelable),
          Suggestions.closest(name, labelable));
      return null;
    }
    if (!present.containsKey(name)) {
      List<String> has = new ArrayList<>(present.keySet());
      problems.at(
          k,
          "unknown-label",
          owner + " labels " + name + ", but has no " + name,
          name,
          has.isEmpty() ? "remove the label" : "a field it has: " + String.join(", ", has));
      return null;
    }
    return k;
  }
}
