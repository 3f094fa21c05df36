package org.umbrella.evidence.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.OutputRecord;

/**
 * Replays the real UCDP sample through the 20-point example and checks the output against the
 * definitions independently of the engine's own code paths (plain JTS covers, direct counting).
 *
 * <p>The example's ceasefire has no in-force date (none was agreed), so nothing would ever be
 * triggered. To exercise the obligation rules on real data, the test also runs a variant in which
 * the ceasefire is in force from 2022-02-24, the commission confirms every second candidate an hour
 * after it is raised, and guarantors answer some obligations in time and some too late.
 */
class UcdpReplayInvariantsTest {

  @Test
  void replay_ucdpSampleThroughTheTwentyPointExample_satisfiesTheDefinitionsAndDeadlines()
      throws IOException {
    Path sample = SharedData.file("events/ucdp-ged-25.1-ukraine-sample.csv").orElse(null);
    Assumptions.assumeTrue(
        sample != null,
        "skipped: ../shared/data/events/ucdp-ged-25.1-ukraine-sample.csv is absent");
    Path example = Repository.root().resolve("examples/ukraine/framework-20pt.agreement.yaml");
    Assumptions.assumeTrue(
        Files.exists(example), "skipped: examples/ukraine/framework-20pt.agreement.yaml is absent");

    List<Incident> incidents = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(sample, StandardCharsets.UTF_8)) {
      ImportStream s = new UcdpImporter(PartyNames.ukraineWar()).open(in);
      while (s.hasNext()) {
        if (s.next() instanceof RowOutcome.Imported i) {
          incidents.add(i.incident());
        }
      }
    }
    incidents.sort(Comparator.comparing(Incident::time));
    Map<String, Incident> byId = new HashMap<>();
    incidents.forEach(i -> byId.put(i.id(), i));

    // The example's evidence bar (two independent sources, attribution confidence 0.8, modelled) is
    // above what a UCDP row carries (one source; confidence 0.5 for state-based events), so the bar
    // is lowered to the data's for this test of the engine's invariants on real rows.
    String relaxed =
        Files.readString(example)
            .replace("      sources: 2\n", "      sources: 1\n")
            .replace(
                "      when: incident.actor.confidence >= 0.8 || incident.actor.party == ''\n", "")
            .replace("      when: incident.actor.confidence >= 0.8\n", "");
    assertThat(relaxed).doesNotContain("sources: 2").doesNotContain("incident.actor.confidence");
    Agreement agreement =
        AgreementLoader.load(example.toString(), relaxed, AgreementFiles.relativeTo(example))
            .agreement();
    List<OutputRecord> plain = run(agreement, new ArrayList<>(incidents));
    checkFindings(agreement, plain, byId);
    assertThat(plain)
        .filteredOn(o -> o instanceof FindingRecord f && f.status().equals(FindingStatus.CONFIRMED))
        .hasSizeGreaterThan(100);

    String text =
        relaxed.replace(
            "    obligors: [UA, RU]\n    cites: [{ source: zelensky-briefing, at: \"point 20: ceasefire once all parties agree\" }]\n",
            "    obligors: [UA, RU]\n    in-force: 2022-02-24T00:00:00Z\n    cites: [{ source: zelensky-briefing, at: \"point 20: ceasefire once all parties agree\" }]\n");
    assertThat(text).contains("in-force: 2022-02-24T00:00:00Z");
    Agreement inForce =
        AgreementLoader.load(example.toString(), text, AgreementFiles.relativeTo(example))
            .agreement();
    List<InputRecord> records = new ArrayList<>(incidents);
    List<FindingRecord> candidates =
        run(inForce, records).stream()
            .filter(o -> o instanceof FindingRecord f && f.status().equals(FindingStatus.CANDIDATE))
            .map(o -> (FindingRecord) o)
            .toList();
    for (int k = 0; k < candidates.size(); k += 2) {
      FindingRecord c = candidates.get(k);
      records.add(
          new Determination(
              "det-" + k,
              c.time().plus(Duration.ofHours(1)),
              "peace-council",
              c.id(),
              Map.of(
                  "US",
                  Vote.CONFIRM,
                  "EU",
                  Vote.CONFIRM,
                  "NATO",
                  Vote.CONFIRM,
                  "RU",
                  Vote.CONFIRM)));
    }
    sortStable(records);
    List<ObligationRecord> created =
        run(inForce, records).stream()
            .filter(
                o ->
                    o instanceof ObligationRecord ob
                        && ob.status().equals(ObligationStatus.PENDING))
            .map(o -> (ObligationRecord) o)
            .toList();
    assertThat(created).isNotEmpty();
    for (int k = 0; k < created.size(); k++) {
      ObligationRecord o = created.get(k);
      Instant due = o.due().orElseThrow();
      Instant when =
          switch (k % 3) {
            case 0 -> due.minusSeconds(1);
            case 1 -> due;
            default -> due.plus(Duration.ofDays(1));
          };
      records.add(
          new Response(
              "resp-" + k,
              when,
              o.id(),
              o.party(),
              Answer.FULFILLED,
              o.duty().equals("military-response") ? "military" : "economic",
              ""));
    }
    sortStable(records);
    List<OutputRecord> out = run(inForce, records);
    checkFindings(inForce, out, byId);
    checkDeadlines(out, records);
  }

  private static void sortStable(List<InputRecord> records) {
    records.sort(Comparator.comparing(InputRecord::time));
  }

  private static List<OutputRecord> run(Agreement agreement, List<InputRecord> records) {
    Engine engine = Engine.create(agreement);
    List<OutputRecord> out = new ArrayList<>();
    records.forEach(r -> engine.process(r, out::add));
    return out;
  }

  /**
   * Every match finding's incident satisfies the match; every aggregate's window holds what its
   * definition asks.
   */
  private static void checkFindings(
      Agreement agreement, List<OutputRecord> out, Map<String, Incident> incidents) {
    GeometryFactory gf = new GeometryFactory();
    Map<String, FindingRecord> raised = new HashMap<>();
    for (OutputRecord o : out) {
      if (!(o instanceof FindingRecord f)
          || f.status().equals(FindingStatus.WITHDRAWN)
          || f.status().equals(FindingStatus.REJECTED)) {
        continue;
      }
      if (raised.putIfAbsent(f.id(), f) != null) {
        continue; // later records of a finding (confirmation by vote) carry the determination as
        // cause
      }
      Finding def = agreement.findings().get(f.definition());
      switch (def) {
        case MatchFinding m -> {
          assertThat(f.incidents()).hasSize(1);
          Incident i = incidents.get(f.incidents().get(0));
          assertThat(m.kinds()).contains(i.kind().wireName());
          assertThat(i.status().satisfies(m.status())).isTrue();
          assertThat(i.independentSources()).isGreaterThanOrEqualTo(m.sources());
          assertThat(m.by().admits(i.actor().party())).isTrue();
          assertThat(f.actor()).isEqualTo(i.actor().party());
          Point p = gf.createPoint(new Coordinate(i.place().lon(), i.place().lat()));
          assertThat(
                  m.within().isEmpty()
                      || m.within().stream()
                          .anyMatch(id -> agreement.places().get(id).geometry().covers(p)))
              .as("%s lies in %s", i.id(), m.within())
              .isTrue();
        }
        case AggregateFinding a -> {
          FindingRecord.Window w = f.window().orElseThrow();
          assertThat(Duration.between(w.from(), w.to()))
              .isEqualTo(Duration.between(w.from(), a.window().addTo(w.from())));
          Set<String> days = new HashSet<>();
          for (String id : f.incidents()) {
            Incident i = incidents.get(id);
            assertThat(i.time()).isAfter(w.from()).isBeforeOrEqualTo(w.to());
            assertThat(i.actor().party()).isEqualTo(f.actor());
            days.add(i.time().toString().substring(0, 10));
          }
          if (a.threshold() instanceof AggregateFinding.Threshold.Count c) {
            assertThat(f.cause().outputs()).hasSizeGreaterThanOrEqualTo(c.atLeast());
          }
          assertThat(days.size()).isGreaterThanOrEqualTo(a.distinctDays().orElse(0));
          assertThat(a.by().admits(f.actor())).isTrue();
        }
      }
    }
  }

  /**
   * Every breached obligation was unanswered at its due time and is breached at exactly that time.
   */
  private static void checkDeadlines(List<OutputRecord> out, List<InputRecord> inputs) {
    Map<String, List<Response>> responses = new TreeMap<>();
    inputs.stream()
        .filter(r -> r instanceof Response)
        .map(r -> (Response) r)
        .forEach(r -> responses.computeIfAbsent(r.obligation(), k -> new ArrayList<>()).add(r));
    int breached = 0;
    int fulfilled = 0;
    for (OutputRecord o : out) {
      if (o instanceof ObligationRecord ob && ob.status().equals(ObligationStatus.BREACHED)) {
        breached++;
        Instant due = ob.due().orElseThrow();
        assertThat(ob.time()).isEqualTo(due);
        assertThat(responses.getOrDefault(ob.id(), List.of()))
            .noneMatch(r -> r.time().isBefore(due));
      }
      if (o instanceof ObligationRecord ob && ob.status().equals(ObligationStatus.FULFILLED)) {
        fulfilled++;
        assertThat(ob.time()).isBefore(ob.due().orElseThrow());
      }
    }
    assertThat(breached).isPositive();
    assertThat(fulfilled).isPositive();
  }
}
