package org.umbrella.negotiation.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.Location;

/** A YAML value that remembers where it was written, so every error can point at the text. */
public sealed interface YamlNode {
  /** Where the value starts. */
  Location at();

  /** A short description of the kind of value, for messages ("a list", "a number"). */
  String kind();

  /** A mapping; keys keep their own locations and their file order. */
  record YamlMap(Map<String, Entry> entries, Location at) implements YamlNode {
    public YamlMap {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public @Nullable YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping with its location. */
  record Entry(String key, Location keyAt, YamlNode value) {}

  /** A sequence. */
  record YamlList(List<YamlNode> items, Location at) implements YamlNode {
    public YamlList {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar: a String, Long, Double, Boolean, or null for an empty value. */
  record YamlScalar(@Nullable Object value, Location at) implements YamlNode {
    @Override
    public String kind() {
      return switch (value) {
        case null -> "an empty value";
        case String s -> "text '" + s + "'";
        case Boolean b -> "the boolean " + b;
        default -> "the number " + value;
      };
    }
  }
}
