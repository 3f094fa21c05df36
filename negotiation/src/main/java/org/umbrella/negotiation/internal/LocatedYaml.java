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
import org.umbrella.negotiation.InvalidNegotiationException;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.Problem;

/** Parses YAML text into {@link YamlNode}s that carry file:line:column; rejects duplicate keys. */
public final class LocatedYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private LocatedYaml() {}

  /**
   * Parses one YAML document.
   *
   * @throws InvalidNegotiationException on a syntax error or a duplicate key, with its location
   */
  public static YamlNode parse(String text, String file) {
    try (JsonParser p = FACTORY.createParser(new StringReader(text))) {
      if (p.nextToken() == null) {
        throw new InvalidNegotiationException(
            List.of(
                new Problem(
                    new Location(file, 1, 1), "the file is empty", "start with 'umbrella: 1'")));
      }
      return read(p, file);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      // SnakeYAML's message: context line, a quoted excerpt with positions, the problem line.
      String msg =
          String.join(
              "; ",
              e.getOriginalMessage()
                  .lines()
                  .filter(
                      line ->
                          !line.isBlank()
                              && !Character.isWhitespace(line.charAt(0))
                              && !line.startsWith("in '")
                              && !line.contains("^"))
                  .toList());
      msg = msg.isEmpty() ? "syntax error" : msg;
      throw new InvalidNegotiationException(
          List.of(
              new Problem(
                  l == null
                      ? Location.unknown(file)
                      : new Location(file, l.getLineNr(), l.getColumnNr()),
                  "YAML syntax error: " + msg,
                  "check indentation and quoting near this position")));
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
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
        throw new InvalidNegotiationException(
            List.of(
                new Problem(
                    keyAt,
                    "duplicate key '" + key + "'",
                    "it was first given at " + first.keyAt() + "; give each key once")));
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
