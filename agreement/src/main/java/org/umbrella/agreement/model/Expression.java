package org.umbrella.agreement.model;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import org.umbrella.agreement.AgreementException;

/**
 * A CEL expression over one incident, type-checked against {@link IncidentSchema} and compiled
 * once.
 *
 * <p>Evaluation is pure and thread-safe. Two expressions are equal when their source text is.
 */
public final class Expression {
  private final String source;
  private final IncidentSchema.ResultType type;
  private final CelRuntime.Program program;

  Expression(String source, IncidentSchema.ResultType type, CelRuntime.Program program) {
    this.source = source;
    this.type = type;
    this.program = program;
  }

  /** The expression as written in the file. */
  public String source() {
    return source;
  }

  /** What it yields. */
  public IncidentSchema.ResultType type() {
    return type;
  }

  /**
   * Evaluates a condition on an incident given as nested maps (see {@link
   * IncidentSchema#activation}).
   *
   * @throws EvaluationFailed if CEL fails at run time (e.g. division by zero) or this is not a
   *     condition
   */
  public boolean test(Map<String, ?> incident) {
    return testActivation(IncidentSchema.activation(incident));
  }

  /**
   * Evaluates a condition on a prepared activation (from {@link IncidentSchema#activation}), for
   * callers that test one incident against many conditions.
   *
   * @throws EvaluationFailed as {@link #test}
   */
  public boolean testActivation(Map<String, Object> activation) {
    if (eval(activation) instanceof Boolean b) {
      return b;
    }
    throw new EvaluationFailed("'" + source + "' is not a condition");
  }

  /**
   * Evaluates a numeric expression on a prepared activation.
   *
   * @throws EvaluationFailed if CEL fails at run time or the result is not a number
   */
  public double number(Map<String, Object> activation) {
    if (eval(activation) instanceof Number n) {
      return n.doubleValue();
    }
    throw new EvaluationFailed("'" + source + "' did not yield a number");
  }

  private Object eval(Map<String, Object> activation) {
    try {
      return program.eval(activation);
    } catch (CelEvaluationException e) {
      throw new EvaluationFailed("evaluating '" + source + "' failed: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression e && e.source.equals(source) && e.type == type;
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }

  /** A condition failed at evaluation time (not at load time, where types were checked). */
  public static final class EvaluationFailed extends AgreementException {
    private static final long serialVersionUID = 1L;

    EvaluationFailed(String message) {
      super(message);
    }
  }
}
