package org.umbrella.evidence.importers;

import java.util.Locale;
import java.util.Map;

/**
 * One CSV data row with access by column name. Values are trimmed; a missing column reads as {@code
 * ""}. Mapping helpers throw {@link RowException} naming the column, which importers turn into a
 * {@link RowOutcome.Rejected}.
 */
final class Row {
  private final Map<String, Integer> columns;
  private final String[] values;
  final long row;
  final long line;

  Row(Map<String, Integer> columns, String[] values, long row, long line) {
    this.columns = columns;
    this.values = values;
    this.row = row;
    this.line = line;
  }

  boolean has(String column) {
    return columns.containsKey(column);
  }

  String get(String column) {
    Integer i = columns.get(column);
    return i == null || i >= values.length || values[i] == null ? "" : values[i].trim();
  }

  String required(String column) {
    String v = get(column);
    if (v.isEmpty()) {
      throw new RowException(column + " is empty");
    }
    return v;
  }

  double decimal(String column) {
    String v = required(column);
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new RowException(column + " is not a number: '" + v + "'");
    }
  }

  /** A whole, non-negative count; accepts "4" and "4.0" (some exports write floats). */
  int count(String column) {
    String v = required(column);
    try {
      double d = Double.parseDouble(v);
      if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
        throw new RowException(column + " must be a whole number >= 0, was '" + v + "'");
      }
      return (int) d;
    } catch (NumberFormatException e) {
      throw new RowException(column + " is not a number: '" + v + "'");
    }
  }

  /** 1 for "1", "1.0", "true"; 0 for "", "0", "0.0", "false"; else a RowException. */
  boolean flag(String column) {
    String v = get(column);
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "", "0", "0.0", "false", "na" -> false;
      case "1", "1.0", "true" -> true;
      default -> throw new RowException(column + " must be 0 or 1, was '" + v + "'");
    };
  }
}
