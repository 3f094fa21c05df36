package org.umbrella.cli.negotiate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.umbrella.negotiation.NegotiationModel;

/** Output helpers: aligned text tables, numbers, JSON. */
final class Format {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The output formats of the negotiate commands. */
  enum Kind {
    table,
    json
  }

  private Format() {}

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON output failed", e);
    }
  }

  static String num(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The package as issue -> option label. */
  static Map<String, String> pkg(NegotiationModel m, int[] outcome) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < outcome.length; i++) {
      p.put(m.issues().get(i).name(), m.issues().get(i).label(outcome[i]));
    }
    return p;
  }

  /** Utilities as party -> value. */
  static Map<String, Double> utilities(NegotiationModel m, double[] u) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int p = 0; p < u.length; p++) {
      out.put(m.partyIds().get(p), u[p]);
    }
    return out;
  }

  /** A left-aligned text table; numeric-looking cells right-aligned. */
  static String table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] w = new int[header.size()];
    for (List<String> r : all) {
      for (int c = 0; c < r.size(); c++) {
        w[c] = Math.max(w[c], r.get(c).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      List<String> r = all.get(i);
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < r.size(); c++) {
        String cell = r.get(c);
        boolean numeric = i > 0 && cell.matches("-?[0-9.,]+");
        line.append(
            numeric
                ? " ".repeat(w[c] - cell.length()) + cell
                : cell + " ".repeat(w[c] - cell.length()));
        if (c < r.size() - 1) {
          line.append("  ");
        }
      }
      b.append(line.toString().stripTrailing()).append('\n');
      if (i == 0) {
        b.append("  ").append("-".repeat(Math.min(100, line.length() - 2))).append('\n');
      }
    }
    return b.toString();
  }
}
