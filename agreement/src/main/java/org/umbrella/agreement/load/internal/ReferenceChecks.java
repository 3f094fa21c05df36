package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.umbrella.diagnostics.Suggestions;

/**
 * The checks after every section is read: each reference names something declared (with "did you
 * mean", and ISO codes for common party names), and aggregates and deadlines form no cycle.
 */
final class ReferenceChecks extends SectionParser {

  /** Common names for parties whose ISO 3166 code differs, so "did you mean" can offer the code. */
  private static final Map<String, String> PARTY_ALIASES =
      Map.of(
          "UK", "GB", "USA", "US", "UKR", "UA", "RUS", "RU", "EL", "GR", "FRA", "FR", "GER", "DE",
          "POL", "PL");

  ReferenceChecks(State state) {
    super(state);
  }

  void checkReferences() {
    for (Ref r : refs) {
      Set<String> ids = declared(r.kind());
      String id = r.node().getValue();
      if (!ids.contains(id)) {
        List<String> valid = new ArrayList<>(ids);
        String expected =
            valid.isEmpty()
                ? "no " + r.kind().many + " are declared; add one under '" + r.kind().many + ":'"
                : r.kind().many + " are " + Nodes.listing(valid);
        List<String> suggestions = Suggestions.closest(id, valid);
        String alias =
            r.kind() == Kind.PARTY ? PARTY_ALIASES.get(id.toUpperCase(Locale.ROOT)) : null;
        if (alias != null && ids.contains(alias)) {
          suggestions = List.of(alias);
        }
        problems.at(
            r.node(),
            "unknown-reference",
            "unknown " + r.kind().one + " '" + Nodes.abbreviate(id) + "' in " + r.context(),
            id,
            expected,
            suggestions);
      }
    }
  }

  void checkAggregateCycles() {
    cycles(
        aggregateEdges,
        "aggregate findings form a cycle: ",
        "an aggregate over a match finding, or over an aggregate that does not lead back");
  }

  void checkDueCycles() {
    cycles(
        dueEdges,
        "provision deadlines form a cycle: ",
        "a chain of deadlines that starts from a provision without 'due'");
  }

  /**
   * Reports each cycle of a functional graph (one edge per node) once, at its first edge in file
   * order.
   */
  private void cycles(Map<String, Ref> edges, String message, String expected) {
    Set<String> reported = new HashSet<>();
    for (String start : edges.keySet()) {
      List<String> path = new ArrayList<>();
      String current = start;
      while (current != null && edges.containsKey(current) && !path.contains(current)) {
        path.add(current);
        current = edges.get(current).node().getValue();
      }
      if (current == null || !path.contains(current) || !current.equals(start)) {
        continue;
      }
      if (reported.contains(start)) {
        continue;
      }
      reported.addAll(path);
      List<String> cycle = new ArrayList<>(path);
      cycle.add(start);
      Ref edge = edges.get(start);
      problems.at(
          edge.node(),
          "cycle",
          message + String.join(" -> ", cycle),
          edge.node().getValue(),
          expected);
    }
  }
}
