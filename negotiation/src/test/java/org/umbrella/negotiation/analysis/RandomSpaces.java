package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.umbrella.negotiation.DiscreteIssue;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.ValueFunction;

/**
 * Random small negotiations for property tests. Weights are sixteenths summing to exactly 1 and
 * values are eighths, so every utility is an exact binary fraction and ties are frequent: the fast
 * and the brute-force analyses must then agree exactly, duplicates included.
 */
final class RandomSpaces {
  private RandomSpaces() {}

  static NegotiationModel model(long seed, int parties, boolean redLines) {
    SplittableRandom r = new SplittableRandom(seed);
    int issues = 1 + r.nextInt(4);
    List<NegotiatedIssue> is = new ArrayList<>();
    for (int i = 0; i < issues; i++) {
      int size = 1 + r.nextInt(4);
      List<String> opts = new ArrayList<>();
      for (int k = 0; k < size; k++) {
        opts.add("o" + k);
      }
      is.add(new DiscreteIssue("i" + i, opts, Location.unknown("random")));
    }
    List<NegotiatingParty> ps = new ArrayList<>();
    Map<String, Preference> prefs = new LinkedHashMap<>();
    for (int p = 0; p < parties; p++) {
      String id = "P" + p;
      ps.add(new NegotiatingParty(id, id, Location.unknown("random")));
      int[] sixteenths = new int[issues];
      for (int u = 0; u < 16; u++) {
        sixteenths[r.nextInt(issues)]++;
      }
      Map<String, Interval> w = new LinkedHashMap<>();
      Map<String, ValueFunction> v = new LinkedHashMap<>();
      for (int i = 0; i < issues; i++) {
        w.put("i" + i, Interval.point(sixteenths[i] / 16.0));
        Map<String, Interval> vals = new LinkedHashMap<>();
        for (int k = 0; k < is.get(i).size(); k++) {
          vals.put("o" + k, Interval.point(r.nextInt(9) / 8.0));
        }
        v.put("i" + i, new ValueFunction.OptionValues(vals));
      }
      List<RedLine> lines = new ArrayList<>();
      if (redLines && r.nextInt(3) > 0) {
        int a = r.nextInt(issues);
        int b = r.nextInt(issues);
        // Disjunctions tie two issues; conjunctions decompose into option removals.
        String op = r.nextInt(3) == 0 ? " && i" + b + " != 'o" : " || i" + b + " == 'o";
        String cond =
            "i"
                + a
                + " != 'o"
                + r.nextInt(is.get(a).size())
                + "'"
                + op
                + r.nextInt(is.get(b).size())
                + "'";
        lines.add(new RedLine(id, cond, "", List.of(), Location.unknown("random")));
      }
      prefs.put(
          id,
          new Preference(id, w, v, Interval.point(r.nextInt(6) / 8.0), lines, List.of(), "random"));
    }
    return new NegotiationModel("random", "", ps, is, prefs, List.of(), Map.of(), "random");
  }

  /** Every package of the space, in lexicographic order. */
  static List<int[]> all(Scenario s) {
    int[] sizes = s.sizes();
    List<int[]> out = new ArrayList<>();
    int total = 1;
    for (int n : sizes) {
      total *= n;
    }
    for (int c = 0; c < total; c++) {
      int[] o = new int[sizes.length];
      int x = c;
      for (int i = sizes.length - 1; i >= 0; i--) {
        o[i] = x % sizes[i];
        x /= sizes[i];
      }
      out.add(o);
    }
    return out;
  }
}
