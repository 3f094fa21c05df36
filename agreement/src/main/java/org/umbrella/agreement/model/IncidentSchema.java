package org.umbrella.agreement.model;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The incident fields a CEL condition may read, and the compiler that type-checks conditions
 * against them (see docs/agreement-format.md, "Conditions").
 *
 * <p>CEL identifiers cannot contain {@code -}, so fields are snake_case: {@code
 * incident.fatalities.best}, {@code incident.time_precision}. Each leaf is declared as a CEL
 * variable with its dotted name, which gives exact type errors ("found no matching overload for
 * '_>_' applied to '(string, int)'") and unknown-field errors at load time. This class is immutable
 * and thread-safe; the CEL environment is built once.
 */
public final class IncidentSchema {

  /**
   * The incident kinds a finding may match (the engine's taxonomy, docs/incidents.md), in
   * documentation order.
   */
  public static final List<String> KINDS =
      List.of(
          "shelling",
          "missile_strike",
          "air_strike",
          "drone_strike",
          "armed_clash",
          "ground_assault",
          "sabotage",
          "mine",
          "small_arms",
          "violence_against_civilians",
          "protest",
          "riot",
          "strategic_development",
          "other");

  /** The declared fields, dotted name to CEL type, in documentation order. */
  public static final Map<String, CelType> FIELDS = fields();

  private static final Cel BOOL_ENV = environment(SimpleType.BOOL);
  private static final Cel DYN_ENV = environment(SimpleType.DYN);

  private IncidentSchema() {}

  private static Map<String, CelType> fields() {
    Map<String, CelType> f = new LinkedHashMap<>();
    f.put("incident.id", SimpleType.STRING);
    f.put("incident.time", SimpleType.TIMESTAMP);
    f.put("incident.time_precision", SimpleType.STRING);
    f.put("incident.kind", SimpleType.STRING);
    f.put("incident.place.lat", SimpleType.DOUBLE);
    f.put("incident.place.lon", SimpleType.DOUBLE);
    f.put("incident.place.precision", SimpleType.STRING);
    f.put("incident.actor.party", SimpleType.STRING);
    f.put("incident.actor.confidence", SimpleType.DOUBLE);
    f.put("incident.target", SimpleType.STRING);
    f.put("incident.fatalities.low", SimpleType.INT);
    f.put("incident.fatalities.best", SimpleType.INT);
    f.put("incident.fatalities.high", SimpleType.INT);
    f.put("incident.sources", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)));
    f.put("incident.independent_sources", SimpleType.INT);
    f.put("incident.status", SimpleType.STRING);
    f.put("incident.tags", ListType.create(SimpleType.STRING));
    return Collections.unmodifiableMap(f);
  }

  private static Cel environment(CelType result) {
    var builder =
        CelFactory.legacyCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(result);
    FIELDS.forEach(builder::addVar);
    return builder.build();
  }

  /** What a compiled expression must yield. */
  public enum ResultType {
    /** A condition: {@code bool}. */
    BOOL,
    /** A quantity to sum: {@code int} or {@code double}. */
    NUMBER
  }

  /**
   * A CEL problem found while compiling, with its position inside the expression text.
   *
   * @param message CEL's message
   * @param line 1-based line in the expression
   * @param column 1-based column in the expression
   */
  public record Problem(String message, int line, int column) {}

  /**
   * The outcome of compiling an expression: the expression, or the problems.
   *
   * @param expression the compiled expression, or null when there are problems
   * @param problems empty exactly when {@code expression} is present
   */
  public record Compilation(@Nullable Expression expression, List<Problem> problems) {
    /** Creates the outcome; the list is copied. */
    public Compilation {
      problems = List.copyOf(problems);
    }

    /** Whether it compiled. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Parses and type-checks {@code source} against the incident fields and plans it for evaluation.
   * Never throws for a bad expression: problems are returned.
   */
  public static Compilation compile(String source, ResultType type) {
    Cel cel = type == ResultType.BOOL ? BOOL_ENV : DYN_ENV;
    try {
      CelAbstractSyntaxTree ast = cel.compile(source).getAst();
      if (type == ResultType.NUMBER) {
        CelType t = ast.getResultType();
        if (!t.equals(SimpleType.INT)
            && !t.equals(SimpleType.DOUBLE)
            && !t.equals(SimpleType.UINT)) {
          return new Compilation(
              null,
              List.of(
                  new Problem(
                      "expected a number (int or double) but found '" + t.name() + "'", 1, 1)));
        }
      }
      List<Problem> constant = constantProblems(ast);
      if (!constant.isEmpty()) {
        return new Compilation(null, constant);
      }
      return new Compilation(new Expression(source, type, cel.createProgram(ast)), List.of());
    } catch (CelValidationException e) {
      List<Problem> problems = new ArrayList<>();
      for (CelIssue issue : e.getErrors()) {
        var loc = issue.getSourceLocation();
        problems.add(
            new Problem(
                issue.getMessage(), Math.max(1, loc.getLine()), Math.max(0, loc.getColumn()) + 1));
      }
      if (problems.isEmpty()) {
        problems.add(new Problem(String.valueOf(e.getMessage()), 1, 1));
      }
      return new Compilation(null, problems);
    } catch (CelEvaluationException | RuntimeException e) {
      // Planning failures are CEL-internal; report them as a problem of this expression.
      return new Compilation(null, List.of(new Problem(String.valueOf(e.getMessage()), 1, 1)));
    }
  }

  /**
   * Evaluates the constant calls of a checked expression (those that read no field, such as {@code
   * timestamp('2026-03-01T00:00:00Z')}) once, now, so that one that can only fail, such as {@code
   * timestamp('1 March 2026')}, is reported at load time instead of on every incident. Only the
   * innermost failing call is reported.
   */
  private static List<Problem> constantProblems(CelAbstractSyntaxTree ast) {
    List<Problem> problems = new ArrayList<>();
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL)
        .filter(
            n ->
                n.allNodes()
                    .noneMatch(
                        d ->
                            d.getKind() == CelExpr.ExprKind.Kind.IDENT
                                || d.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION))
        .forEach(
            n -> {
              try {
                CelAbstractSyntaxTree sub =
                    CelAbstractSyntaxTree.newParsedAst(n.expr(), ast.getSource());
                DYN_ENV.createProgram(DYN_ENV.check(sub).getAst()).eval(Map.of());
              } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
                int offset = ast.getSource().getPositionsMap().getOrDefault(n.expr().id(), 0);
                var loc = ast.getSource().getOffsetLocation(offset);
                int line = loc.map(l -> l.getLine()).orElse(1);
                int column = loc.map(l -> l.getColumn() + 1).orElse(1);
                String why =
                    String.valueOf(e.getMessage())
                        .replaceFirst("^evaluation error at <input>:\\d+: ", "");
                problems.add(
                    new Problem(
                        "this constant part can only fail when it runs: " + why, line, column));
              }
            });
    // allNodes() is pre-order: the last failure is the innermost one
    return problems.isEmpty() ? problems : List.of(problems.get(problems.size() - 1));
  }

  /**
   * Turns an incident given as nested maps (the JSON Lines shape, with snake_case or kebab-case
   * keys) into CEL's activation: one entry per declared field, absent values defaulted to {@code
   * ""}, {@code 0}, {@code 0.0}, the epoch or an empty list, numbers widened to {@code long} and
   * {@code double}, times as {@link Instant}.
   */
  public static Map<String, Object> activation(Map<String, ?> incident) {
    Map<String, Object> out = new HashMap<>(FIELDS.size() * 2);
    for (Map.Entry<String, CelType> field : FIELDS.entrySet()) {
      String[] path = field.getKey().substring("incident.".length()).split("\\.", -1);
      Object value = incident;
      for (String step : path) {
        value = value instanceof Map<?, ?> m ? lookup(m, step) : null;
      }
      out.put(field.getKey(), coerce(value, field.getValue()));
    }
    return out;
  }

  private static @Nullable Object lookup(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v != null ? v : map.get(key.replace('_', '-'));
  }

  private static Object coerce(@Nullable Object value, CelType type) {
    if (type.equals(SimpleType.STRING)) {
      return value == null ? "" : value.toString();
    }
    if (type.equals(SimpleType.INT)) {
      return value instanceof Number n ? n.longValue() : 0L;
    }
    if (type.equals(SimpleType.DOUBLE)) {
      return value instanceof Number n ? n.doubleValue() : 0.0;
    }
    if (type.equals(SimpleType.TIMESTAMP)) {
      return switch (value) {
        case Instant i -> i;
        case OffsetDateTime o -> o.toInstant();
        case ZonedDateTime z -> z.toInstant();
        case String s -> Instant.parse(s);
        case null, default -> Instant.EPOCH;
      };
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(o instanceof Integer i ? Long.valueOf(i) : o);
      }
      return copy;
    }
    return List.of();
  }
}
