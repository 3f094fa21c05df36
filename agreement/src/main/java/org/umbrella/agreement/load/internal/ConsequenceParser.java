package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Action;
import org.umbrella.agreement.model.ActorFilter;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Consequence;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code consequences:} section: what follows a confirmed finding. */
final class ConsequenceParser extends SectionParser {

  ConsequenceParser(State state) {
    super(state);
  }

  void consequence(Nodes.Entry e) {
    String owner = "consequence '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "consequence", owner);
    if (f == null) {
      return;
    }
    Optional<String> title = optionalText(f, "title", owner).filter(x -> x != null);
    Node o = nodes.required(f, "on");
    ScalarNode on = o == null ? null : nodes.scalar(o, "'on' of " + owner, "a finding id");
    if (on != null) {
      ref(Kind.FINDING, on, "'on' of " + owner);
    }
    ActorFilter by = actor(f.get("by"), "'by' of " + owner);
    Node t = nodes.required(f, "then");
    List<Node> items = t == null ? null : nodes.sequence(t, "then of " + owner);
    List<Action> actions = new ArrayList<>();
    boolean ok = items != null;
    if (t != null && items != null) {
      if (items.isEmpty()) {
        problems.at(
            t,
            "type",
            "then of " + owner + " needs at least one action",
            "",
            "revoke: <provision>, suspend: <provision> or notify: [parties]");
        ok = false;
      }
      for (Node item : items) {
        Action a = action(item, owner);
        ok &= a != null;
        if (a != null) {
          actions.add(a);
        }
      }
    }
    List<Citation> cites = cites(f, owner);
    if (ok && on != null) {
      consequences.put(e.id(), new Consequence(e.id(), title, on.getValue(), by, actions, cites));
    }
  }

  private @Nullable Action action(Node n, String owner) {
    Nodes.Fields f = nodes.mapping(n, "action", "an action of " + owner);
    if (f == null) {
      return null;
    }
    if (f.entries().size() != 1) {
      if (f.entries().size() > 1) {
        problems.at(
            n,
            "conflicting-keys",
            "an action of "
                + owner
                + " must have exactly one key, has "
                + String.join(", ", f.entries().keySet()),
            "",
            "one action per list entry: - revoke: x");
      } else if (((MappingNode) n).getValue().isEmpty()) {
        problems.at(
            n,
            "missing-key",
            "an action of " + owner + " is empty",
            "",
            "revoke: <provision>, suspend: <provision> or notify: [parties]");
      }
      return null;
    }
    String key = f.entries().keySet().iterator().next();
    Node v = f.get(key).orElseThrow();
    if (key.equals("notify")) {
      List<ScalarNode> list = nodes.scalars(v, "'notify' of " + owner);
      return list == null
          ? null
          : new Action.Notify(refs(Kind.PARTY, list, "'notify' of " + owner));
    }
    ScalarNode s = nodes.scalar(v, "'" + key + "' of " + owner, "a provision id");
    if (s == null) {
      return null;
    }
    ref(Kind.PROVISION, s, "'" + key + "' of " + owner);
    return key.equals("revoke")
        ? new Action.Revoke(s.getValue())
        : new Action.Suspend(s.getValue());
  }
}
