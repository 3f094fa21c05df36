package org.umbrella.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns CEL's compiler messages into an author's terms: a syntax error "does not parse" and names
 * the likely fix ({@code =} for {@code ==}, {@code and} for {@code &&}, a typographic quote); a
 * type error "does not type-check" and keeps what CEL says about the operand types, with how to
 * make them agree; an unknown field written with {@code -} is offered its {@code _} spelling.
 */
public final class CelMessages {
  private CelMessages() {}

  /** CEL's words for a syntax (ANTLR) error, as opposed to a type error. */
  private static final Pattern PARSE =
      Pattern.compile(
          "^(token recognition error|mismatched input|extraneous input|no viable alternative"
              + "|missing |Syntax error)");

  private static final Pattern QUOTED_TOKEN = Pattern.compile("(?:input|at:) '([^']*)'");
  private static final Pattern OVERLOAD =
      Pattern.compile("found no matching overload for '_?([^']*?)_?' applied to '\\(([^)]*)\\)'");
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z_][A-Za-z0-9_]*)*");

  /** Word operators from other languages, and CEL's spelling. */
  private static final Map<String, String> WORD_OPERATORS =
      Map.of("and", "&&", "or", "||", "not", "!", "AND", "&&", "OR", "||", "NOT", "!");

  /**
   * One CEL problem explained.
   *
   * @param parses whether the condition parsed (a type error) or not (a syntax error)
   * @param message what is wrong, without the "does not parse" prefix
   * @param offset where in the condition's text, 0-based
   * @param width how many characters of the condition to underline
   * @param hint how to fix it, or {@code ""}
   * @param suggestions replacements to offer, best first
   */
  public record Explained(
      boolean parses,
      String message,
      int offset,
      int width,
      String hint,
      List<String> suggestions) {

    /** {@code "does not parse"} or {@code "does not type-check"}. */
    public String verdict() {
      return parses ? "does not type-check" : "does not parse";
    }
  }

  /**
   * One problem as CEL reports it.
   *
   * @param message CEL's message
   * @param line 1-based line in the condition
   * @param column 1-based column in the condition
   */
  public record Reported(String message, int line, int column) {}

  /**
   * Explains every problem CEL reported for one condition, as an author should see them: after the
   * first syntax error the parser's further complaints are its own confusion and are dropped, and
   * problems that explain to the same thing at the same place (CEL reports {@code army-cap} as two
   * undeclared names) are reported once.
   */
  public static List<Explained> explainAll(
      List<Reported> reported, String condition, Collection<String> fields) {
    List<Explained> out = new ArrayList<>();
    boolean syntaxSeen = false;
    for (Reported r : reported) {
      boolean syntax = isSyntaxError(r.message());
      if (syntax && syntaxSeen) {
        continue;
      }
      syntaxSeen |= syntax;
      int offset = ScalarPositions.valueOffset(condition, r.line(), r.column());
      Explained x = explain(r.message(), condition, offset, fields);
      if (!out.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }

  /** Whether a CEL message is a syntax error. */
  public static boolean isSyntaxError(String message) {
    return PARSE.matcher(message).find();
  }

  /**
   * Explains one CEL message.
   *
   * @param message CEL's message
   * @param condition the condition's text
   * @param offset the 0-based offset in {@code condition} CEL gave
   * @param fields the names a condition may read (for "did you mean")
   */
  public static Explained explain(
      String message, String condition, int offset, Collection<String> fields) {
    int at = Math.max(0, Math.min(offset, condition.length()));
    if (isSyntaxError(message)) {
      return syntax(message, condition, at);
    }
    if (message.startsWith("undeclared reference")) {
      Explained e = unknownName(condition, at, fields);
      if (e != null) {
        return e;
      }
    }
    Matcher m = OVERLOAD.matcher(message);
    if (m.find()) {
      String operator = m.group(1);
      String types = m.group(2);
      return new Explained(
          true,
          "found no matching overload for '" + operator + "' applied to (" + types + ")",
          at,
          Math.max(1, operator.length()),
          overloadHint(types, condition),
          List.of());
    }
    return new Explained(true, message, at, 1, "", List.of());
  }

  private static Explained syntax(String message, String condition, int at) {
    char c = at < condition.length() ? condition.charAt(at) : ' ';
    if ("\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb".indexOf(c) >= 0) {
      return new Explained(
          false,
          String.format(
              Locale.ROOT,
              "a typographic quote %s (U+%04X) where CEL needs a straight quote",
              c,
              (int) c),
          at,
          1,
          "write strings in straight quotes: \"attack\" or 'attack'",
          List.of(c == '\u2018' || c == '\u2019' ? "'" : "\""));
    }
    if (c == '='
        && !condition.startsWith("==", at)
        && (at == 0 || "=!<>".indexOf(condition.charAt(at - 1)) < 0)) {
      return new Explained(
          false, "'=' is not an operator in CEL", at, 1, "compare with '=='", List.of("=="));
    }
    Matcher word = NAME.matcher(condition);
    while (word.find()) {
      if (word.start() <= at && at < word.end()) {
        String op = WORD_OPERATORS.get(word.group());
        if (op != null) {
          return new Explained(
              false,
              "'" + word.group() + "' is not an operator in CEL",
              word.start(),
              word.group().length(),
              "write '" + op + "'",
              List.of(op));
        }
        break;
      }
    }
    Matcher token = QUOTED_TOKEN.matcher(message);
    String shown = message;
    int width = 1;
    if (token.find() && token.group(1).equals("<EOF>")) {
      return new Explained(false, "it ends where more is expected", at, 1, "", List.of());
    }
    if (token.find(0)) {
      String t = token.group(1).strip();
      width = Math.max(1, t.length());
      String op = WORD_OPERATORS.get(t);
      if (op != null) {
        return new Explained(
            false,
            "'" + t + "' is not an operator in CEL",
            at,
            width,
            "write '" + op + "'",
            List.of(op));
      }
      // ANTLR lists every token it could accept; the token it met is what the author can act on.
      int expecting = message.indexOf(" expecting ");
      shown = expecting > 0 ? message.substring(0, expecting) : message;
    }
    return new Explained(false, shown, at, width, "", List.of());
  }

  private static @Nullable Explained unknownName(
      String condition, int at, Collection<String> fields) {
    Matcher m = NAME.matcher(condition);
    while (m.find()) {
      // CEL points at the part after a '-', so the name may start before the offset.
      if (m.start() <= at && at < Math.max(m.end(), m.start() + 1)) {
        String name = m.group();
        if (name.indexOf('-') >= 0) {
          String snake = name.replace('-', '_');
          List<String> suggestions =
              fields.contains(snake) ? List.of(snake) : Suggestions.closest(snake, fields);
          return new Explained(
              true,
              "unknown field '" + name + "' (CEL reads '-' as minus; names use '_')",
              m.start(),
              name.length(),
              "",
              suggestions);
        }
        if (fields.contains(name)) {
          return null;
        }
        int dot = name.lastIndexOf('.');
        boolean dotted = dot > 0;
        if (!dotted && fields.stream().noneMatch(f -> f.indexOf('.') < 0)) {
          return null;
        }
        return new Explained(
            true,
            "unknown field '" + name + "'",
            m.start(),
            name.length(),
            "",
            Suggestions.closest(name, fields));
      }
    }
    return null;
  }

  private static String overloadHint(String types, String condition) {
    String t = types.replace(" ", "");
    if (t.contains("google.protobuf.Timestamp") && t.contains("string")) {
      return "compare a time with a time: timestamp('2026-03-01T00:00:00Z')";
    }
    if (t.contains("google.protobuf.Duration") && t.contains("string")) {
      return "compare a duration with a duration: duration('72h')";
    }
    if (t.equals("double,int") || t.equals("int,double")) {
      return "CEL does not mix int and double: write the number with a decimal point (80.0)"
          + (condition.contains("confidence") ? "; confidence runs from 0.0 to 1.0 (0.8)" : "");
    }
    if (t.equals("string,int") || t.equals("int,string") || t.equals("string,double")) {
      return "compare text with quoted text and numbers with numbers";
    }
    return "";
  }
}
