package org.umbrella.negotiation.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.umbrella.diagnostics.CelMessages;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.ValueFunction;
import org.umbrella.negotiation.internal.CelConditions;
import org.umbrella.negotiation.internal.YamlNode;
import org.umbrella.negotiation.internal.YamlNode.YamlList;
import org.umbrella.negotiation.internal.YamlNode.YamlMap;
import org.umbrella.negotiation.internal.YamlNode.YamlScalar;

/**
 * Reads the {@code preferences} section of a negotiation file: each party's weights, value
 * functions over an issue's options or range, and red lines (CEL conditions with their text and
 * citations). Problems go to the loader it reads for; not for parties, issues or drafts, which the
 * {@link NegotiationLoader} reads itself.
 */
final class PreferenceReader {
  private final NegotiationLoader loader;

  PreferenceReader(NegotiationLoader loader) {
    this.loader = loader;
  }

  Map<String, Preference> readPreferences(
      @Nullable YamlNode node,
      Location parent,
      List<NegotiatingParty> parties,
      List<NegotiatedIssue> issues) {
    Map<String, Preference> prefs = new LinkedHashMap<>();
    if (node == null) {
      loader.problem(
          parent,
          "missing 'preferences'",
          "give each party weights, values and a reservation under 'preferences:'");
      return prefs;
    }
    YamlMap m = loader.map(node, "preferences");
    if (m == null) {
      return prefs;
    }
    CelConditions cel = new CelConditions(issues);
    List<String> ids = parties.stream().map(NegotiatingParty::id).toList();
    for (YamlNode.Entry e : m.entries().values()) {
      if (!ids.contains(e.key())) {
        loader.problem(
            e.keyAt(),
            "preferences for undeclared party '" + e.key() + "'",
            "declared parties: " + String.join(", ", ids));
        continue;
      }
      if (!(e.value() instanceof YamlMap pm)) {
        loader.problem(
            e.value().at(),
            "preferences of '" + e.key() + "' must be a mapping, found " + e.value().kind(),
            "give weights, values, reservation, red-lines");
        continue;
      }
      prefs.put(e.key(), readPreference(e.key(), pm, issues, cel));
    }
    for (NegotiatingParty p : parties) {
      if (!m.entries().containsKey(p.id())) {
        loader.problem(
            m.at(),
            "no preferences for party '" + p.id() + "'",
            "add preferences: { " + p.id() + ": { weights: ..., values: ... } }");
      }
    }
    Map<String, Preference> ordered = new LinkedHashMap<>();
    for (NegotiatingParty p : parties) {
      if (prefs.containsKey(p.id())) {
        ordered.put(p.id(), prefs.get(p.id()));
      }
    }
    return ordered;
  }

  Preference readPreference(
      String party, YamlMap pm, List<NegotiatedIssue> issues, CelConditions cel) {
    loader.checkKeys(
        pm,
        Set.of(
            "weights",
            "values",
            "reservation",
            "red-lines",
            "cites",
            "basis",
            "weights-as-written"),
        "preferences of " + party);
    Map<String, Interval> weights = new LinkedHashMap<>();
    YamlNode wn = pm.get("weights");
    if (wn == null) {
      loader.problem(
          pm.at(),
          "party '" + party + "' has no weights",
          "give weights: { issue: 0.3, other: [0.1, 0.2] }");
    } else if (loader.map(wn, "weights of " + party) != null) {
      YamlMap wm = (YamlMap) wn;
      for (YamlNode.Entry e : wm.entries().values()) {
        if (loader.issue(issues, e.key(), e.keyAt()).isEmpty()) {
          continue;
        }
        interval(e.value(), "weight of " + e.key() + " for " + party, 0, Double.MAX_VALUE)
            .ifPresent(w -> weights.put(e.key(), w));
      }
      if (!weights.isEmpty() && weights.values().stream().mapToDouble(Interval::high).sum() <= 0) {
        loader.problem(
            wn.at(),
            "the weights of '" + party + "' are all zero",
            "give at least one issue a positive weight");
      }
    }
    Map<String, ValueFunction> values = new LinkedHashMap<>();
    YamlNode vn = pm.get("values");
    YamlMap vm = vn == null ? null : loader.map(vn, "values of " + party);
    if (vm != null) {
      for (YamlNode.Entry e : vm.entries().values()) {
        Optional<NegotiatedIssue> issue = loader.issue(issues, e.key(), e.keyAt());
        if (issue.isEmpty()) {
          continue;
        }
        readValue(party, issue.get(), e.value()).ifPresent(v -> values.put(e.key(), v));
        if (!weights.containsKey(e.key()) && wn != null) {
          loader.problem(
              e.keyAt(),
              "'" + party + "' values issue '" + e.key() + "' but gives it no weight",
              "add a weight for it (0 if it does not matter)");
        }
      }
    }
    for (Map.Entry<String, Interval> w : weights.entrySet()) {
      if (w.getValue().high() > 0
          && !values.containsKey(w.getKey())
          && (vm == null || !vm.entries().containsKey(w.getKey()))) {
        loader.problem(
            vm == null ? pm.at() : vm.at(),
            "'" + party + "' weighs issue '" + w.getKey() + "' but gives no values for it",
            "add values: { " + w.getKey() + ": { option: 0..1, ... } }");
      }
    }
    Interval reservation = Interval.point(0);
    if (pm.get("reservation") != null) {
      reservation =
          interval(pm.get("reservation"), "reservation of " + party, 0, 1).orElse(reservation);
    }
    List<RedLine> redLines = new ArrayList<>();
    YamlNode rn = pm.get("red-lines");
    if (rn != null) {
      if (rn instanceof YamlList rl) {
        for (YamlNode item : rl.items()) {
          readRedLine(party, item, cel).ifPresent(redLines::add);
        }
      } else {
        loader.problem(
            rn.at(),
            "red-lines of '" + party + "' must be a list, found " + rn.kind(),
            "write red-lines: [ \"nato != 'open-door'\" ]");
      }
    }
    List<String> cited = loader.readCites(pm.get("cites"));
    String basis = loader.text(pm, "basis", false).orElse("");
    boolean asWritten = false;
    if (pm.get("weights-as-written") != null) {
      if (pm.get("weights-as-written") instanceof YamlScalar s && s.value() instanceof Boolean b) {
        asWritten = b;
      } else {
        loader.problem(
            pm.get("weights-as-written").at(),
            "weights-as-written of '" + party + "' must be true or false",
            "weights-as-written: true (GENIUS's semantics: no renormalisation, utility capped at 1)");
      }
    }
    return new Preference(party, weights, values, reservation, redLines, cited, basis, !asWritten);
  }

  Optional<ValueFunction> readValue(String party, NegotiatedIssue issue, YamlNode node) {
    String what = "values of " + issue.name() + " for " + party;
    if (!(node instanceof YamlMap m)) {
      loader.problem(
          node.at(),
          what + " must be a mapping, found " + node.kind(),
          "write { option: value } or { linear: [[x, value], ...] }");
      return Optional.empty();
    }
    if (m.get("linear") != null) {
      if (!(issue instanceof NumericIssue)) {
        loader.problem(
            m.get("linear").at(),
            what + ": 'linear' needs a numeric issue, '" + issue.name() + "' has named options",
            "give a value per option instead");
        return Optional.empty();
      }
      loader.checkKeys(m, Set.of("linear"), what);
      List<ValueFunction.Knot> knots = new ArrayList<>();
      if (m.get("linear") instanceof YamlList l && !l.items().isEmpty()) {
        for (YamlNode k : l.items()) {
          if (k instanceof YamlList kl
              && kl.items().size() == 2
              && NegotiationLoader.number(kl.items().get(0)).isPresent()) {
            Optional<Interval> v = interval(kl.items().get(1), what, 0, 1);
            v.ifPresent(
                val ->
                    knots.add(
                        new ValueFunction.Knot(
                            NegotiationLoader.number(kl.items().get(0)).get(), val)));
          } else {
            loader.problem(
                k.at(),
                what + ": each point must be [x, value], found " + NegotiationLoader.describe(k),
                "write linear: [[400000, 0], [800000, 1]]");
          }
        }
      } else {
        loader.problem(
            m.get("linear").at(),
            what + ": 'linear' must be a list of [x, value] points",
            "write linear: [[400000, 0], [800000, 1]]");
      }
      try {
        return knots.isEmpty()
            ? Optional.empty()
            : Optional.of(new ValueFunction.PiecewiseLinear(knots));
      } catch (IllegalArgumentException e) {
        loader.problem(
            m.get("linear").at(), what + ": " + e.getMessage(), "list the points in increasing x");
        return Optional.empty();
      }
    }
    Map<String, Interval> values = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      if (issue.indexOf(e.key()).isEmpty()) {
        loader.problem(
            e.keyAt(),
            what + ": '" + e.key() + "' is not an option of '" + issue.name() + "'",
            "options: " + NegotiationLoader.labels(issue));
        continue;
      }
      interval(e.value(), what + " option " + e.key(), 0, 1)
          .ifPresent(v -> values.put(issue.label(issue.indexOf(e.key()).get()), v));
    }
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < issue.size(); k++) {
      if (!values.containsKey(issue.label(k))) {
        missing.add(issue.label(k));
      }
    }
    if (!missing.isEmpty()) {
      loader.problem(
          m.at(),
          what + " leaves out " + String.join(", ", missing),
          "give every option a value between 0 and 1"
              + (issue instanceof NumericIssue ? ", or use { linear: [[x, value], ...] }" : ""));
      return Optional.empty();
    }
    return Optional.of(new ValueFunction.OptionValues(values));
  }

  Optional<RedLine> readRedLine(String party, YamlNode item, CelConditions cel) {
    String condition;
    String text = "";
    List<String> cited = List.of();
    Location at;
    if (item instanceof YamlScalar s && s.value() instanceof String str) {
      condition = str;
      at = item.at();
    } else if (item instanceof YamlMap m) {
      loader.checkKeys(m, Set.of("condition", "text", "cites"), "a red line of " + party);
      YamlNode c = m.get("condition");
      if (!(c instanceof YamlScalar cs && cs.value() instanceof String str)) {
        loader.problem(
            m.at(),
            "red line of '" + party + "' has no condition",
            "write condition: \"nato != 'open-door'\"");
        return Optional.empty();
      }
      condition = str;
      at = c.at();
      text = loader.text(m, "text", false).orElse("");
      cited = loader.readCites(m.get("cites"));
    } else {
      loader.problem(
          item.at(),
          "a red line must be a CEL condition or { condition, text, cites }, found " + item.kind(),
          "write \"nato != 'open-door'\"");
      return Optional.empty();
    }
    CelConditions.Result r = cel.compile(condition);
    if (!r.errors().isEmpty()) {
      List<CelMessages.Explained> explained =
          CelMessages.explainAll(
              r.errors().stream()
                  .map(e -> new CelMessages.Reported(e.message(), e.line(), e.column()))
                  .toList(),
              condition,
              cel.names());
      // Line 1 of a condition is on the YAML line: point into it (past an opening quote).
      boolean oneLine = condition.indexOf('\n') < 0;
      for (CelMessages.Explained x : explained) {
        Location where = oneLine ? at.shifted(x.offset() + 1) : at;
        String hint =
            (x.hint().isEmpty() ? "" : x.hint() + "; ")
                + "a red line is a CEL bool over the issues (names with '-' written with '_'), e.g."
                + " nato != 'open-door' && army_cap >= 600000";
        loader.problem(
            where,
            "red line of '" + party + "' " + x.verdict() + ": " + x.message(),
            x.suggestions().isEmpty()
                ? hint
                : hint + "; did you mean '" + String.join("' or '", x.suggestions()) + "'?");
      }
      return Optional.empty();
    }
    return Optional.of(new RedLine(party, condition, text, cited, at));
  }

  Optional<Interval> interval(YamlNode node, String what, double min, double max) {
    Optional<Double> single = NegotiationLoader.number(node);
    double lo;
    double hi;
    if (single.isPresent()) {
      lo = single.get();
      hi = lo;
    } else if (node instanceof YamlList l
        && l.items().size() == 2
        && NegotiationLoader.number(l.items().get(0)).isPresent()
        && NegotiationLoader.number(l.items().get(1)).isPresent()) {
      lo = NegotiationLoader.number(l.items().get(0)).get();
      hi = NegotiationLoader.number(l.items().get(1)).get();
      if (lo > hi) {
        loader.problem(
            node.at(),
            what + ": range [" + lo + ", " + hi + "] runs backwards",
            "write [low, high]");
        return Optional.empty();
      }
    } else {
      loader.problem(
          node.at(),
          what
              + " must be a number or a range [low, high], found "
              + NegotiationLoader.describe(node),
          "e.g. 0.3 or [0.25, 0.35]");
      return Optional.empty();
    }
    if (lo < min || hi > max) {
      loader.problem(
          node.at(),
          what
              + " is "
              + (lo == hi ? lo : "[" + lo + ", " + hi + "]")
              + ", outside "
              + (max == Double.MAX_VALUE ? ">= " + min : min + ".." + max),
          max == Double.MAX_VALUE
              ? "weights are non-negative"
              : "values and reservations are between 0 and 1");
      return Optional.empty();
    }
    return Optional.of(new Interval(lo, hi));
  }
}
