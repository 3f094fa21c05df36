package org.umbrella.negotiation.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.CitedSource;
import org.umbrella.negotiation.DiscreteIssue;
import org.umbrella.negotiation.Draft;
import org.umbrella.negotiation.InvalidNegotiationException;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.Problem;
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
        new PreferenceReader(this)
            .readPreferences(top.get("preferences"), top.at(), parties, issues);
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

  List<String> readCites(@Nullable YamlNode node) {
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

  Optional<NegotiatedIssue> issue(List<NegotiatedIssue> issues, String name, Location at) {
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

  static String labels(NegotiatedIssue issue) {
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

  static Optional<Double> number(YamlNode node) {
    if (node instanceof YamlScalar s && s.value() instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    return Optional.empty();
  }

  @Nullable YamlMap map(YamlNode node, String what) {
    if (node instanceof YamlMap m) {
      return m;
    }
    problem(
        node.at(),
        what + " must be a mapping, found " + node.kind(),
        "write key: value pairs, one per line or in { }");
    return null;
  }

  Optional<String> text(YamlMap m, String key, boolean required) {
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

  void checkKeys(YamlMap m, Set<String> allowed, String where) {
    for (YamlNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problem(
            e.keyAt(),
            "unknown key '" + e.key() + "' in " + where,
            "valid keys: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  static String describe(YamlNode n) {
    return switch (n) {
      case YamlScalar s -> s.value() == null ? "an empty value" : "'" + s.value() + "'";
      default -> n.kind();
    };
  }

  void problem(Location at, String message, String hint) {
    problems.add(new Problem(at, message, hint));
  }
}
