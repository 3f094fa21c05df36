package org.umbrella.agreement.load.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Category;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Due;
import org.umbrella.agreement.model.Provision;
import org.umbrella.agreement.model.Quantity;
import org.umbrella.agreement.model.TimeSpan;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code provisions:} section: obligors, entry into force, deadlines, quantities. */
final class ProvisionParser extends SectionParser {

  ProvisionParser(State state) {
    super(state);
  }

  void provision(Nodes.Entry e) {
    String owner = "provision '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "provision", owner);
    if (f == null) {
      return;
    }
    boolean ok = true;
    Node t = nodes.required(f, "title");
    String title = t == null ? null : nodes.text(t, "the title of " + owner);
    Optional<String> text = optionalText(f, "text", owner).filter(x -> x != null);
    Optional<Category> category = Optional.empty();
    if (f.has("category")) {
      List<String> labels = Arrays.stream(Category.values()).map(Category::label).toList();
      String c = nodes.choice(f.get("category").get(), "category of " + owner, labels);
      ok &= c != null;
      category =
          c == null
              ? Optional.empty()
              : Arrays.stream(Category.values()).filter(x -> x.label().equals(c)).findFirst();
    }
    List<String> obligors = List.of();
    if (f.has("obligors")) {
      List<ScalarNode> list = nodes.scalars(f.get("obligors").get(), "the obligors of " + owner);
      ok &= list != null;
      obligors = list == null ? List.of() : refs(Kind.PARTY, list, "the obligors of " + owner);
    }
    Optional<Instant> inForce = Optional.empty();
    if (f.has("in-force")) {
      Instant i = nodes.instant(f.get("in-force").get(), "'in-force' of " + owner);
      ok &= i != null;
      inForce = Optional.ofNullable(i);
    }
    Optional<Due> due = Optional.empty();
    if (f.has("due")) {
      Nodes.Fields d = nodes.mapping(f.get("due").get(), "due", "the deadline of " + owner);
      Due parsed = null;
      if (d != null) {
        Node after = nodes.required(d, "after");
        Node within = nodes.required(d, "within");
        ScalarNode a =
            after == null ? null : nodes.scalar(after, "'after' of " + owner, "a provision id");
        TimeSpan w = within == null ? null : nodes.span(within, "the deadline of " + owner);
        if (a != null) {
          if (a.getValue().equals(e.id())) {
            problems.at(
                a,
                "cycle",
                owner + " cannot be due after itself",
                a.getValue(),
                "another provision, e.g. ceasefire");
            a = null;
          } else {
            ref(Kind.PROVISION, a, "the deadline of " + owner);
            dueEdges.put(e.id(), new Ref(Kind.PROVISION, a, "the deadline of " + owner));
          }
        }
        parsed = a == null || w == null ? null : new Due(a.getValue(), w);
      }
      ok &= parsed != null;
      due = Optional.ofNullable(parsed);
    }
    Optional<Quantity> quantity = Optional.empty();
    if (f.has("quantity")) {
      Quantity q = quantity(f.get("quantity").get(), owner);
      ok &= q != null;
      quantity = Optional.ofNullable(q);
    }
    List<Citation> cites = cites(f, owner);
    labels(f, "provision", "provisions." + e.id(), owner);
    if (ok && title != null) {
      provisions.put(
          e.id(),
          new Provision(e.id(), title, text, category, obligors, inForce, due, quantity, cites));
    }
  }

  private @Nullable Quantity quantity(Node n, String owner) {
    Nodes.Fields f = nodes.mapping(n, "quantity", "the quantity of " + owner);
    if (f == null) {
      return null;
    }
    List<Quantity.Bound> given = new ArrayList<>();
    for (Quantity.Bound b : Quantity.Bound.values()) {
      if (f.has(b.label())) {
        given.add(b);
      }
    }
    if (given.size() != 1) {
      problems.at(
          n,
          given.isEmpty() ? "missing-key" : "conflicting-keys",
          "the quantity of " + owner + " needs exactly one of at-most, at-least or exactly",
          "",
          "e.g. { at-most: 600000, unit: personnel }");
      return null;
    }
    Quantity.Bound bound = given.getFirst();
    Long value =
        nodes.integer(
            f.get(bound.label()).get(),
            "'" + bound.label() + "' of " + owner,
            0,
            Long.MAX_VALUE - 1);
    Node u = nodes.required(f, "unit");
    String unit = u == null ? null : nodes.text(u, "the unit of " + owner);
    return value == null || unit == null ? null : new Quantity(bound, value, unit);
  }
}
