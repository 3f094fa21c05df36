package org.umbrella.negotiation.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.umbrella.diagnostics.CelMessages;
import org.umbrella.negotiation.CitedSource;
import org.umbrella.negotiation.DiscreteIssue;
import org.umbrella.negotiation.Draft;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.InvalidNegotiationException;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.Problem;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.ValueFunction;
import org.umbrella.negotiation.internal.CelConditions;
import org.umbrella.negotiation.internal.LocatedYaml;
import org.umbrella.negotiation.internal.YamlNode;
import org.umbrella.negotiation.internal.YamlNode.YamlList;
import org.umbrella.negotiation.internal.YamlNode.YamlMap;
import org.umbrella.negotiation.internal.YamlNode.YamlScalar;

/**
 * Loads a negotiation file (format: docs/negotiation.md) into a validated model.
 *
 * <p>Validation is complete before anything is returned: keys, issue definitions, weights and
 * values in range, every weighted issue valued on every option, red lines type-checked by CEL,
 * drafts choosing a valid option on every issue, citations resolving to declared sources. All
 * problems found are reported together.
 */
public final class NegotiationLoader {
  private static final Set<String> TOP =
      Set.of("umbrella", "id", "title", "sources", "parties", "issues", "preferences", "drafts");
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, CitedSource> sources = new LinkedHashMap<>();
  private final List<Cite> cites = new ArrayList<>();

  private record Cite(String id, Location at) {}

  private NegotiationLoader(String file) {
    this.file = file;
  }

  /**
   * Loads and validates a negotiation from its text.
   *
   * @param text the YAML text
   * @param file the name to report locations under (usually the path the caller read)
   * @throws InvalidNegotiationException listing every problem, each with file:line:column and a
   *     hint
   */
  public static NegotiationModel load(String text, String file) {
    return read(text, file).orElseThrow();
  }

  /**
   * Loads and validates a negotiation from its text, returning every problem as a value instead of
   * throwing.
   *
   * @param text the YAML text
   * @param file the name to report locations under (usually the path the caller read)
   */
  public static NegotiationLoadResult read(String text, String file) {
    NegotiationLoader loader = new NegotiationLoader(file);
    NegotiationModel model = loader.run(text);
    loader.problems.sort(
        (a, b) ->
            a.where().line() != b.where().line()
                ? Integer.compare(a.where().line(), b.where().line())
                : Integer.compare(a.where().column(), b.where().column()));
    return new NegotiationLoadResult(
        file,
        loader.problems.isEmpty() ? Optional.ofNullable(model) : Optional.empty(),
        loader.problems);
  }

  private @Nullable NegotiationModel run(String text) {
    LocatedYaml.Parsed parsed = LocatedYaml.parse(text, file);
    problems.addAll(parsed.problems());
    YamlNode root = parsed.root();
    if (root == null) {
      return null;
    }
    if (!(root instanceof YamlMap top)) {
      problem(
          root.at(),
          "the file must be a mapping, found " + root.kind(),
          "start with 'umbrella: 1', then id, parties, issues, preferences, drafts");
      return null;
    }
    checkKeys(top, TOP, "the top level");
    YamlNode version = top.get("umbrella");
    if (version == null) {
      problem(
          top.at(),
          "missing 'umbrella: 1'",
          "the first line names the format version: umbrella: 1");
    } else if (!(version instanceof YamlScalar s && s.value() instanceof Long l && l == 1)) {
      problem(
          version.at(),
          "unsupported format version " + describe(version),
          "this Umbrella reads 'umbrella: 1'");
    }
    String id = text(top, "id", true).orElse("");
    String title = text(top, "title", false).orElse("");
    readSources(top.get("sources"));
    List<NegotiatingParty> parties = readParties(top.get("parties"), top.at());
    List<NegotiatedIssue> issues = readIssues(top.get("issues"), top.at());
    Map<String, Preference> prefs =
        readPreferences(top.get("preferences"), top.at(), parties, issues);
    List<Draft> drafts = readDrafts(top.get("drafts"), issues);
    for (Cite c : cites) {
      if (!sources.containsKey(c.id())) {
        problem(
            c.at(),
            "cites unknown source '" + c.id() + "'",
            sources.isEmpty()
                ? "declare it under 'sources:' with a url"
                : "declared sources: " + String.join(", ", sources.keySet()));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new NegotiationModel(id, title, parties, issues, prefs, drafts, sources, file);
  }

  // ---- sections

  private void readSources(@Nullable YamlNode node) {
    if (node == null) {
      return;
    }
    YamlMap m = map(node, "sources");
    if (m == null) {
      return;
    }
    for (YamlNode.Entry e : m.entries().values()) {
      if (e.value() instanceof YamlScalar s && s.value() instanceof String url) {
        sources.put(e.key(), new CitedSource(e.key(), url, ""));
      } else if (e.value() instanceof YamlMap sm) {
        checkKeys(sm, Set.of("url", "title"), "source " + e.key());
        // A source without a url (a report known by its title, the project's own case notes) needs
        // a title.
        boolean hasUrl = sm.get("url") != null;
        sources.put(
            e.key(),
            new CitedSource(
                e.key(),
                text(sm, "url", !hasUrl && sm.get("title") == null).orElse(""),
                text(sm, "title", !hasUrl).orElse("")));
      } else {
        problem(
            e.value().at(),
            "source '" + e.key() + "' must be a url or {url, title}, found " + e.value().kind(),
            "write: " + e.key() + ": { url: https://..., title: ... }");
      }
    }
  }

  private List<NegotiatingParty> readParties(@Nullable YamlNode node, Location parent) {
    List<NegotiatingParty> parties = new ArrayList<>();
    if (node == null) {
      problem(
          parent,
          "missing 'parties'",
          "declare at least two parties, e.g. parties: { UA: { name: Ukraine }, RU: { name: Russia } }");
      return parties;
    }
    YamlMap m = map(node, "parties");
    if (m == null) {
      return parties;
    }
    for (YamlNode.Entry e : m.entries().values()) {
      String name = e.key();
      if (e.value() instanceof YamlMap pm) {
        checkKeys(pm, Set.of("name"), "party " + e.key());
        name = text(pm, "name", false).orElse(e.key());
      } else if (e.value() instanceof YamlScalar s && s.value() instanceof String str) {
        name = str;
      } else if (!(e.value() instanceof YamlScalar s2 && s2.value() == null)) {
        problem(
            e.value().at(),
            "party '" + e.key() + "' must be { name: ... }, found " + e.value().kind(),
            "write: " + e.key() + ": { name: Full Name }");
      }
      parties.add(new NegotiatingParty(e.key(), name, e.keyAt()));
    }
    if (parties.size() < 2) {
      problem(
          m.at(),
          "a negotiation needs at least two parties, found " + parties.size(),
          "add the other parties under 'parties:'");
    }
    return parties;
  }

  private List<NegotiatedIssue> readIssues(@Nullable YamlNode node, Location parent) {
    List<NegotiatedIssue> issues = new ArrayList<>();
    if (node == null) {
      problem(
          parent,
          "missing 'issues'",
          "declare issues, e.g. issues: { nato: { options: [ban, open-door] } }");
      return issues;
    }
    YamlMap m = map(node, "issues");
    if (m == null) {
      return issues;
    }
    Map<String, String> celNames = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      String name = e.key();
      if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
        problem(
            e.keyAt(),
            "issue name '" + name + "' is not usable in red lines",
            "use letters, digits, '-' and '_', starting with a letter");
        continue;
      }
      String cel = name.replace('-', '_');
      if (celNames.containsKey(cel)) {
        problem(
            e.keyAt(),
            "issue '"
                + name
                + "' and '"
                + celNames.get(cel)
                + "' are the same name in red lines ("
                + cel
                + ")",
            "rename one of them");
        continue;
      }
      celNames.put(cel, name);
      if (!(e.value() instanceof YamlMap im)) {
        problem(
            e.value().at(),
            "issue '" + name + "' must be a mapping, found " + e.value().kind(),
            "write { options: [a, b] } or { range: [low, high], step: s }");
        continue;
      }
      checkKeys(im, Set.of("options", "range", "step", "title", "cites"), "issue " + name);
      readCites(im.get("cites"));
      if (im.get("options") != null) {
        if (im.get("range") != null) {
          problem(
              im.get("range").at(),
              "issue '" + name + "' has both options and a range",
              "keep one: options for named choices, range+step for numbers");
        }
        List<String> options = new ArrayList<>();
        if (im.get("options") instanceof YamlList l && !l.items().isEmpty()) {
          for (YamlNode item : l.items()) {
            if (item instanceof YamlScalar s
                && s.value() != null
                && !(s.value() instanceof Boolean)) {
              String o = String.valueOf(s.value());
              if (options.contains(o)) {
                problem(
                    item.at(),
                    "option '" + o + "' appears twice in issue '" + name + "'",
                    "list each option once");
              } else {
                options.add(o);
              }
            } else {
              problem(
                  item.at(),
                  "an option must be a name, found " + item.kind(),
                  "write options as plain names, e.g. [none, assurances]");
            }
          }
          if (!options.isEmpty()) {
            issues.add(new DiscreteIssue(name, options, e.keyAt()));
          }
        } else {
          problem(
              im.get("options").at(),
              "options of '"
                  + name
                  + "' must be a non-empty list, found "
                  + im.get("options").kind(),
              "write options: [first, second]");
        }
      } else if (im.get("range") != null) {
        YamlNode r = im.get("range");
        if (r instanceof YamlList l
            && l.items().size() == 2
            && number(l.items().get(0)).isPresent()
            && number(l.items().get(1)).isPresent()) {
          double lo = number(l.items().get(0)).get();
          double hi = number(l.items().get(1)).get();
          double step = im.get("step") == null ? 1 : number(im.get("step")).orElse(Double.NaN);
          try {
            NumericIssue n = new NumericIssue(name, lo, hi, step, e.keyAt());
            if (n.size() > 1_000_000) {
              problem(
                  r.at(),
                  "range of '" + name + "' has " + n.size() + " steps",
                  "use a coarser step (at most 1,000,000 values per issue)");
            } else {
              issues.add(n);
            }
          } catch (IllegalArgumentException ex) {
            problem(
                im.get("step") == null ? r.at() : im.get("step").at(),
                "issue '" + name + "': " + ex.getMessage(),
                "give range: [low, high] with low <= high and a positive step that divides high - low");
          }
        } else {
          problem(
              r.at(),
              "range of '" + name + "' must be [low, high], found " + describe(r),
              "write range: [400000, 1000000], step: 50000");
        }
      } else {
        problem(
            im.at(),
            "issue '" + name + "' has neither options nor a range",
            "write { options: [a, b] } or { range: [low, high], step: s }");
      }
    }
    if (m.entries().isEmpty()) {
      problem(m.at(), "no issues declared", "declare at least one issue");
    }
    return issues;
  }

  private Map<String, Preference> readPreferences(
      @Nullable YamlNode node,
      Location parent,
      List<NegotiatingParty> parties,
      List<NegotiatedIssue> issues) {
    Map<String, Preference> prefs = new LinkedHashMap<>();
    if (node == null) {
      problem(
          parent,
          "missing 'preferences'",
          "give each party weights, values and a reservation under 'preferences:'");
      return prefs;
    }
    YamlMap m = map(node, "preferences");
    if (m == null) {
      return prefs;
    }
    CelConditions cel = new CelConditions(issues);
    List<String> ids = parties.stream().map(NegotiatingParty::id).toList();
    for (YamlNode.Entry e : m.entries().values()) {
      if (!ids.contains(e.key())) {
        problem(
            e.keyAt(),
            "preferences for undeclared party '" + e.key() + "'",
            "declared parties: " + String.join(", ", ids));
        continue;
      }
      if (!(e.value() instanceof YamlMap pm)) {
        problem(
            e.value().at(),
            "preferences of '" + e.key() + "' must be a mapping, found " + e.value().kind(),
            "give weights, values, reservation, red-lines");
        continue;
      }
      prefs.put(e.key(), readPreference(e.key(), pm, issues, cel));
    }
    for (NegotiatingParty p : parties) {
      if (!m.entries().containsKey(p.id())) {
        problem(
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

  private Preference readPreference(
      String party, YamlMap pm, List<NegotiatedIssue> issues, CelConditions cel) {
    checkKeys(
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
      problem(
          pm.at(),
          "party '" + party + "' has no weights",
          "give weights: { issue: 0.3, other: [0.1, 0.2] }");
    } else if (map(wn, "weights of " + party) != null) {
      YamlMap wm = (YamlMap) wn;
      for (YamlNode.Entry e : wm.entries().values()) {
        if (issue(issues, e.key(), e.keyAt()).isEmpty()) {
          continue;
        }
        interval(e.value(), "weight of " + e.key() + " for " + party, 0, Double.MAX_VALUE)
            .ifPresent(w -> weights.put(e.key(), w));
      }
      if (!weights.isEmpty() && weights.values().stream().mapToDouble(Interval::high).sum() <= 0) {
        problem(
            wn.at(),
            "the weights of '" + party + "' are all zero",
            "give at least one issue a positive weight");
      }
    }
    Map<String, ValueFunction> values = new LinkedHashMap<>();
    YamlNode vn = pm.get("values");
    YamlMap vm = vn == null ? null : map(vn, "values of " + party);
    if (vm != null) {
      for (YamlNode.Entry e : vm.entries().values()) {
        Optional<NegotiatedIssue> issue = issue(issues, e.key(), e.keyAt());
        if (issue.isEmpty()) {
          continue;
        }
        readValue(party, issue.get(), e.value()).ifPresent(v -> values.put(e.key(), v));
        if (!weights.containsKey(e.key()) && wn != null) {
          problem(
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
        problem(
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
        problem(
            rn.at(),
            "red-lines of '" + party + "' must be a list, found " + rn.kind(),
            "write red-lines: [ \"nato != 'open-door'\" ]");
      }
    }
    List<String> cited = readCites(pm.get("cites"));
    String basis = text(pm, "basis", false).orElse("");
    boolean asWritten = false;
    if (pm.get("weights-as-written") != null) {
      if (pm.get("weights-as-written") instanceof YamlScalar s && s.value() instanceof Boolean b) {
        asWritten = b;
      } else {
        problem(
            pm.get("weights-as-written").at(),
            "weights-as-written of '" + party + "' must be true or false",
            "weights-as-written: true (GENIUS's semantics: no renormalisation, utility capped at 1)");
      }
    }
    return new Preference(party, weights, values, reservation, redLines, cited, basis, !asWritten);
  }

  private Optional<ValueFunction> readValue(String party, NegotiatedIssue issue, YamlNode node) {
    String what = "values of " + issue.name() + " for " + party;
    if (!(node instanceof YamlMap m)) {
      problem(
          node.at(),
          what + " must be a mapping, found " + node.kind(),
          "write { option: value } or { linear: [[x, value], ...] }");
      return Optional.empty();
    }
    if (m.get("linear") != null) {
      if (!(issue instanceof NumericIssue)) {
        problem(
            m.get("linear").at(),
            what + ": 'linear' needs a numeric issue, '" + issue.name() + "' has named options",
            "give a value per option instead");
        return Optional.empty();
      }
      checkKeys(m, Set.of("linear"), what);
      List<ValueFunction.Knot> knots = new ArrayList<>();
      if (m.get("linear") instanceof YamlList l && !l.items().isEmpty()) {
        for (YamlNode k : l.items()) {
          if (k instanceof YamlList kl
              && kl.items().size() == 2
              && number(kl.items().get(0)).isPresent()) {
            Optional<Interval> v = interval(kl.items().get(1), what, 0, 1);
            v.ifPresent(
                val -> knots.add(new ValueFunction.Knot(number(kl.items().get(0)).get(), val)));
          } else {
            problem(
                k.at(),
                what + ": each point must be [x, value], found " + describe(k),
                "write linear: [[400000, 0], [800000, 1]]");
          }
        }
      } else {
        problem(
            m.get("linear").at(),
            what + ": 'linear' must be a list of [x, value] points",
            "write linear: [[400000, 0], [800000, 1]]");
      }
      try {
        return knots.isEmpty()
            ? Optional.empty()
            : Optional.of(new ValueFunction.PiecewiseLinear(knots));
      } catch (IllegalArgumentException e) {
        problem(
            m.get("linear").at(), what + ": " + e.getMessage(), "list the points in increasing x");
        return Optional.empty();
      }
    }
    Map<String, Interval> values = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      if (issue.indexOf(e.key()).isEmpty()) {
        problem(
            e.keyAt(),
            what + ": '" + e.key() + "' is not an option of '" + issue.name() + "'",
            "options: " + labels(issue));
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
      problem(
          m.at(),
          what + " leaves out " + String.join(", ", missing),
          "give every option a value between 0 and 1"
              + (issue instanceof NumericIssue ? ", or use { linear: [[x, value], ...] }" : ""));
      return Optional.empty();
    }
    return Optional.of(new ValueFunction.OptionValues(values));
  }

  private Optional<RedLine> readRedLine(String party, YamlNode item, CelConditions cel) {
    String condition;
    String text = "";
    List<String> cited = List.of();
    Location at;
    if (item instanceof YamlScalar s && s.value() instanceof String str) {
      condition = str;
      at = item.at();
    } else if (item instanceof YamlMap m) {
      checkKeys(m, Set.of("condition", "text", "cites"), "a red line of " + party);
      YamlNode c = m.get("condition");
      if (!(c instanceof YamlScalar cs && cs.value() instanceof String str)) {
        problem(
            m.at(),
            "red line of '" + party + "' has no condition",
            "write condition: \"nato != 'open-door'\"");
        return Optional.empty();
      }
      condition = str;
      at = c.at();
      text = text(m, "text", false).orElse("");
      cited = readCites(m.get("cites"));
    } else {
      problem(
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
        problem(
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

  private List<Draft> readDrafts(@Nullable YamlNode node, List<NegotiatedIssue> issues) {
    List<Draft> drafts = new ArrayList<>();
    if (node == null) {
      return drafts;
    }
    YamlMap m = map(node, "drafts");
    if (m == null) {
      return drafts;
    }
    for (YamlNode.Entry e : m.entries().values()) {
      if (!(e.value() instanceof YamlMap dm)) {
        problem(
            e.value().at(),
            "draft '" + e.key() + "' must be a mapping, found " + e.value().kind(),
            "write { issue: option, ... } or { title, cites, package: {...} }");
        continue;
      }
      String title = "";
      List<String> cited = List.of();
      YamlMap pkg = dm;
      if (dm.get("package") != null) {
        checkKeys(dm, Set.of("title", "cites", "package"), "draft " + e.key());
        title = text(dm, "title", false).orElse("");
        cited = readCites(dm.get("cites"));
        pkg = map(dm.get("package"), "package of draft " + e.key());
        if (pkg == null) {
          continue;
        }
      }
      List<Integer> choices = new ArrayList<>();
      boolean ok = true;
      for (YamlNode.Entry c : pkg.entries().values()) {
        if (issue(issues, c.key(), c.keyAt()).isEmpty()) {
          ok = false;
        }
      }
      for (NegotiatedIssue issue : issues) {
        YamlNode v = pkg.get(issue.name());
        if (v == null) {
          problem(
              pkg.at(),
              "draft '" + e.key() + "' does not choose an option for '" + issue.name() + "'",
              "options: " + labels(issue));
          ok = false;
        } else if (v instanceof YamlScalar s
            && s.value() != null
            && issue.indexOf(s.value()).isPresent()) {
          choices.add(issue.indexOf(s.value()).get());
        } else {
          problem(
              v.at(),
              "draft '"
                  + e.key()
                  + "': "
                  + describe(v)
                  + " is not an option of '"
                  + issue.name()
                  + "'",
              "options: " + labels(issue));
          ok = false;
        }
      }
      if (ok) {
        drafts.add(new Draft(e.key(), title, choices, cited, e.keyAt()));
      }
    }
    return drafts;
  }

  // ---- helpers

  private List<String> readCites(@Nullable YamlNode node) {
    List<String> ids = new ArrayList<>();
    if (node == null) {
      return ids;
    }
    List<YamlNode> items = node instanceof YamlList l ? l.items() : List.of(node);
    for (YamlNode item : items) {
      if (item instanceof YamlScalar s && s.value() instanceof String id) {
        ids.add(id);
        cites.add(new Cite(id, item.at()));
      } else {
        problem(
            item.at(),
            "a citation must be a source id, found " + item.kind(),
            "write cites: [source-id]");
      }
    }
    return ids;
  }

  private Optional<NegotiatedIssue> issue(List<NegotiatedIssue> issues, String name, Location at) {
    Optional<NegotiatedIssue> found =
        issues.stream().filter(i -> i.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      problem(
          at,
          "unknown issue '" + name + "'",
          "declared issues: "
              + String.join(", ", issues.stream().map(NegotiatedIssue::name).toList()));
    }
    return found;
  }

  private static String labels(NegotiatedIssue issue) {
    if (issue instanceof NumericIssue n) {
      return "numbers from "
          + n.label(0)
          + " to "
          + n.label(n.size() - 1)
          + " in steps of "
          + new NumericIssue("x", 0, n.step(), n.step(), n.at()).label(1);
    }
    List<String> l = new ArrayList<>();
    for (int k = 0; k < issue.size(); k++) {
      l.add(issue.label(k));
    }
    return String.join(", ", l);
  }

  private Optional<Interval> interval(YamlNode node, String what, double min, double max) {
    Optional<Double> single = number(node);
    double lo;
    double hi;
    if (single.isPresent()) {
      lo = single.get();
      hi = lo;
    } else if (node instanceof YamlList l
        && l.items().size() == 2
        && number(l.items().get(0)).isPresent()
        && number(l.items().get(1)).isPresent()) {
      lo = number(l.items().get(0)).get();
      hi = number(l.items().get(1)).get();
      if (lo > hi) {
        problem(
            node.at(),
            what + ": range [" + lo + ", " + hi + "] runs backwards",
            "write [low, high]");
        return Optional.empty();
      }
    } else {
      problem(
          node.at(),
          what + " must be a number or a range [low, high], found " + describe(node),
          "e.g. 0.3 or [0.25, 0.35]");
      return Optional.empty();
    }
    if (lo < min || hi > max) {
      problem(
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

  private static Optional<Double> number(YamlNode node) {
    if (node instanceof YamlScalar s && s.value() instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    return Optional.empty();
  }

  private @Nullable YamlMap map(YamlNode node, String what) {
    if (node instanceof YamlMap m) {
      return m;
    }
    problem(
        node.at(),
        what + " must be a mapping, found " + node.kind(),
        "write key: value pairs, one per line or in { }");
    return null;
  }

  private Optional<String> text(YamlMap m, String key, boolean required) {
    YamlNode n = m.get(key);
    if (n == null) {
      if (required) {
        problem(m.at(), "missing '" + key + "'", "add " + key + ": ...");
      }
      return Optional.empty();
    }
    if (n instanceof YamlScalar s && s.value() != null && !(s.value() instanceof Boolean)) {
      return Optional.of(String.valueOf(s.value()));
    }
    problem(
        n.at(), "'" + key + "' must be text, found " + n.kind(), "write " + key + ": some text");
    return Optional.empty();
  }

  private void checkKeys(YamlMap m, Set<String> allowed, String where) {
    for (YamlNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problem(
            e.keyAt(),
            "unknown key '" + e.key() + "' in " + where,
            "valid keys: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String describe(YamlNode n) {
    return switch (n) {
      case YamlScalar s -> s.value() == null ? "an empty value" : "'" + s.value() + "'";
      default -> n.kind();
    };
  }

  private void problem(Location at, String message, String hint) {
    problems.add(new Problem(at, message, hint));
  }
}
