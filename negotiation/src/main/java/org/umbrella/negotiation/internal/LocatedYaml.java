package org.umbrella.negotiation.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.umbrella.diagnostics.Located;
import org.umbrella.diagnostics.SourceText;
import org.umbrella.diagnostics.YamlDocument;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.Problem;

/**
 * Parses YAML text into {@link YamlNode}s that carry file:line:column; reports duplicate keys.
 *
 * <p>The text is first read by the diagnostics kit shared with the agreement loader (SnakeYAML
 * under the same alias, depth and size limits), so a syntax error reads the same in both kinds of
 * file and is located where an author fixes it; the tree is then built by Jackson, whose scalar
 * types the loader has always read.
 */
public final class LocatedYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private LocatedYaml() {}

  /**
   * The outcome of parsing: the root (null after a problem, or for an empty text) and the problems.
   *
   * @param root the document's root, or null
   * @param problems at most one: parsing stops at the first
   */
  public record Parsed(@Nullable YamlNode root, List<Problem> problems) {
    /** Creates an outcome; the list is copied. */
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  private static final class Duplicate extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    Duplicate(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /** Parses one YAML document; never throws for a problem in the text. */
  public static Parsed parse(String text, String file) {
    YamlDocument.Composed composed =
        YamlDocument.compose(new SourceText(text), YamlDocument.Limits.DEFAULT);
    if (!composed.errors().isEmpty()) {
      Located l = composed.errors().getFirst();
      return failed(
          new Problem(new Location(file, l.line(), l.column()), l.message(), l.expected()));
    }
    if (composed.isEmpty()) {
      return failed(
          new Problem(new Location(file, 1, 1), "the file is empty", "start with 'umbrella: 1'"));
    }
    try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
      if (p.nextToken() == null) {
        return failed(
            new Problem(new Location(file, 1, 1), "the file is empty", "start with 'umbrella: 1'"));
      }
      return new Parsed(read(p, file), List.of());
    } catch (Duplicate d) {
      return failed(d.problem);
    } catch (JsonProcessingException e) {
      // SnakeYAML accepted the text, so this is rare; keep Jackson's first line as the message.
      JsonLocation l = e.getLocation();
      String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
      return failed(
          new Problem(
              l == null
                  ? Location.unknown(file)
                  : new Location(file, l.getLineNr(), l.getColumnNr()),
              "YAML syntax error: " + msg,
              "check indentation and quoting near this position"));
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
  }

  private static Parsed failed(Problem p) {
    return new Parsed(null, List.of(p));
  }

  private static Location at(JsonParser p, String file) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(file, l.getLineNr(), l.getColumnNr());
  }

  private static YamlNode read(JsonParser p, String file) throws IOException {
    JsonToken t = p.currentToken();
    Location at = at(p, file);
    return switch (t) {
      case START_OBJECT -> map(p, file, at);
      case START_ARRAY -> list(p, file, at);
      case VALUE_STRING -> new YamlNode.YamlScalar(p.getText(), at);
      case VALUE_NUMBER_INT -> new YamlNode.YamlScalar(p.getLongValue(), at);
      case VALUE_NUMBER_FLOAT -> new YamlNode.YamlScalar(p.getDoubleValue(), at);
      case VALUE_TRUE, VALUE_FALSE -> new YamlNode.YamlScalar(t == JsonToken.VALUE_TRUE, at);
      case VALUE_NULL -> new YamlNode.YamlScalar(null, at);
      default -> throw new IllegalStateException("unexpected YAML token " + t);
    };
  }

  private static YamlNode map(JsonParser p, String file, Location at) throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyAt = at(p, file);
      p.nextToken();
      YamlNode value = read(p, file);
      YamlNode.Entry first = entries.get(key);
      if (first != null) {
        throw new Duplicate(
            new Problem(
                keyAt,
                "duplicate key '" + key + "'",
                "it was first given at " + first.keyAt() + "; give each key once"));
      }
      entries.put(key, new YamlNode.Entry(key, keyAt, value));
    }
    return new YamlNode.YamlMap(entries, at);
  }

  private static YamlNode list(JsonParser p, String file, Location at) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(read(p, file));
    }
    return new YamlNode.YamlList(items, at);
  }
}
