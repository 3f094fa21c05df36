package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.ActorFilter;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Expression;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.IncidentSchema;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.agreement.model.TimeSpan;
import org.umbrella.diagnostics.Suggestions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code findings:} section: match findings (one incident) and aggregates over them. */
final class FindingParser extends SectionParser {
  private final ConditionParser conditions;

  FindingParser(State state, ConditionParser conditions) {
    super(state);
    this.conditions = conditions;
  }

  void finding(Nodes.Entry e) {
    String owner = "finding '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "finding", owner);
    if (f == null) {
      return;
    }
    Optional<String> title = optionalText(f, "title", owner).filter(x -> x != null);
    Optional<String> body =
        f.get("determined-by")
            .map(n -> nodes.scalar(n, "'determined-by' of " + owner, "a body id"))
            .map(
                s -> {
                  ref(Kind.BODY, s, "'determined-by' of " + owner);
                  return s.getValue();
                });
    Optional<TimeSpan> decideWithin =
        f.get("decide-within").map(n -> nodes.span(n, "'decide-within' of " + owner));
    if (f.has("decide-within") && !f.has("determined-by")) {
      problems.at(
          f.keyNode("decide-within"),
          "conflicting-keys",
          "'decide-within' of " + owner + " needs 'determined-by' (a body that decides)",
          "decide-within",
          "add 'determined-by: <body>' or remove 'decide-within'");
    }
    List<Citation> cites = cites(f, owner);
    labels(f, "finding", "findings." + e.id(), owner);
    boolean match = f.has("match");
    boolean over = f.has("over");
    if (match == over) {
      if (match) {
        problems.at(
            f.keyNode("over"),
            "conflicting-keys",
            owner + " has both 'match' and 'over'; give exactly one",
            "over",
            "match (one incident) or over (an aggregate)");
      } else {
        problems.at(
            e.value(),
            "missing-key",
            owner
                + " needs exactly one of 'match' (one incident) or 'over' (an aggregate of another finding)",
            "",
            "match: { kinds: [...] } or over: { finding: ..., window: 72h, at-least: 3 }");
      }
      return;
    }
    Finding parsed =
        match
            ? matchFinding(
                e.id(), f.get("match").orElseThrow(), owner, title, body, decideWithin, cites)
            : aggregateFinding(
                e.id(), f.get("over").orElseThrow(), owner, title, body, decideWithin, cites);
    if (parsed != null) { // a bad 'decide-within' is already a problem (Optional.map drops null)
      findings.put(e.id(), parsed);
    }
  }

  private @Nullable MatchFinding matchFinding(
      String id,
      Node n,
      String owner,
      Optional<String> title,
      Optional<String> body,
      Optional<TimeSpan> decideWithin,
      List<Citation> cites) {
    Nodes.Fields f = nodes.mapping(n, "match", "the match of " + owner);
    if (f == null) {
      return null;
    }
    boolean ok = true;
    List<String> kinds = List.of();
    if (f.has("kinds")) {
      List<ScalarNode> list = nodes.scalars(f.get("kinds").get(), "the kinds of " + owner);
      if (list == null) {
        ok = false;
      } else {
        List<String> out = new ArrayList<>();
        for (ScalarNode s : list) {
          if (IncidentSchema.KINDS.contains(s.getValue())) {
            out.add(s.getValue());
          } else {
            ok = false;
            problems.at(
                s,
                "invalid-value",
                "unknown incident kind '" + Nodes.abbreviate(s.getValue()) + "' in " + owner,
                s.getValue(),
                "one of " + String.join(", ", IncidentSchema.KINDS),
                Suggestions.closest(s.getValue(), IncidentSchema.KINDS));
          }
        }
        kinds = out;
      }
    }
    ReviewStatus status = ReviewStatus.REPORTED;
    if (f.has("status")) {
      String s =
          nodes.choice(
              f.get("status").get(),
              "minimum status of " + owner,
              List.of("reported", "corroborated", "verified"));
      if (s == null) {
        ok = false;
      } else {
        status = ReviewStatus.valueOf(s.toUpperCase(Locale.ROOT));
      }
    }
    long sources = 1;
    if (f.has("sources")) {
      Long v = nodes.integer(f.get("sources").get(), "the minimum sources of " + owner, 1, 1000);
      ok &= v != null;
      sources = v == null ? 1 : v;
    }
    List<String> within = List.of();
    if (f.has("within")) {
      List<ScalarNode> list = nodes.scalars(f.get("within").get(), "'within' of " + owner);
      if (list == null) {
        ok = false;
      } else {
        within = refs(Kind.PLACE, list, "'within' of " + owner);
        list.forEach(s -> areaUses.add(new Ref(Kind.PLACE, s, "'within' of " + owner)));
      }
    }
    ActorFilter by = actor(f.get("by"), "'by' of " + owner);
    Optional<Expression> when = Optional.empty();
    if (f.has("when")) {
      Expression x =
          expression(
              f.get("when").get(), "the condition of " + owner, IncidentSchema.ResultType.BOOL);
      ok &= x != null;
      when = Optional.ofNullable(x);
    }
    return ok
        ? new MatchFinding(
            id,
            title,
            kinds,
            status,
            (int) sources,
            within,
            by,
            when,
            body,
            decideWithin.filter(x -> x != null),
            cites)
        : null;
  }

  private @Nullable AggregateFinding aggregateFinding(
      String id,
      Node n,
      String owner,
      Optional<String> title,
      Optional<String> body,
      Optional<TimeSpan> decideWithin,
      List<Citation> cites) {
    Nodes.Fields f = nodes.mapping(n, "over", "the aggregate of " + owner);
    if (f == null) {
      return null;
    }
    Node of = nodes.required(f, "finding");
    ScalarNode over =
        of == null ? null : nodes.scalar(of, "the finding aggregated by " + owner, "a finding id");
    if (over != null) {
      Ref r = new Ref(Kind.FINDING, over, "the aggregate of " + owner);
      refs.add(r);
      aggregateEdges.put(id, r);
    }
    ActorFilter by = actor(f.get("by"), "'by' of " + owner);
    Node w = nodes.required(f, "window");
    TimeSpan window = w == null ? null : nodes.span(w, "the window of " + owner);
    AggregateFinding.Threshold threshold = null;
    boolean count = f.has("at-least");
    boolean sum = f.has("sum");
    if (count && sum) {
      problems.at(
          f.keyNode("sum"),
          "conflicting-keys",
          "the aggregate of " + owner + " has both 'at-least' and 'sum'; give exactly one",
          "sum",
          "at-least: N (a count) or sum: { of: ..., at-least: N }");
    } else if (!count && !sum) {
      problems.at(
          n,
          "missing-key",
          "the aggregate of " + owner + " needs 'at-least' (a count) or 'sum'",
          "",
          "at-least: 3, or sum: { of: incident.fatalities.best, at-least: 10 }");
    } else if (count) {
      Long v = nodes.integer(f.get("at-least").get(), "'at-least' of " + owner, 1, 1_000_000);
      threshold = v == null ? null : new AggregateFinding.Threshold.Count(v.intValue());
    } else {
      Nodes.Fields s = nodes.mapping(f.get("sum").get(), "sum", "the sum of " + owner);
      if (s != null) {
        Node ofNode = nodes.required(s, "of");
        Node atLeast = nodes.required(s, "at-least");
        Expression x =
            ofNode == null
                ? null
                : expression(
                    ofNode, "the summed expression of " + owner, IncidentSchema.ResultType.NUMBER);
        Double min =
            atLeast == null
                ? null
                : nodes.number(atLeast, "the sum threshold of " + owner, 0, 1e12);
        threshold = x == null || min == null ? null : new AggregateFinding.Threshold.Sum(x, min);
      }
    }
    OptionalInt distinct = OptionalInt.empty();
    if (f.has("distinct-days")) {
      Long d = nodes.integer(f.get("distinct-days").get(), "'distinct-days' of " + owner, 1, 3660);
      if (d == null) {
        return null;
      }
      if (window != null) {
        long maxDays = (long) Math.ceil(window.approximateHours() / 24.0) + 1;
        if (d > maxDays) {
          problems.at(
              f.get("distinct-days").get(),
              "range",
              "distinct-days "
                  + d
                  + " cannot fit in a "
                  + window
                  + " window (it spans at most "
                  + maxDays
                  + " calendar days)",
              Long.toString(d),
              "at most " + maxDays + ", or a longer window");
          return null;
        }
      }
      distinct = OptionalInt.of(d.intValue());
    }
    if (over == null || window == null || threshold == null) {
      return null;
    }
    return new AggregateFinding(
        id,
        title,
        over.getValue(),
        by,
        window,
        threshold,
        distinct,
        body,
        decideWithin.filter(x -> x != null),
        cites);
  }

  private @Nullable Expression expression(Node n, String what, IncidentSchema.ResultType type) {
    return conditions.expression(n, what, type);
  }
}
