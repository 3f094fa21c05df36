package org.umbrella.stress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.RecordedInput;

/**
 * Runs designs over events: once as recorded, and {@code samples} times under the evidence's
 * uncertainty (docs/stress-test.md).
 *
 * <p>Sample {@code k} of every design draws from the same seed, {@code mix(seed, k)}: the designs
 * are compared on the same redrawn worlds (common random numbers), so a difference between two
 * designs is theirs, not the draw's. Runs are independent and may go in parallel; results are
 * gathered by index, so the report is the same whatever the scheduling. Memory: each design's
 * events are held once, and each sample's redrawn copy only while that sample runs.
 */
public final class StressTest {
  private StressTest() {}

  /**
   * Runs {@code designs}, each over its own list of {@code events} (the same dataset, mapped to
   * that agreement's parties; in record-time order), and returns the report.
   *
   * @throws IllegalArgumentException when the lists differ in length
   * @throws org.umbrella.engine.EngineException when the engine refuses a record
   */
  public static StressReport run(
      List<Design> designs, List<List<RecordedInput>> events, Settings settings) {
    if (designs.size() != events.size()) {
      throw new IllegalArgumentException(
          designs.size() + " designs but " + events.size() + " event lists");
    }
    int n = settings.samples();
    List<String> sources = settings.sensitivity() && n > 0 ? Uncertainty.SOURCES : List.of();
    int perDesign = 1 + n * (1 + sources.size());
    IntStream tasks = IntStream.range(0, designs.size() * perDesign);
    if (settings.parallel()) {
      tasks = tasks.parallel();
    }
    List<Outcome> outcomes =
        tasks
            .mapToObj(
                t -> {
                  int d = t / perDesign;
                  int k = t % perDesign;
                  List<RecordedInput> ev = events.get(d);
                  if (k == 0) {
                    return runOnce(designs.get(d), ev, true);
                  }
                  int sample = (k - 1) % n;
                  int variant = (k - 1) / n;
                  Uncertainty u =
                      variant == 0
                          ? settings.uncertainty()
                          : Uncertainty.only(
                              sources.get(variant - 1), settings.uncertainty().sourceDrop());
                  return runOnce(designs.get(d), u.draw(ev, mix(settings.seed(), sample)), false);
                })
            .toList();
    List<StressReport.DesignResult> results = new ArrayList<>();
    for (int d = 0; d < designs.size(); d++) {
      Design design = designs.get(d);
      List<Outcome> mine = outcomes.subList(d * perDesign, (d + 1) * perDesign);
      Outcome recorded = mine.get(0);
      Optional<StressReport.Sampled> sampled = Optional.empty();
      if (n > 0) {
        StressReport.Sampled all = aggregate(mine.subList(1, 1 + n), Map.of());
        Map<String, Double> sensitivity = new LinkedHashMap<>();
        StressReport.Sampled base = aggregate(List.of(recorded), Map.of());
        for (int s = 0; s < sources.size(); s++) {
          StressReport.Sampled only =
              aggregate(mine.subList(1 + n * (s + 1), 1 + n * (s + 2)), Map.of());
          sensitivity.put(sources.get(s), maxChange(base, only));
        }
        sampled =
            Optional.of(
                new StressReport.Sampled(
                    all.samples(),
                    all.findingConfirmed(),
                    all.meanConfirmed(),
                    all.guaranteeTriggered(),
                    all.guaranteeVoided(),
                    all.medianTriggerLagDays(),
                    all.partyBreached(),
                    sensitivity));
      }
      results.add(
          new StressReport.DesignResult(
              design.name(),
              design.agreement().ref().toString(),
              design.point(),
              recorded,
              sampled));
    }
    return new StressReport(settings, results, parameterSensitivity(results));
  }

  /**
   * Per swept path, the largest change between two designs of the same file whose swept values
   * differ at that path only (a file as written counts as the point where nothing is set).
   */
  static Map<String, Double> parameterSensitivity(List<StressReport.DesignResult> results) {
    // group the designs that differ at one path only: same file, same values at every other path
    Map<String, Set<String>> pathsOf = new HashMap<>();
    for (StressReport.DesignResult r : results) {
      r.point()
          .ifPresent(
              p ->
                  pathsOf
                      .computeIfAbsent(p.base(), k -> new TreeSet<>())
                      .addAll(p.values().keySet()));
    }
    Map<List<Object>, List<StressReport.Sampled>> groups = new LinkedHashMap<>();
    Map<List<Object>, String> groupPath = new HashMap<>();
    for (StressReport.DesignResult r : results) {
      String base = base(r);
      Map<String, String> values =
          r.point().map(Design.Point::values).orElse(Collections.emptySortedMap());
      for (String k : pathsOf.getOrDefault(base, Set.of())) {
        TreeMap<String, String> others = new TreeMap<>(values);
        others.remove(k);
        List<Object> key = List.of(base, k, others);
        groups.computeIfAbsent(key, x -> new ArrayList<>()).add(view(r));
        groupPath.put(key, k);
      }
    }
    Map<String, Double> out = new TreeMap<>();
    groups.forEach(
        (key, members) -> {
          if (members.size() > 1) {
            out.merge(groupPath.get(key), maxRange(members), Math::max);
          }
        });
    return out;
  }

  /**
   * The largest change over {@code members}: the range (max - min) of any probability, or the range
   * of a finding's mean count relative to its largest mean (so that 966 against 700 confirmed
   * counts as 0.28 even where at least one was confirmed in every sample). Missing outcomes count
   * as 0.
   */
  static double maxRange(List<StressReport.Sampled> members) {
    double max = 0;
    Set<String> defs = new TreeSet<>();
    members.forEach(m -> defs.addAll(m.meanConfirmed().keySet()));
    for (String d : defs) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (StressReport.Sampled m : members) {
        double v = m.meanConfirmed().getOrDefault(d, 0.0);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi > 0) {
        max = Math.max(max, (hi - lo) / hi);
      }
    }
    List<Function<StressReport.Sampled, Map<String, Double>>> parts =
        List.of(
            StressReport.Sampled::findingConfirmed,
            StressReport.Sampled::guaranteeTriggered,
            StressReport.Sampled::guaranteeVoided,
            StressReport.Sampled::partyBreached);
    for (var part : parts) {
      Set<String> keys = new TreeSet<>();
      members.forEach(m -> keys.addAll(part.apply(m).keySet()));
      for (String k : keys) {
        double lo = 1;
        double hi = 0;
        for (StressReport.Sampled m : members) {
          double v = part.apply(m).getOrDefault(k, 0.0);
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        max = Math.max(max, hi - lo);
      }
    }
    return max;
  }

  private static String base(StressReport.DesignResult r) {
    return r.point().map(Design.Point::base).orElse(r.name());
  }

  private static StressReport.Sampled view(StressReport.DesignResult r) {
    return r.sampled().orElseGet(() -> aggregate(List.of(r.asRecorded()), Map.of()));
  }

  /** One run of one design over events in record-time order. */
  public static Outcome runOnce(Design design, List<RecordedInput> events, boolean keepPoints) {
    Engine engine = Engine.create(design.agreement());
    OutputTally tally = new OutputTally(design.agreement(), keepPoints);
    for (RecordedInput r : events) {
      tally.input(r.record());
      engine.process(r, tally);
    }
    return tally.outcome();
  }

  /**
   * The seed of sample {@code k}: SplitMix64's finaliser over seed and k, so nearby seeds give
   * unrelated streams.
   */
  static long mix(long seed, int k) {
    long z = seed + 0x9E3779B97F4A7C15L * (k + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static StressReport.Sampled aggregate(List<Outcome> runs, Map<String, Double> sensitivity) {
    int n = runs.size();
    Outcome first = runs.get(0);
    Map<String, Double> confirmed = new LinkedHashMap<>();
    Map<String, Double> mean = new LinkedHashMap<>();
    for (String def : first.findings().keySet()) {
      confirmed.put(def, share(runs, o -> o.confirmed(def) > 0));
      mean.put(def, runs.stream().mapToLong(o -> o.confirmed(def)).sum() / (double) n);
    }
    Map<String, Double> triggered = new LinkedHashMap<>();
    Map<String, Double> voided = new LinkedHashMap<>();
    Map<String, Double> lag = new LinkedHashMap<>();
    for (String g : first.guarantees().keySet()) {
      triggered.put(g, share(runs, o -> o.guarantee(g).firstTriggered().isPresent()));
      voided.put(g, share(runs, o -> o.guarantee(g).voided()));
      double[] lags =
          runs.stream()
              .map(o -> o.guarantee(g).firstLagDays())
              .flatMap(Optional::stream)
              .mapToDouble(Double::doubleValue)
              .sorted()
              .toArray();
      if (lags.length > 0) {
        lag.put(g, median(lags));
      }
    }
    Map<String, Double> breached = new TreeMap<>();
    runs.stream()
        .flatMap(o -> o.obligations().keySet().stream())
        .distinct()
        .forEach(
            p ->
                breached.put(
                    p,
                    share(
                        runs,
                        o ->
                            o.obligations().getOrDefault(p, Map.of()).getOrDefault("breached", 0L)
                                > 0)));
    return new StressReport.Sampled(
        n, confirmed, mean, triggered, voided, lag, breached, sensitivity);
  }

  private static double share(List<Outcome> runs, Predicate<Outcome> p) {
    return runs.stream().filter(p).count() / (double) runs.size();
  }

  private static double median(double[] sorted) {
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  /**
   * The largest absolute difference between the probabilities of two aggregates (outcomes missing
   * from one count as 0).
   */
  static double maxChange(StressReport.Sampled a, StressReport.Sampled b) {
    return maxRange(List.of(a, b));
  }
}
