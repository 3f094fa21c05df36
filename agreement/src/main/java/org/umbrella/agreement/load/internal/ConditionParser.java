package org.umbrella.agreement.load.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Expression;
import org.umbrella.agreement.model.IncidentSchema;
import org.umbrella.diagnostics.CelMessages;
import org.umbrella.diagnostics.ScalarPositions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * CEL conditions and expressions: compiled against the incident schema, each problem explained by
 * the diagnostics kit and positioned inside the expression (through quotes and folded blocks).
 */
final class ConditionParser extends SectionParser {

  ConditionParser(State state) {
    super(state);
  }

  @Nullable Expression expression(Node n, String what, IncidentSchema.ResultType type) {
    ScalarNode s = nodes.scalar(n, what, "a CEL expression over incident fields");
    if (s == null) {
      return null;
    }
    IncidentSchema.Compilation c = IncidentSchema.compile(s.getValue(), type);
    if (c.ok()) {
      return c.expression();
    }
    String expected =
        type == IncidentSchema.ResultType.BOOL
            ? "a CEL condition that yields bool (see docs/agreement-format.md#conditions)"
            : "a CEL expression that yields int or double (see docs/agreement-format.md#conditions)";
    List<CelMessages.Explained> explained =
        CelMessages.explainAll(
            c.problems().stream()
                .map(p -> new CelMessages.Reported(p.message(), p.line(), p.column()))
                .toList(),
            s.getValue(),
            IncidentSchema.FIELDS.keySet());
    for (CelMessages.Explained x : explained) {
      int[] pos = ScalarPositions.locate(problems.source(), s, x.offset());
      String shownExpected =
          !x.hint().isEmpty()
              ? x.hint()
              : x.message().startsWith("unknown field")
                  ? "one of the incident fields "
                      + String.join(", ", IncidentSchema.FIELDS.keySet())
                  : expected;
      problems.add(
          pos[0],
          pos[1],
          x.width(),
          "condition",
          what + " " + x.verdict() + ": " + x.message(),
          s.getValue(),
          shownExpected,
          x.suggestions());
    }
    return null;
  }
}
