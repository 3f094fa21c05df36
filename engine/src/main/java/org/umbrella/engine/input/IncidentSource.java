package org.umbrella.engine.input;

import java.util.Objects;

/**
 * One source of an incident report: its id, its kind (e.g. {@code sensor}, {@code monitor}, {@code
 * media}, {@code dataset}) and its independence group. Sources in the same group count as one.
 */
public record IncidentSource(String id, String kind, String group) {
  public IncidentSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
  }
}
