package org.umbrella.bench.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/** Seeded synthetic negotiations for the benchmarks. */
public final class Spaces {
  private Spaces() {}

  private static double decimals(double x, int places) {
    return BigDecimal.valueOf(x).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }

  /**
   * A space of {@code options^issues} packages and {@code parties} parties with uniform random
   * values and weights, written as files write them: weights with 3 decimals, values with 4, so
   * that the analysis runs on exact scaled whole numbers (docs/negotiation.md, "Exact arithmetic").
   * With {@code redLines}, every issue gets one party's red line allowing {@code allowed} of its
   * options, and neighbouring issues are tied by a two-issue red line that forbids one combination,
   * so most of the space is pruned and blocks of two issues form.
   */
  public static NegotiationModel model(
      long seed,
      int issues,
      int options,
      int parties,
      boolean redLines,
      int allowed,
      double reservation) {
    SplittableRandom r = new SplittableRandom(seed);
    List<NegotiatedIssue> is = new ArrayList<>();
    for (int i = 0; i < issues; i++) {
      List<String> opts = new ArrayList<>();
      for (int k = 0; k < options; k++) {
        opts.add("o" + k);
      }
      is.add(new DiscreteIssue("i" + i, opts, Location.unknown("bench")));
    }
    List<NegotiatingParty> ps = new ArrayList<>();
    Map<String, Preference> prefs = new LinkedHashMap<>();
    for (int p = 0; p < parties; p++) {
      String id = "P" + p;
      ps.add(new NegotiatingParty(id, id, Location.unknown("bench")));
      Map<String, Interval> w = new LinkedHashMap<>();
      Map<String, ValueFunction> v = new LinkedHashMap<>();
      for (int i = 0; i < issues; i++) {
        w.put("i" + i, Interval.point(decimals(0.05 + r.nextDouble(), 3)));
        Map<String, Interval> vals = new LinkedHashMap<>();
        for (int k = 0; k < options; k++) {
          vals.put("o" + k, Interval.point(decimals(r.nextDouble(), 4)));
        }
        v.put("i" + i, new ValueFunction.OptionValues(vals));
      }
      List<RedLine> lines = new ArrayList<>();
      if (redLines) {
        for (int i = p; i < issues; i += parties) {
          List<String> ok = new ArrayList<>();
          for (int k = 0; k < allowed; k++) {
            ok.add("'o" + ((k * 3 + i) % options) + "'");
          }
          lines.add(
              new RedLine(
                  id,
                  "i" + i + " in [" + String.join(", ", ok) + "]",
                  "",
                  List.of(),
                  Location.unknown("bench")));
        }
        for (int i = 2 * p; i + 1 < issues; i += 2 * parties) {
          lines.add(
              new RedLine(
                  id,
                  "!(i"
                      + i
                      + " == 'o"
                      + (i % options)
                      + "' && i"
                      + (i + 1)
                      + " == 'o"
                      + ((i + 1) % options)
                      + "')",
                  "",
                  List.of(),
                  Location.unknown("bench")));
        }
      }
      prefs.put(
          id, new Preference(id, w, v, Interval.point(reservation), lines, List.of(), "bench"));
    }
    return new NegotiationModel("bench", "", ps, is, prefs, List.of(), Map.of(), "bench");
  }
}
