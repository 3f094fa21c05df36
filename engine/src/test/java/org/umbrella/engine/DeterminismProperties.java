package org.umbrella.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.output.OutputCodec;

/**
 * Rule 1: output is a pure function of the agreement and the input. Random streams (incidents with
 * revisions and re-attributions, determinations, responses, reports, ticks) against the guarantee
 * scenario's agreement give identical bytes when replayed twice, and when cut into arbitrary chunks
 * that are each encoded to JSON Lines and decoded again (as replaying several files does) with the
 * engine's state carried from one chunk to the next.
 */
class DeterminismProperties {
  static final Agreement AGREEMENT =
      Scenarios.agreement(Path.of("src/test/resources/scenarios/13-determination-majority"));

  @Property(tries = 40)
  void process_sameInputTwice_givesIdenticalBytes(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    List<InputRecord> input = stream(seed, 400);
    assertThat(Scenarios.run(AGREEMENT, input)).isEqualTo(Scenarios.run(AGREEMENT, input));
  }

  @Property(tries = 40)
  void process_cutIntoChunksWithStateCarriedOver_givesIdenticalBytes(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 50) int maxChunk) {
    List<InputRecord> input = stream(seed, 400);
    String whole = Scenarios.run(AGREEMENT, input);
    Random cuts = new Random(seed ^ maxChunk);
    Engine engine = Engine.create(AGREEMENT);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < input.size()) {
      int n = 1 + cuts.nextInt(maxChunk);
      // each chunk travels as JSON Lines, as when a replay reads several files in turn
      List<String> lines =
          input.subList(i, Math.min(input.size(), i + n)).stream().map(InputCodec::encode).toList();
      long lineNo = 0;
      for (String line : lines) {
        engine.process(
            InputCodec.decode(line, ++lineNo),
            o -> {
              OutputCodec.encode(o, out);
              out.append('\n');
            });
      }
      i += n;
    }
    assertThat(out.toString()).isEqualTo(whole);
    assertThat(whole).isNotEmpty();
  }

  /** A random but plausible stream for the guarantee agreement, in time order. */
  static List<InputRecord> stream(long seed, int size) {
    Random r = new Random(seed);
    List<InputRecord> out = new ArrayList<>();
    List<Incident> seen = new ArrayList<>();
    long t = Instant.parse("2026-02-25T00:00:00Z").toEpochMilli();
    String[] parties = {"RU", "RU", "RU", "UA", ""};
    String[] members = {"US", "GB", "FR", "DE", "UA"};
    for (int k = 0; k < size; k++) {
      t += r.nextInt(6 * 3600) * 1000L;
      Instant at = Instant.ofEpochMilli(t);
      int what = r.nextInt(20);
      if (what < 12 || seen.isEmpty()) {
        String party = parties[r.nextInt(parties.length)];
        boolean capital = r.nextInt(15) == 0;
        Incident i =
            new Incident(
                "i" + k,
                at,
                TimePrecision.EXACT,
                capital
                    ? new IncidentPlace(55.75, 37.62, PlacePrecision.EXACT)
                    : new IncidentPlace(
                        48 + r.nextGaussian() * 0.4,
                        37 + r.nextGaussian() * 0.5,
                        PlacePrecision.NEAR),
                capital
                    ? Kind.MISSILE_STRIKE
                    : (r.nextBoolean() ? Kind.SHELLING : Kind.ARMED_CLASH),
                party.isEmpty() ? Actor.UNATTRIBUTED : new Actor(party, 0.8),
                "",
                new Fatalities(0, r.nextInt(5), r.nextInt(5)),
                List.of(new IncidentSource("s" + k, "monitor", "g" + r.nextInt(3))),
                ReviewStatus.values()[r.nextInt(3) + (capital ? 1 : 0)],
                List.of());
        seen.add(i);
        out.add(i);
      } else if (what < 14) {
        Incident old = seen.get(r.nextInt(seen.size()));
        Incident revised =
            r.nextBoolean()
                ? old.withActor(new Actor(parties[r.nextInt(4)], 0.6))
                : old.withStatus(ReviewStatus.values()[r.nextInt(4)]);
        out.add(revised);
      } else if (what < 17) {
        String finding =
            r.nextInt(4) == 0
                ? "capital-strike/i" + r.nextInt(k + 1)
                : "attack/" + (1 + r.nextInt(4));
        Map<String, Vote> votes = new java.util.TreeMap<>();
        votes.put(members[r.nextInt(5)], Vote.CONFIRM);
        votes.put(members[r.nextInt(5)], Vote.values()[r.nextInt(3)]);
        out.add(new Determination("d" + k, at, "commission", finding, votes));
      } else if (what < 18) {
        String g = r.nextBoolean() ? "US" : "GB";
        out.add(
            new Response(
                "r" + k,
                at,
                "defence/"
                    + (r.nextBoolean() ? "consult" : "decide")
                    + "/"
                    + g
                    + "/attack/"
                    + (1 + r.nextInt(3)),
                g,
                r.nextInt(4) == 0 ? Answer.WAIVED : Answer.FULFILLED,
                r.nextBoolean() ? "economic" : "",
                ""));
      } else if (what < 19) {
        out.add(
            new ProvisionReport(
                "p" + k, at, r.nextBoolean() ? "exchange" : "relief", r.nextInt(4), ""));
      } else {
        out.add(new Tick(at));
      }
    }
    return out;
  }
}
