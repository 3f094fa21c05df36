package org.umbrella.stress;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.umbrella.agreement.model.Agreement;

/**
 * One guarantee design to stress: a validated agreement under a display name (its file name, or the
 * file and the swept value).
 *
 * @param name how the report names the design; unique within a run
 * @param agreement the agreement the engine runs
 * @param point for a point of a sweep: the design it varies, the path and the value
 */
public record Design(String name, Agreement agreement, Optional<Point> point) {
  public Design {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(point, "point");
  }

  /** A design as written in its file. */
  public Design(String name, Agreement agreement) {
    this(name, agreement, Optional.empty());
  }

  /**
   * Where a swept design comes from.
   *
   * @param base the name of the design it varies (the file as written)
   * @param values the swept paths and the values set at them, as written (one for a sweep, one per
   *     sweep for a point of a grid)
   */
  public record Point(String base, SortedMap<String, String> values) {
    public Point {
      values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }
  }
}
