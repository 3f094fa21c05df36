package org.umbrella.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.OutputRecord;

/**
 * Issue 15: the engine, fed a random stream in arrival order (late revisions, re-attributions,
 * re-dating, reviews, out-of-order and future-dated claims), ends where a deliberately simple model
 * of the documented semantics ends when it recomputes everything from the surviving inputs.
 *
 * <p>The model (docs/engine.md, "Findings"): the surviving version of each incident is its last; a
 * match finding stands for each surviving version that satisfies the definition; for each aggregate
 * and actor, the standing findings it counts are sorted by event time (an incident's claimed time,
 * an aggregate's window end) and scanned left to right: the window ending at each distinct time is
 * raised if it holds and the definition is armed, which disarms it for one window length (rule 3).
 * Aggregates over aggregates use the model's own standing aggregates.
 *
 * <p>Compared at the end of the stream: the standing match findings (definition, incident, actor);
 * the standing aggregates (definition, actor, window); every standing aggregate rests only on
 * findings still standing (defect 1), its evidence lies in its window in the model and meets the
 * threshold; and no two findings ever share an id. An aggregate raised before a late finding joined
 * its window keeps the evidence it was raised on (it is not re-raised for more of the same), so
 * evidence is compared by inclusion.
 */
class EngineModelProperties {
  static final Agreement AGREEMENT = load();
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Property(tries = 500)
  void process_randomStreamInArrivalOrder_endsWhereTheModelRecomputedFromSurvivingInputsEnds(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
      @ForAll @IntRange(min = 1, max = 200) int size) {
    List<RecordedInput> stream = stream(new Random(seed), size);
    Map<String, FindingRecord> last = new LinkedHashMap<>();
    Map<String, FindingRecord> raisedBy = new HashMap<>();
    Set<String> retired = new HashSet<>();
    Engine engine = Engine.create(AGREEMENT);
    for (RecordedInput r : stream) {
      for (OutputRecord o : engine.process(r.record(), r.recordedAt())) {
        if (o instanceof FindingRecord f) {
          FindingRecord before = last.get(f.id());
          assertThat(retired)
              .as("a withdrawn finding's id is never raised again: %s", f.id())
              .doesNotContain(f.id());
          if (before == null) {
            raisedBy.put(f.id(), f);
          }
          if (f.status().equals(FindingStatus.WITHDRAWN)) {
            retired.add(f.id());
          }
          last.put(f.id(), f);
        }
      }
    }
    Model model = new Model(stream);
    String input = describe(stream);
    Map<String, FindingRecord> standing = new TreeMap<>();
    last.forEach(
        (id, f) -> {
          if (f.status().equals(FindingStatus.CONFIRMED)) {
            standing.put(id, f);
          }
        });
    Set<String> engineMatches = new TreeSet<>();
    Set<String> engineAggregates = new TreeSet<>();
    for (FindingRecord f : standing.values()) {
      if (f.window().isEmpty()) {
        engineMatches.add(f.definition() + " " + f.incidents().get(0) + " " + f.actor());
      } else {
        engineAggregates.add(
            key(
                f.definition(),
                f.actor(),
                f.window().get().from().toEpochMilli(),
                f.window().get().to().toEpochMilli()));
      }
    }
    assertThat(engineMatches)
        .as("standing match findings; input:%n%s", input)
        .isEqualTo(model.matchKeys());
    assertThat(engineAggregates)
        .as("standing aggregates; input:%n%s", input)
        .isEqualTo(model.aggregates.keySet());
    for (FindingRecord f : standing.values()) {
      if (f.window().isEmpty()) {
        continue;
      }
      FindingRecord raised = raisedBy.get(f.id());
      for (String contributor : raised.cause().outputs()) {
        assertThat(standing)
            .as("%s rests on %s, which no longer stands; input:%n%s", f.id(), contributor, input)
            .containsKey(contributor);
      }
      Agg m =
          model.aggregates.get(
              key(
                  f.definition(),
                  f.actor(),
                  f.window().get().from().toEpochMilli(),
                  f.window().get().to().toEpochMilli()));
      assertThat(m.incidents)
          .as("evidence of %s lies in its window", f.id())
          .containsAll(f.incidents());
    }
  }

  /**
   * The stream as readable lines: record time, id, claimed time, actor, status, kind, zone,
   * fatalities.
   */
  static String describe(List<RecordedInput> stream) {
    StringBuilder b = new StringBuilder();
    for (RecordedInput r : stream) {
      Incident i = (Incident) r.record();
      b.append(
          String.format(
              "  recorded %s  %-4s claims %s  %-2s %-12s %-12s %s  best %d%n",
              r.recordedAt(),
              i.id(),
              i.time(),
              i.actor().party().isEmpty() ? "-" : i.actor().party(),
              i.status().wireName(),
              i.kind().wireName(),
              i.place().lat() < 50 ? "in-zone" : "outside",
              i.fatalities().best()));
    }
    return b.toString();
  }

  static String key(String def, String actor, long from, long to) {
    return def
        + " "
        + actor
        + " ("
        + Instant.ofEpochMilli(from)
        + ", "
        + Instant.ofEpochMilli(to)
        + "]";
  }

  // ------------------------------------------------------------------ the stream

  /** Record times rising by up to 3h (under 28 days in all: every revision is in the horizon). */
  static List<RecordedInput> stream(Random r, int size) {
    List<RecordedInput> out = new ArrayList<>();
    Map<String, Incident> latest = new LinkedHashMap<>();
    long recorded = T0.toEpochMilli();
    String[] actors = {"RU", "RU", "RU", "UA", ""};
    for (int k = 0; k < size; k++) {
      // under 28 days in all, so that no version is forgotten (the revision horizon is 30 days)
      recorded =
          Math.min(recorded + (long) r.nextInt(3 * 60) * 60_000L, T0.toEpochMilli() + 28 * DAY);
      Incident i;
      if (latest.isEmpty() || r.nextInt(10) < 7) {
        String actor = actors[r.nextInt(actors.length)];
        i =
            new Incident(
                "i" + k,
                Instant.ofEpochMilli(claim(r, recorded)),
                TimePrecision.EXACT,
                place(r),
                kind(r),
                actor.isEmpty() ? Actor.UNATTRIBUTED : new Actor(actor, 0.9),
                "",
                new Fatalities(0, r.nextInt(6), 6),
                List.of(new IncidentSource("s" + k, "monitor", "g")),
                status(r),
                List.of());
      } else {
        List<Incident> seen = new ArrayList<>(latest.values());
        Incident old = seen.get(r.nextInt(seen.size()));
        i =
            switch (r.nextInt(6)) {
              case 0 -> old.withStatus(status(r));
              case 1 ->
                  old.withActor(
                      r.nextBoolean() ? new Actor(actors[r.nextInt(4)], 0.7) : Actor.UNATTRIBUTED);
              case 2 ->
                  new Incident(
                      old.id(),
                      Instant.ofEpochMilli(claim(r, recorded)),
                      old.timePrecision(),
                      old.place(),
                      old.kind(),
                      old.actor(),
                      old.target(),
                      old.fatalities(),
                      old.sources(),
                      old.status(),
                      old.tags());
              case 3 ->
                  new Incident(
                      old.id(),
                      old.time(),
                      old.timePrecision(),
                      old.place(),
                      old.kind(),
                      old.actor(),
                      old.target(),
                      new Fatalities(0, r.nextInt(6), 6),
                      old.sources(),
                      old.status(),
                      old.tags());
              case 4 ->
                  new Incident(
                      old.id(),
                      old.time(),
                      old.timePrecision(),
                      place(r),
                      old.kind(),
                      old.actor(),
                      old.target(),
                      old.fatalities(),
                      old.sources(),
                      old.status(),
                      old.tags());
              default -> old.withStatus(ReviewStatus.REJECTED);
            };
      }
      latest.put(i.id(), i);
      out.add(new RecordedInput(i, Instant.ofEpochMilli(recorded)));
    }
    return out;
  }

  /** Mostly on time; often hours or days late (out of order); sometimes a little ahead. */
  static long claim(Random r, long recorded) {
    return switch (r.nextInt(10)) {
      case 0, 1, 2, 3, 4 -> recorded - r.nextInt(600_000);
      case 5, 6, 7 -> recorded - (long) (r.nextDouble() * 5 * DAY);
      case 8 -> recorded - (long) (r.nextDouble() * 20 * DAY);
      default -> recorded + (long) (r.nextDouble() * 2 * DAY);
    };
  }

  static IncidentPlace place(Random r) {
    return r.nextInt(8) == 0
        ? new IncidentPlace(52.0, 37.0, PlacePrecision.EXACT)
        : new IncidentPlace(48.0 + r.nextDouble() * 0.1, 37.0, PlacePrecision.EXACT);
  }

  static Kind kind(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> Kind.PROTEST;
      case 1, 2, 3 -> Kind.ARMED_CLASH;
      default -> Kind.SHELLING;
    };
  }

  static ReviewStatus status(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> ReviewStatus.REPORTED;
      case 1 -> ReviewStatus.REJECTED;
      case 2, 3 -> ReviewStatus.VERIFIED;
      default -> ReviewStatus.CORROBORATED;
    };
  }

  // ------------------------------------------------------------------ the model

  /** One model finding: its actor, event time, value (for sums) and the incidents under it. */
  record Fnd(String actor, long time, double value, Set<String> incidents, int days) {}

  record Agg(String actor, long from, long to, Set<String> incidents) {}

  /** Everything recomputed from the surviving version of each incident. */
  static final class Model {
    final Map<String, Agg> aggregates = new TreeMap<>();
    final List<Incident> violations = new ArrayList<>();

    Model(List<RecordedInput> stream) {
      // The surviving version of each incident, and when the finding standing on it was raised: a
      // revision re-raises it when its actor, time or summed value changed (never edited in place).
      Map<String, Incident> surviving = new LinkedHashMap<>();
      Map<String, Long> raisedAt = new HashMap<>();
      for (RecordedInput r : stream) {
        Incident i = (Incident) r.record();
        Incident before = surviving.get(i.id());
        boolean live = before != null && isViolation(before);
        if (live
            && (!isViolation(i)
                || !before.actor().party().equals(i.actor().party())
                || !before.time().equals(i.time())
                || before.fatalities().best() != i.fatalities().best())) {
          live = false;
        }
        if (isViolation(i) && !live) {
          raisedAt.put(i.id(), r.recordedAt().toEpochMilli());
        }
        surviving.put(i.id(), i);
      }
      List<Fnd> v = new ArrayList<>();
      for (Incident i : surviving.values()) {
        if (isViolation(i)) {
          violations.add(i);
          // evidence raised more than the revision horizon after it happened is not counted in
          // windows
          if (i.time().toEpochMilli() > raisedAt.get(i.id()) - 30 * DAY) {
            v.add(
                new Fnd(
                    i.actor().party(),
                    i.time().toEpochMilli(),
                    i.fatalities().best(),
                    Set.of(i.id()),
                    0));
          }
        }
      }
      List<Fnd> bursts = chain("burst", v, null, 72 * HOUR, 3, 0, 0);
      chain("sustained", v, "RU", 7 * DAY, 3, 2, 0);
      chain("deadly", v, "RU", DAY, 0, 0, 8);
      chain("campaign", bursts, null, 10 * DAY, 2, 0, 0);
    }

    static boolean isViolation(Incident i) {
      boolean inZone = i.place().lat() < 50;
      boolean kind = i.kind() == Kind.SHELLING || i.kind() == Kind.ARMED_CLASH;
      return inZone
          && kind
          && i.status() != ReviewStatus.REJECTED
          && i.status().satisfies(ReviewStatus.CORROBORATED)
          && !i.sources().isEmpty();
    }

    Set<String> matchKeys() {
      Set<String> keys = new TreeSet<>();
      for (Incident i : violations) {
        keys.add("violation " + i.id() + " " + i.actor().party());
      }
      return keys;
    }

    /** The greedy left-to-right scan of rule 3, per actor; returns the raised findings. */
    List<Fnd> chain(
        String def, List<Fnd> over, String by, long window, int count, int days, double sum) {
      Map<String, List<Fnd>> byActor = new TreeMap<>();
      for (Fnd f : over) {
        if (by == null || by.equals(f.actor())) {
          byActor.computeIfAbsent(f.actor(), a -> new ArrayList<>()).add(f);
        }
      }
      List<Fnd> raised = new ArrayList<>();
      byActor.forEach(
          (actor, fs) -> {
            TreeSet<Long> ends = new TreeSet<>();
            fs.forEach(f -> ends.add(f.time()));
            long armed = Long.MIN_VALUE;
            for (long end : ends) {
              if (end < armed) {
                continue;
              }
              List<Fnd> in =
                  fs.stream().filter(f -> f.time() > end - window && f.time() <= end).toList();
              long distinctDays =
                  in.stream().map(f -> Math.floorDiv(f.time(), DAY)).distinct().count();
              double total = in.stream().mapToDouble(Fnd::value).sum();
              boolean holds =
                  in.size() >= Math.max(1, count)
                      && distinctDays >= days
                      && (sum == 0 || total >= sum);
              if (holds) {
                Set<String> incidents = new TreeSet<>();
                in.forEach(f -> incidents.addAll(f.incidents()));
                aggregates.put(
                    key(def, actor, end - window, end),
                    new Agg(actor, end - window, end, incidents));
                raised.add(new Fnd(actor, end, total, incidents, 0));
                armed = end + window;
              }
            }
          });
      return raised;
    }
  }

  static Agreement load() {
    Path file = Path.of("src/test/resources/differential/differential.agreement.yaml");
    try {
      LoadResult result =
          AgreementLoader.load(
              file.getFileName().toString(), Files.readString(file), rel -> Optional.empty());
      if (!result.isValid()) {
        throw new AssertionError(result.toDisplayString());
      }
      return result.agreement();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
