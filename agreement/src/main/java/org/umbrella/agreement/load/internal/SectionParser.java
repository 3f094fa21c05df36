package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.load.Keys;
import org.umbrella.agreement.load.ResourceResolver;
import org.umbrella.agreement.model.ActorFilter;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Consequence;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.Party;
import org.umbrella.agreement.model.Place;
import org.umbrella.agreement.model.Provision;
import org.umbrella.agreement.model.Source;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What every section parser shares: the state of one load (issues, declared ids, references to
 * check, the clauses read so far) and the readers of parts common to clauses (citations, actors,
 * value labels, ids). Each section of an agreement file has its own parser beside this one.
 */
abstract class SectionParser {
  final State state;
  final ResourceResolver resolver;
  final Problems problems;
  final Nodes nodes;
  final Labels labels;
  final List<Ref> refs;
  final Map<Kind, Set<String>> declared;
  final Map<String, Source> sources;
  final Map<String, Party> parties;
  final Map<String, Place> places;
  final Map<String, Body> bodies;
  final Map<String, Finding> findings;
  final Map<String, Guarantee> guarantees;
  final Map<String, Provision> provisions;
  final Map<String, Consequence> consequences;
  final Map<String, Ref> aggregateEdges;
  final Map<String, Ref> dueEdges;
  final List<Ref> areaUses;

  SectionParser(State state) {
    this.state = state;
    this.resolver = state.resolver;
    this.problems = state.problems;
    this.nodes = state.nodes;
    this.labels = state.labels;
    this.refs = state.refs;
    this.declared = state.declared;
    this.sources = state.sources;
    this.parties = state.parties;
    this.places = state.places;
    this.bodies = state.bodies;
    this.findings = state.findings;
    this.guarantees = state.guarantees;
    this.provisions = state.provisions;
    this.consequences = state.consequences;
    this.aggregateEdges = state.aggregateEdges;
    this.dueEdges = state.dueEdges;
    this.areaUses = state.areaUses;
  }

  /** What the sections of one file share: the issue collector, the ids, and what was read. */
  static final class State {
    final ResourceResolver resolver;
    final Problems problems;
    final Nodes nodes;
    final Labels labels;
    final List<Ref> refs = new ArrayList<>();
    final Map<Kind, Set<String>> declared = new HashMap<>();
    final Map<String, Source> sources = new LinkedHashMap<>();
    final Map<String, Party> parties = new LinkedHashMap<>();
    final Map<String, Place> places = new LinkedHashMap<>();
    final Map<String, Body> bodies = new LinkedHashMap<>();
    final Map<String, Finding> findings = new LinkedHashMap<>();
    final Map<String, Guarantee> guarantees = new LinkedHashMap<>();
    final Map<String, Provision> provisions = new LinkedHashMap<>();
    final Map<String, Consequence> consequences = new LinkedHashMap<>();

    /** Aggregate finding id -> (finding aggregated, node of the reference), for cycle detection. */
    final Map<String, Ref> aggregateEdges = new LinkedHashMap<>();

    /** Provision id -> the provision its deadline runs after, for cycle detection. */
    final Map<String, Ref> dueEdges = new LinkedHashMap<>();

    /** Place id -> nodes where a match uses it as an area. */
    final List<Ref> areaUses = new ArrayList<>();

    State(String file, String text, ResourceResolver resolver) {
      this.resolver = resolver;
      this.problems = new Problems(file, text);
      this.nodes = new Nodes(problems);
      this.labels = new Labels(problems, nodes);
      for (Kind k : Kind.values()) {
        declared.put(k, new LinkedHashSet<>());
      }
    }
  }

  /** What a reference points to, for the "unknown X" message. */
  enum Kind {
    PARTY("party", "parties"),
    PLACE("place", "places"),
    BODY("body", "bodies"),
    FINDING("finding", "findings"),
    PROVISION("provision", "provisions"),
    SOURCE("source", "sources");

    final String one;
    final String many;

    Kind(String one, String many) {
      this.one = one;
      this.many = many;
    }
  }

  record Ref(Kind kind, ScalarNode node, String context) {}

  /**
   * Reads a clause's value labels: {@code fields} are the labelable fields to look up, dotted for
   * nested ones.
   */
  void labels(Nodes.Fields f, String kind, String clausePath, String owner) {
    Map<String, Node> present = new LinkedHashMap<>();
    for (String field : Keys.LABELABLE.getOrDefault(kind, List.of())) {
      String[] parts = field.split("\\.", -1);
      Optional<Node> n = f.get(parts[0]);
      for (int i = 1; i < parts.length && n.isPresent(); i++) {
        n = Labels.child(n.get(), parts[i]);
      }
      n.ifPresent(node -> present.put(field, node));
    }
    labels.read(f, clausePath, owner, Keys.LABELABLE.getOrDefault(kind, List.of()), present);
  }

  @Nullable String idValue(Node n, String what) {
    String v = nodes.text(n, what);
    if (v != null && !Nodes.ID.matcher(v).matches()) {
      problems.at(
          n,
          "invalid-id",
          "invalid " + what + " '" + Nodes.abbreviate(v) + "'",
          v,
          "a letter followed by up to 63 letters, digits, '-', '_' or '.'");
      return null;
    }
    return v;
  }

  /** The ids declared of {@code kind} (empty until {@code AgreementParser.declare} adds some). */
  Set<String> declared(Kind kind) {
    return declared.computeIfAbsent(kind, k -> new LinkedHashSet<>());
  }

  void ref(Kind kind, ScalarNode node, String context) {
    refs.add(new Ref(kind, node, context));
  }

  List<String> refs(Kind kind, List<ScalarNode> list, String context) {
    List<String> ids = new ArrayList<>();
    for (ScalarNode s : list) {
      ref(kind, s, context);
      ids.add(s.getValue());
    }
    return ids;
  }

  List<Citation> cites(Nodes.Fields f, String owner) {
    Optional<Node> n = f.get("cites");
    if (n.isEmpty()) {
      return List.of();
    }
    List<Node> items = n.get() instanceof SequenceNode s ? s.getValue() : List.of(n.get());
    List<Citation> out = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
        ref(Kind.SOURCE, s, "the citations of " + owner);
        out.add(Citation.of(s.getValue()));
      } else {
        Nodes.Fields c = nodes.mapping(item, "citation", "a citation of " + owner);
        if (c == null) {
          continue;
        }
        Node src = nodes.required(c, "source");
        ScalarNode s = src == null ? null : nodes.scalar(src, "a citation's source", "a source id");
        Optional<String> at = c.get("at").map(a -> nodes.text(a, "a citation's 'at'"));
        if (s != null) {
          ref(Kind.SOURCE, s, "the citations of " + owner);
          out.add(new Citation(s.getValue(), at.filter(x -> x != null)));
        }
      }
    }
    return out;
  }

  Optional<String> optionalText(Nodes.Fields f, String key, String owner) {
    return f.get(key).map(n -> nodes.text(n, "'" + key + "' of " + owner));
  }

  ActorFilter actor(Optional<Node> n, String context) {
    if (n.isEmpty()) {
      return ActorFilter.any();
    }
    if (n.get() instanceof ScalarNode s && s.getValue().equals("any")) {
      return ActorFilter.any();
    }
    List<ScalarNode> list = nodes.scalars(n.get(), context);
    return list == null
        ? ActorFilter.any()
        : new ActorFilter.Parties(refs(Kind.PARTY, list, context));
  }
}
