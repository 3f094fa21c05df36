package org.umbrella.negotiation.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NumericIssue;

/**
 * Compiles red-line conditions with CEL against the issues of one outcome space.
 *
 * <p>Each issue is a variable named {@link NegotiatedIssue#celName()}: a {@code string} for
 * discrete issues, an {@code int} or {@code double} for numeric ones. Conditions must be {@code
 * bool}.
 */
public final class CelConditions {
  private static final CelRuntime RUNTIME = CelRuntimeFactory.legacyCelRuntimeBuilder().build();

  private final List<NegotiatedIssue> issues;
  private final CelCompiler compiler;
  private final Map<String, Integer> issueByVar = new HashMap<>();

  /** A compile error at a 1-based line and column of the condition text. */
  public record Problem(int line, int column, String message) {}

  /** A checked condition and the issue indices it reads, ascending. */
  public record Compiled(CelRuntime.Program program, int[] issues, String text) {
    /** Evaluates on a full package given as CEL values per issue variable. */
    public boolean test(Map<String, Object> vars) {
      try {
        return (Boolean) program.eval(vars);
      } catch (CelEvaluationException e) {
        // A runtime error (e.g. division by zero) means the condition cannot be shown to hold.
        return false;
      }
    }
  }

  /**
   * The outcome of compiling one condition: exactly one of {@code compiled} and {@code errors} is
   * set.
   */
  public record Result(@Nullable Compiled compiled, List<Problem> errors) {}

  public CelConditions(List<NegotiatedIssue> issues) {
    this.issues = List.copyOf(issues);
    CelCompilerBuilder b =
        CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
    for (int i = 0; i < issues.size(); i++) {
      NegotiatedIssue issue = issues.get(i);
      b.addVar(
          issue.celName(),
          switch (issue) {
            case NumericIssue n -> n.integral() ? SimpleType.INT : SimpleType.DOUBLE;
            default -> SimpleType.STRING;
          });
      issueByVar.put(issue.celName(), i);
    }
    this.compiler = b.build();
  }

  /** The variable names a condition may read, in issue order. */
  public List<String> names() {
    return issues.stream().map(NegotiatedIssue::celName).toList();
  }

  /** Parses and type-checks one condition. */
  public Result compile(String condition) {
    CelValidationResult r = compiler.compile(condition);
    if (r.hasError()) {
      List<Problem> errors = new ArrayList<>();
      for (CelIssue issue : r.getErrors()) {
        errors.add(
            new Problem(
                Math.max(1, issue.getSourceLocation().getLine()),
                issue.getSourceLocation().getColumn() + 1,
                issue.getMessage()));
      }
      return new Result(null, errors);
    }
    try {
      CelAbstractSyntaxTree ast = r.getAst();
      TreeSet<Integer> read = new TreeSet<>();
      ast.getReferenceMap()
          .values()
          .forEach(
              ref -> {
                Integer i = issueByVar.get(ref.name());
                if (i != null) {
                  read.add(i);
                }
              });
      return new Result(
          new Compiled(
              RUNTIME.createProgram(ast),
              read.stream().mapToInt(Integer::intValue).toArray(),
              condition),
          List.of());
    } catch (CelValidationException | CelEvaluationException e) {
      return new Result(null, List.of(new Problem(1, 1, String.valueOf(e.getMessage()))));
    }
  }

  /** The CEL variables for a package (one value per issue). */
  public Map<String, Object> variables(int[] outcome) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < issues.size(); i++) {
      vars.put(issues.get(i).celName(), issues.get(i).celValue(outcome[i]));
    }
    return vars;
  }
}
