package org.umbrella.stress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.GuaranteeStatus;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;

/**
 * Counts the outputs of one run into an {@link Outcome}. Feed it every input ({@link #input})
 * before the engine processes that input, and every output ({@link #accept}). Keeps the incidents'
 * times and places to measure lags and draw the map, so memory grows with the number of incidents.
 */
final class OutputTally implements Consumer<OutputRecord> {
  private static final int MAX_POINTS = 5000;

  private long inputs;
  private final Map<String, Incident> incidents = new HashMap<>();
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, Instant> firstConfirmed = new HashMap<>();
  private final Map<String, Double> firstLag = new HashMap<>();
  private final Map<String, Map<String, Long>> byMonth = new HashMap<>();
  private final Set<String> openCandidates = new HashSet<>();
  private final Map<String, FindingRecord> confirmedById = new HashMap<>();
  private final Map<String, ObligationRecord> obligations = new LinkedHashMap<>();
  private final Map<String, long[]> triggered = new LinkedHashMap<>();
  private final Map<String, Instant> firstTriggered = new HashMap<>();
  private final Map<String, Double> triggerLag = new HashMap<>();
  private final Map<String, StatusRecord> voided = new HashMap<>();
  private long statusChanges;
  private final Map<String, Long> alerts = new TreeMap<>();
  private final List<double[]> points = new ArrayList<>();
  private final Set<String> pointIncidents = new HashSet<>();

  private final boolean keepPoints;

  /**
   * {@code keepPoints}: whether to keep trigger places (for the as-recorded run's map; samples skip
   * it).
   */
  OutputTally(Agreement agreement, boolean keepPoints) {
    this.keepPoints = keepPoints;
    agreement.findings().keySet().forEach(d -> counts.put(d, new long[4]));
    agreement.guarantees().keySet().forEach(g -> triggered.put(g, new long[1]));
  }

  void input(InputRecord r) {
    inputs++;
    if (r instanceof Incident i) {
      incidents.put(i.id(), i);
    }
  }

  @Override
  public void accept(OutputRecord o) {
    switch (o) {
      case FindingRecord f -> finding(f);
      case ObligationRecord ob -> {
        if (obligations.put(ob.id(), ob) == null) {
          // every confirmed finding that calls on the guarantors is a trigger, not only the first
          String[] parts = ob.id().split("/", 4);
          FindingRecord f = parts.length == 4 ? confirmedById.get(parts[3]) : null;
          if (f != null) {
            addPoints(f);
          }
        }
      }
      case StatusRecord s -> status(s);
      case AlertRecord a -> alerts.merge(a.reason(), 1L, Long::sum);
    }
  }

  private void finding(FindingRecord f) {
    long[] c = counts.computeIfAbsent(f.definition(), k -> new long[4]);
    switch (f.status()) {
      case CANDIDATE -> {
        c[0]++;
        openCandidates.add(f.id());
      }
      case CONFIRMED -> {
        if (!openCandidates.remove(f.id())) {
          c[0]++;
        }
        c[1]++;
        confirmedById.put(f.id(), f);
        if (!firstConfirmed.containsKey(f.definition())) {
          firstConfirmed.put(f.definition(), f.time());
          earliestIncident(f).ifPresent(t -> firstLag.put(f.definition(), days(t, f.time())));
        }
        byMonth
            .computeIfAbsent(f.definition(), k -> new TreeMap<>())
            .merge(f.time().toString().substring(0, 7), 1L, Long::sum);
      }
      case REJECTED -> {
        openCandidates.remove(f.id());
        c[2]++;
      }
      case WITHDRAWN -> {
        openCandidates.remove(f.id());
        c[3]++;
      }
    }
  }

  private void status(StatusRecord s) {
    statusChanges++;
    if (!s.subjectKind().equals("guarantee")) {
      return;
    }
    if (s.status().equals(GuaranteeStatus.TRIGGERED)) {
      triggered.computeIfAbsent(s.subject(), k -> new long[1])[0]++;
      List<FindingRecord> behind = new ArrayList<>();
      for (String id : s.cause().outputs()) {
        FindingRecord f = confirmedById.get(id);
        if (f != null) {
          behind.add(f);
        }
      }
      if (!firstTriggered.containsKey(s.subject())) {
        firstTriggered.put(s.subject(), s.time());
        behind.stream()
            .map(this::earliestIncident)
            .flatMap(Optional::stream)
            .min(Instant::compareTo)
            .ifPresent(t -> triggerLag.put(s.subject(), days(t, s.time())));
      }
      behind.forEach(this::addPoints);
    } else if (s.status().equals(GuaranteeStatus.VOID)) {
      voided.putIfAbsent(s.subject(), s);
    }
  }

  private void addPoints(FindingRecord f) {
    for (String iid : f.incidents()) {
      Incident i = incidents.get(iid);
      if (keepPoints && i != null && points.size() < MAX_POINTS && pointIncidents.add(iid)) {
        points.add(new double[] {i.place().lat(), i.place().lon()});
      }
    }
  }

  private Optional<Instant> earliestIncident(FindingRecord f) {
    Instant min = null;
    for (String id : f.incidents()) {
      Incident i = incidents.get(id);
      if (i != null && (min == null || i.time().isBefore(min))) {
        min = i.time();
      }
    }
    if (min == null && f.window().isPresent()) {
      min = f.window().get().from();
    }
    return Optional.ofNullable(min);
  }

  private static double days(Instant from, Instant to) {
    return Math.round(Duration.between(from, to).toMinutes() / 144.0) / 10.0;
  }

  Outcome outcome() {
    Map<String, Outcome.FindingCount> findings = new LinkedHashMap<>();
    counts.forEach(
        (d, c) ->
            findings.put(
                d,
                new Outcome.FindingCount(
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    Optional.ofNullable(firstConfirmed.get(d)),
                    Optional.ofNullable(firstLag.get(d)),
                    Map.copyOf(byMonth.getOrDefault(d, Map.of())))));
    Map<String, Map<String, Long>> duties = new HashMap<>();
    Map<String, Set<String>> callers = new HashMap<>();
    Map<String, Map<String, Long>> byParty = new TreeMap<>();
    for (ObligationRecord ob : obligations.values()) {
      byParty
          .computeIfAbsent(ob.party(), k -> new TreeMap<>())
          .merge(ob.status().wireName(), 1L, Long::sum);
      String[] parts = ob.id().split("/", 4);
      if (parts.length == 4) {
        callers.computeIfAbsent(ob.guarantee(), k -> new HashSet<>()).add(parts[3]);
      }
      duties
          .computeIfAbsent(ob.guarantee(), k -> new TreeMap<>())
          .merge(ob.party() + ": " + ob.duty(), 1L, Long::sum);
    }
    Map<String, Outcome.GuaranteeCount> guarantees = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : triggered.entrySet()) {
      String g = e.getKey();
      StatusRecord v = voided.get(g);
      guarantees.put(
          g,
          new Outcome.GuaranteeCount(
              e.getValue()[0],
              callers.getOrDefault(g, Set.of()).size(),
              Optional.ofNullable(firstTriggered.get(g)),
              Optional.ofNullable(triggerLag.get(g)),
              v != null,
              Optional.ofNullable(v).map(StatusRecord::time),
              Optional.ofNullable(v).map(x -> x.cause().rule()),
              Map.copyOf(duties.getOrDefault(g, Map.of()))));
    }
    return new Outcome(
        inputs,
        findings,
        guarantees,
        byParty,
        statusChanges,
        Map.copyOf(alerts),
        List.copyOf(points));
  }
}
