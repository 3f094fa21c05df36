package org.umbrella.negotiation.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.umbrella.negotiation.DiscreteIssue;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Problem;

/**
 * Every rule of the negotiation format (docs/negotiation.md) that the loader enforces, one row
 * each: the rule, one edit of a valid file, the problem the author should read (its message, where
 * it points, its hint) and how many problems the edit causes in all. The rows that the format
 * accepts say what the loaded model then holds. Read with the file open: line 10 of {@link #VALID}
 * is party A's weights.
 */
class NegotiationMistakesTableTest {
  static final String VALID = NegotiationLoaderTest.VALID;

  static final String B_PREFS =
      """
        B:
          weights: { nato: 1 }
          values: { nato: { ban: 1, open-door: 0 } }
          red-lines:
            - { condition: "nato != 'open-door'", text: no NATO, cites: [s1] }
      """;

  static final String ISSUES =
      """
      issues:
        nato: { options: [ban, open-door] }
        army-cap: { range: [400000, 800000], step: 200000 }
      """;

  /** One refused edit: the first problem matching {@code message}, and the total. */
  record Refused(
      String rule, String from, String to, String message, String at, String hint, int count) {
    /** The same row where the edit causes {@code n} problems in all. */
    Refused counted(int n) {
      return new Refused(rule, from, to, message, at, hint, n);
    }
  }

  /** One accepted edit and what the model holds after it. */
  record Accepted(String rule, String from, String to, Predicate<NegotiationModel> holds) {}

  static Refused one(String rule, String from, String to, String message, String at, String hint) {
    return new Refused(rule, from, to, message, at, hint, 1);
  }

  static final String EXTRA_ISSUE_AFTER = "  army-cap: { range: [400000, 800000], step: 200000 }\n";

  /**
   * Adds an issue after the last one. Where the loader still reads the new issue, the draft, which
   * does not choose an option for it, is a second problem.
   */
  static String addIssue(String line) {
    return EXTRA_ISSUE_AFTER + "  " + line + "\n";
  }

  static final List<Refused> REFUSED =
      List.of(
          // ---- the top level
          new Refused(
              "the file is a mapping",
              VALID,
              "- a\n- b\n",
              "the file must be a mapping, found a list",
              "1:1",
              "start with 'umbrella: 1'",
              1),
          one(
              "the format version is named",
              "umbrella: 1\n",
              "",
              "missing 'umbrella: 1'",
              "1:1",
              "umbrella: 1"),
          one(
              "only version 1 is read",
              "umbrella: 1",
              "umbrella: 2",
              "unsupported format version '2'",
              "1:11",
              "this Umbrella reads 'umbrella: 1'"),
          one(
              "unknown top-level keys are refused",
              "id: t\n",
              "id: t\ncolour: red\n",
              "unknown key 'colour' in the top level",
              "3:1",
              "valid keys: drafts, id, issues, parties, preferences, sources, title, umbrella"),
          one("an id is required", "id: t\n", "", "missing 'id'", "1:1", "add id: ..."),
          one(
              "an id is text",
              "id: t",
              "id: [t]",
              "'id' must be text, found a list",
              "2:5",
              "write id: some text"),
          one(
              "a title is text, not a yes/no",
              "id: t\n",
              "id: t\ntitle: yes\n",
              "'title' must be text",
              "3:8",
              "write title: some text"),
          // ---- sources and citations
          one(
                  "a source is a url or {url, title}",
                  "s1: { url: https://example.org/a }",
                  "s1: [a]",
                  "source 's1' must be a url or {url, title}, found a list",
                  "3:16",
                  "write: s1: {")
              .counted(2),
          one(
              "a source has only url and title",
              "s1: { url: https://example.org/a }",
              "s1: { url: https://example.org/a, year: 2025 }",
              "unknown key 'year' in source s1",
              "3:46",
              "valid keys: title, url"),
          new Refused(
              "a source needs a url or a title",
              "s1: { url: https://example.org/a }",
              "s1: { }",
              "missing 'url'",
              "3:16",
              "add url: ...",
              2),
          new Refused(
              "sources are a mapping",
              "sources: { s1: { url: https://example.org/a } }",
              "sources: [s1]",
              "sources must be a mapping, found a list",
              "3:10",
              "write key: value pairs",
              2),
          one(
              "citations name declared sources",
              "cites: [s1]",
              "cites: [s2]",
              "cites unknown source 's2'",
              "20:68",
              "declared sources: s1"),
          new Refused(
              "a citation without any declared source says how to declare one",
              "sources: { s1: { url: https://example.org/a } }\n",
              "",
              "cites unknown source 's1'",
              "19:68",
              "declare it under 'sources:' with a url",
              1),
          one(
              "a citation is a source id",
              "cites: [s1]",
              "cites: [[s1]]",
              "a citation must be a source id, found a list",
              "20:68",
              "write cites: [source-id]"),
          // ---- parties
          new Refused(
              "parties are required",
              "parties: { A: { name: Alpha }, B: { name: Beta } }\n",
              "",
              "missing 'parties'",
              "1:1",
              "declare at least two parties",
              3),
          one(
              "a party is { name }",
              "B: { name: Beta }",
              "B: [Beta]",
              "party 'B' must be { name: ... }, found a list",
              "4:35",
              "write: B: { name: Full Name }"),
          one(
              "a party has only a name",
              "B: { name: Beta }",
              "B: { name: Beta, flag: blue }",
              "unknown key 'flag' in party B",
              "4:49",
              "valid keys: name"),
          new Refused(
              "a negotiation has two parties or more",
              "parties: { A: { name: Alpha }, B: { name: Beta } }",
              "parties: { A: { name: Alpha } }",
              "a negotiation needs at least two parties, found 1",
              "4:10",
              "add the other parties",
              2),
          // ---- issues
          new Refused(
              "issues are required", ISSUES, "", "missing 'issues'", "1:1", "declare issues", 11),
          new Refused(
              "at least one issue",
              ISSUES,
              "issues: {}\n",
              "no issues declared",
              "5:9",
              "declare at least one issue",
              11),
          one(
              "an issue name is usable in a red line",
              EXTRA_ISSUE_AFTER,
              addIssue("9lives: { options: [a, b] }"),
              "issue name '9lives' is not usable in red lines",
              "8:3",
              "use letters, digits, '-' and '_', starting with a letter"),
          one(
              "'-' and '_' are one name in red lines",
              EXTRA_ISSUE_AFTER,
              addIssue("army_cap: { options: [a, b] }"),
              "issue 'army_cap' and 'army-cap' are the same name in red lines (army_cap)",
              "8:3",
              "rename one of them"),
          one(
              "an issue is a mapping",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: [a, b]"),
              "issue 'extra' must be a mapping, found a list",
              "8:10",
              "write { options: [a, b] }"),
          one(
                  "an issue has only its keys",
                  EXTRA_ISSUE_AFTER,
                  addIssue("extra: { options: [a], kind: named }"),
                  "unknown key 'kind' in issue extra",
                  "8:26",
                  "valid keys: cites, options, range, step, title")
              .counted(2),
          one(
                  "options or a range, not both",
                  EXTRA_ISSUE_AFTER,
                  addIssue("extra: { options: [a], range: [0, 1] }"),
                  "issue 'extra' has both options and a range",
                  "8:33",
                  "keep one")
              .counted(2),
          one(
                  "an option is listed once",
                  EXTRA_ISSUE_AFTER,
                  addIssue("extra: { options: [a, a] }"),
                  "option 'a' appears twice in issue 'extra'",
                  "8:25",
                  "list each option once")
              .counted(2),
          one(
                  "an option is a name",
                  EXTRA_ISSUE_AFTER,
                  addIssue("extra: { options: [a, [b]] }"),
                  "an option must be a name, found a list",
                  "8:25",
                  "write options as plain names")
              .counted(2),
          one(
                  "an option is not a yes/no",
                  EXTRA_ISSUE_AFTER,
                  addIssue("extra: { options: [a, true] }"),
                  "an option must be a name, found",
                  "8:25",
                  "write options as plain names")
              .counted(2),
          one(
              "options are a non-empty list",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { options: [] }"),
              "options of 'extra' must be a non-empty list, found a list",
              "8:21",
              "write options: [first, second]"),
          one(
              "a range is [low, high]",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { range: [1] }"),
              "range of 'extra' must be [low, high], found a list",
              "8:19",
              "write range: [400000, 1000000]"),
          one(
              "a range does not run backwards",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { range: [5, 1] }"),
              "issue 'extra': ",
              "8:19",
              "low <= high"),
          one(
              "a step is a positive number",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { range: [0, 10], step: x }"),
              "issue 'extra': ",
              "8:34",
              "a positive step"),
          one(
              "a step divides the range",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { range: [0, 10], step: 3 }"),
              "issue 'extra': ",
              "8:34",
              "divides high - low"),
          one(
              "a range has at most a million steps",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { range: [0, 2000000] }"),
              "range of 'extra' has 2000001 steps",
              "8:19",
              "at most 1,000,000 values per issue"),
          one(
              "an issue has options or a range",
              EXTRA_ISSUE_AFTER,
              addIssue("extra: { title: x }"),
              "issue 'extra' has neither options nor a range",
              "8:10",
              "write { options: [a, b] }"),
          // ---- drafts
          one(
              "a draft is a mapping",
              "d1: { nato: ban, army-cap: 600000 }",
              "d1: [ban]",
              "draft 'd1' must be a mapping, found a list",
              "22:7",
              "write { issue: option, ... }"),
          one(
              "a draft names declared issues",
              "army-cap: 600000 }",
              "army-cap: 600000, navy: x }",
              "unknown issue 'navy'",
              "22:38",
              "declared issues: nato, army-cap"),
          one(
              "a draft chooses on every issue",
              "d1: { nato: ban, army-cap: 600000 }",
              "d1: { nato: ban }",
              "draft 'd1' does not choose an option for 'army-cap'",
              "22:7",
              "options: numbers from 400000 to 800000 in steps of 200000"),
          one(
              "a draft chooses an option of the issue",
              "army-cap: 600000 }",
              "army-cap: 500000 }",
              "draft 'd1': '500000' is not an option of 'army-cap'",
              "22:30",
              "options: numbers from 400000 to 800000"),
          one(
              "a draft's package is a mapping",
              "d1: { nato: ban, army-cap: 600000 }",
              "d1: { title: T, package: [ban] }",
              "package of draft d1 must be a mapping",
              "22:28",
              "write key: value pairs"),
          one(
              "a draft with a package has only title, cites and package",
              "d1: { nato: ban, army-cap: 600000 }",
              "d1: { title: T, by: x, package: { nato: ban, army-cap: 600000 } }",
              "unknown key 'by' in draft d1",
              "22:19",
              "valid keys: cites, package, title"),
          // ---- preferences
          new Refused(
              "preferences are required",
              "preferences:",
              "wishes:",
              "missing 'preferences'",
              "1:1",
              "give each party weights",
              2),
          one(
              "preferences are for declared parties",
              "  B:\n    weights",
              "  C: { weights: { nato: 1 } }\n  B:\n    weights",
              "preferences for undeclared party 'C'",
              "16:3",
              "declared parties: A, B"),
          one(
              "a party's preferences are a mapping",
              B_PREFS,
              "  B: [x]\n",
              "preferences of 'B' must be a mapping, found a list",
              "16:6",
              "give weights, values"),
          one(
              "every party has preferences",
              B_PREFS,
              "",
              "no preferences for party 'B'",
              "9:3",
              "add preferences: { B:"),
          one(
              "preferences have only their keys",
              "reservation: 0.2",
              "reservation: 0.2\n    colour: red",
              "unknown key 'colour' in preferences of A",
              "15:5",
              "valid keys: basis, cites, red-lines, reservation, values, weights, weights-as-written"),
          one(
              "a party has weights",
              "    weights: { nato: 1 }\n",
              "",
              "party 'B' has no weights",
              "17:5",
              "give weights:"),
          new Refused(
              "weights are a mapping",
              "weights: { nato: 1 }",
              "weights: [1]",
              "weights of B must be a mapping, found a list",
              "17:14",
              "write key: value pairs",
              2),
          one(
              "weights are for declared issues",
              "weights: { nato: 1 }",
              "weights: { nato: 1, navy: 1 }",
              "unknown issue 'navy'",
              "17:25",
              "declared issues: nato, army-cap"),
          one(
              "not every weight is zero",
              "weights: { nato: 1 }",
              "weights: { nato: 0 }",
              "the weights of 'B' are all zero",
              "17:14",
              "give at least one issue a positive weight"),
          new Refused(
              "a weight is not negative",
              "weights: { nato: 1 }",
              "weights: { nato: -1 }",
              "weight of nato for B is -1.0, outside >= 0.0",
              "17:22",
              "weights are non-negative",
              2),
          one(
                  "a weight range does not run backwards",
                  "nato: [0.4, 0.6]",
                  "nato: [0.6, 0.4]",
                  "weight of nato for A: range [0.6, 0.4] runs backwards",
                  "10:22",
                  "write [low, high]")
              .counted(2),
          one(
                  "a weight is a number or a range",
                  "nato: [0.4, 0.6]",
                  "nato: heavy",
                  "weight of nato for A must be a number or a range [low, high], found 'heavy'",
                  "10:22",
                  "e.g. 0.3 or [0.25, 0.35]")
              .counted(2),
          one(
              "a valued issue has a weight",
              "values: { nato: { ban: 1, open-door: 0 } }",
              "values: { nato: { ban: 1, open-door: 0 }, army-cap: { linear: [[400000, 0]] } }",
              "'B' values issue 'army-cap' but gives it no weight",
              "18:47",
              "add a weight for it (0 if it does not matter)"),
          one(
              "a weighted issue has values",
              "weights: { nato: 1 }",
              "weights: { nato: 1, army-cap: 1 }",
              "'B' weighs issue 'army-cap' but gives no values for it",
              "18:13",
              "add values: { army-cap:"),
          new Refused(
              "values are a mapping",
              "values: { nato: { ban: 1, open-door: 0 } }",
              "values: [1]",
              "values of B must be a mapping, found a list",
              "18:13",
              "write key: value pairs",
              2),
          one(
              "values are for declared issues",
              "values: { nato: { ban: 1, open-door: 0 } }",
              "values: { nato: { ban: 1, open-door: 0 }, navy: { a: 1 } }",
              "unknown issue 'navy'",
              "18:47",
              "declared issues: nato, army-cap"),
          one(
              "an issue's values are a mapping",
              "nato: { ban: 1, open-door: 0 }",
              "nato: 1",
              "values of nato for B must be a mapping, found",
              "18:21",
              "write { option: value } or { linear: [[x, value], ...] }"),
          one(
              "'linear' is for numeric issues",
              "nato: { ban: 1, open-door: 0 }",
              "nato: { linear: [[0, 1]] }",
              "values of nato for B: 'linear' needs a numeric issue, 'nato' has named options",
              "18:31",
              "give a value per option instead"),
          one(
              "'linear' stands alone",
              "army-cap: { linear: [[400000, 0], [800000, 1]] }",
              "army-cap: { linear: [[400000, 0], [800000, 1]], 400000: 1 }",
              "unknown key '400000' in values of army-cap for A",
              "13:55",
              "valid keys: linear"),
          one(
              "a linear point is [x, value]",
              "[[400000, 0], [800000, 1]]",
              "[[400000, 0], [800000]]",
              "values of army-cap for A: each point must be [x, value], found a list",
              "13:41",
              "write linear: [[400000, 0], [800000, 1]]"),
          one(
              "'linear' is a list of points",
              "linear: [[400000, 0], [800000, 1]]",
              "linear: 3",
              "values of army-cap for A: 'linear' must be a list of [x, value] points",
              "13:27",
              "write linear: [[400000, 0], [800000, 1]]"),
          one(
              "linear points rise in x",
              "[[400000, 0], [800000, 1]]",
              "[[800000, 1], [400000, 0]]",
              "values of army-cap for A: ",
              "13:27",
              "list the points in increasing x"),
          one(
              "a linear value is between 0 and 1",
              "[[400000, 0], [800000, 1]]",
              "[[400000, 0], [800000, 2]]",
              "values of army-cap for A is 2.0, outside 0.0..1.0",
              "13:50",
              "values and reservations are between 0 and 1"),
          one(
              "values are for the issue's options",
              "nato: { ban: 0, open-door: 1 }",
              "nato: { ban: 0, open-door: 1, closed: 1 }",
              "values of nato for A: 'closed' is not an option of 'nato'",
              "12:37",
              "options: ban, open-door"),
          one(
              "every option of a numeric issue is valued, or 'linear' is used",
              "army-cap: { linear: [[400000, 0], [800000, 1]] }",
              "army-cap: { 400000: 0 }",
              "values of army-cap for A leaves out 600000, 800000",
              "13:17",
              "or use { linear: [[x, value], ...] }"),
          one(
              "a reservation is between 0 and 1",
              "reservation: 0.2",
              "reservation: 1.5",
              "reservation of A is 1.5, outside 0.0..1.0",
              "14:18",
              "between 0 and 1"),
          one(
              "a reservation range does not run backwards",
              "reservation: 0.2",
              "reservation: [0.3, 0.2]",
              "reservation of A: range [0.3, 0.2] runs backwards",
              "14:18",
              "write [low, high]"),
          one(
              "red lines are a list",
              "red-lines: [ \"army_cap >= 600000\" ]",
              "red-lines: \"army_cap >= 600000\"",
              "red-lines of 'A' must be a list, found",
              "15:16",
              "write red-lines: ["),
          one(
              "a red line is a condition or { condition, text, cites }",
              "red-lines: [ \"army_cap >= 600000\" ]",
              "red-lines: [ [army_cap] ]",
              "a red line must be a CEL condition or { condition, text, cites }, found a list",
              "15:18",
              "write \"nato != 'open-door'\""),
          one(
              "a red line written out has a condition",
              "{ condition: \"nato != 'open-door'\", text: no NATO, cites: [s1] }",
              "{ text: no NATO, cites: [s1] }",
              "red line of 'B' has no condition",
              "20:9",
              "write condition:"),
          one(
              "a red line written out has only its keys",
              "text: no NATO, cites: [s1] }",
              "text: no NATO, cites: [s1], by: x }",
              "unknown key 'by' in a red line of B",
              "20:73",
              "valid keys: cites, condition, text"),
          one(
              "weights-as-written is true or false",
              "reservation: 0.2",
              "reservation: 0.2\n    weights-as-written: maybe",
              "weights-as-written of 'A' must be true or false",
              "15:25",
              "weights-as-written: true"));

  static final List<Accepted> ACCEPTED =
      List.of(
          new Accepted(
              "a source may be a bare url",
              "s1: { url: https://example.org/a }",
              "s1: https://example.org/a",
              m -> m.sources().get("s1").url().equals("https://example.org/a")),
          new Accepted(
              "a source may be known by its title alone",
              "s1: { url: https://example.org/a }",
              "s1: { title: Case notes }",
              m ->
                  m.sources().get("s1").title().equals("Case notes")
                      && m.sources().get("s1").url().isEmpty()),
          new Accepted(
              "a party may be named by plain text",
              "B: { name: Beta }",
              "B: Beta",
              m -> m.parties().get(1).name().equals("Beta")),
          new Accepted(
              "a party may be left unnamed, then its id names it",
              "B: { name: Beta }",
              "B:",
              m -> m.parties().get(1).name().equals("B")),
          new Accepted(
              "one citation may be written without brackets",
              "cites: [s1]",
              "cites: s1",
              m -> m.preferences().get("B").redLines().getFirst().cites().equals(List.of("s1"))),
          new Accepted(
              "a draft may carry a title and citations around its package",
              "d1: { nato: ban, army-cap: 600000 }",
              "d1: { title: Draft one, cites: [s1], package: { nato: ban, army-cap: 600000 } }",
              m ->
                  m.drafts().getFirst().title().equals("Draft one")
                      && m.drafts().getFirst().cites().equals(List.of("s1"))
                      && m.drafts().getFirst().choices().equals(List.of(0, 1))),
          new Accepted(
              "a range without a step steps by 1",
              VALID,
              VALID
                  .replace(EXTRA_ISSUE_AFTER, addIssue("extra: { range: [0, 3] }"))
                  .replace("army-cap: 600000 }", "army-cap: 600000, extra: 3 }"),
              m -> m.issues().get(2) instanceof NumericIssue n && n.size() == 4),
          new Accepted(
              "options keep their order",
              VALID,
              VALID
                  .replace(EXTRA_ISSUE_AFTER, addIssue("extra: { options: [c, a, b] }"))
                  .replace("army-cap: 600000 }", "army-cap: 600000, extra: b }"),
              m ->
                  m.issues().get(2) instanceof DiscreteIssue d
                      && d.options().equals(List.of("c", "a", "b"))),
          new Accepted(
              "weights-as-written: true keeps the weights as written",
              "reservation: 0.2",
              "reservation: 0.2\n    weights-as-written: true",
              m ->
                  !m.preferences().get("A").normaliseWeights()
                      && m.preferences().get("B").normaliseWeights()),
          new Accepted(
              "weights-as-written: false is the default",
              "reservation: 0.2",
              "reservation: 0.2\n    weights-as-written: false",
              m -> m.preferences().get("A").normaliseWeights()),
          new Accepted(
              "without a reservation a party accepts anything above 0",
              "    reservation: 0.2\n",
              "",
              m -> m.preferences().get("A").reservation().high() == 0),
          new Accepted(
              "a reservation may be a range",
              "reservation: 0.2",
              "reservation: [0.1, 0.3]",
              m ->
                  m.preferences().get("A").reservation().low() == 0.1
                      && m.preferences().get("A").reservation().high() == 0.3),
          new Accepted(
              "a zero weight on an issue without values is allowed",
              "weights: { nato: 1 }",
              "weights: { nato: 1, army-cap: 0 }",
              m -> m.preferences().get("B").weights().get("army-cap").high() == 0),
          new Accepted(
              "a basis is kept",
              "reservation: 0.2",
              "reservation: 0.2\n    basis: the party's stated position",
              m -> m.preferences().get("A").assumption().equals("the party's stated position")),
          new Accepted(
              "parties and preferences keep the parties' order",
              "parties: { A: { name: Alpha }, B: { name: Beta } }",
              "parties: { B: { name: Beta }, A: { name: Alpha } }",
              m ->
                  m.partyIds().equals(List.of("B", "A"))
                      && List.copyOf(m.preferences().keySet()).equals(List.of("B", "A"))));

  @TestFactory
  List<DynamicTest> eachMistake_isReportedAsTheTableSays() {
    return REFUSED.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.rule(),
                    () -> {
                      assertThat(VALID).contains(row.from());
                      NegotiationLoadResult r =
                          NegotiationLoader.read(
                              VALID.replace(row.from(), row.to()), "t.negotiation.yaml");
                      assertThat(r.model()).isEmpty();
                      String all = r.toDisplayString();
                      Problem p =
                          r.problems().stream()
                              .filter(x -> x.message().contains(row.message()))
                              .findFirst()
                              .orElseThrow(() -> new AssertionError("no such problem in\n" + all));
                      System.out.println(
                          "ROW "
                              + row.rule()
                              + " => "
                              + p.where().line()
                              + ":"
                              + p.where().column()
                              + " | "
                              + p.message()
                              + " | "
                              + p.hint()
                              + " | n="
                              + r.problems().size());
                      assertThat(p.where().line() + ":" + p.where().column())
                          .as(all)
                          .isEqualTo(row.at());
                      assertThat(p.hint()).as(all).contains(row.hint());
                      assertThat(r.problems()).as(all).hasSize(row.count());
                    }))
        .toList();
  }

  @TestFactory
  List<DynamicTest> eachAcceptedForm_loadsAsTheTableSays() {
    return ACCEPTED.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.rule(),
                    () -> {
                      assertThat(VALID).contains(row.from());
                      NegotiationLoadResult r =
                          NegotiationLoader.read(
                              VALID.replace(row.from(), row.to()), "t.negotiation.yaml");
                      assertThat(r.problems()).as(r.toDisplayString()).isEmpty();
                      assertThat(r.orElseThrow()).matches(row.holds(), row.rule());
                    }))
        .toList();
  }
}
