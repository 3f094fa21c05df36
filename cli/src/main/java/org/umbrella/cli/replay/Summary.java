package org.umbrella.cli.replay;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;

/**
 * Counts what a replay produced, for people: findings by definition, actor, month and region;
 * obligations met and breached; every status change with its time. Memory grows with the number of
 * definitions, months, regions, obligations and status changes, not with the number of incidents.
 */
final class Summary {
  private final Map<String, Long> inputs = new TreeMap<>();
  private long rejectedRows;
  private final List<String> notes = new ArrayList<>();
  private @Nullable Instant first;
  private @Nullable Instant last;
  private final Map<String, long[]> byDefinition = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> byActor = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> byMonth = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> byRegion = new LinkedHashMap<>();
  private final Set<String> openCandidates = new HashSet<>();
  private final Map<String, ObligationStatus> obligations = new LinkedHashMap<>();
  private final List<StatusRecord> statusChanges = new ArrayList<>();
  private final Map<String, Long> alerts = new TreeMap<>();
  private @Nullable InputRecord current;

  private static final String[] COLUMNS = {"raised", "confirmed", "rejected", "withdrawn"};

  Summary(List<String> definitions) {
    for (String d : definitions) {
      byDefinition.put(d, new long[COLUMNS.length]);
    }
  }

  void input(InputRecord r) {
    current = r;
    inputs.merge(r.type(), 1L, Long::sum);
    if (first == null || r.time().isBefore(first)) {
      first = r.time();
    }
    if (last == null || r.time().isAfter(last)) {
      last = r.time();
    }
  }

  void rejected() {
    rejectedRows++;
  }

  void note(String note) {
    notes.add(note);
  }

  void output(OutputRecord o) {
    switch (o) {
      case FindingRecord f -> finding(f);
      case ObligationRecord ob -> obligations.put(ob.id(), ob.status());
      case StatusRecord s -> statusChanges.add(s);
      case AlertRecord a -> alerts.merge(a.reason(), 1L, Long::sum);
    }
  }

  private void finding(FindingRecord f) {
    long[] c = byDefinition.computeIfAbsent(f.definition(), k -> new long[COLUMNS.length]);
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
        String actor = f.actor().isEmpty() ? "(unattributed)" : f.actor();
        byActor.computeIfAbsent(f.definition(), k -> new TreeMap<>()).merge(actor, 1L, Long::sum);
        Instant when = f.window().map(FindingRecord.Window::to).orElse(f.time());
        String region = "(aggregate)";
        if (f.window().isEmpty()
            && current instanceof Incident i
            && f.incidents().equals(List.of(i.id()))) {
          when = i.time();
          region = i.place().region().isEmpty() ? "(no region given)" : i.place().region();
        }
        byMonth
            .computeIfAbsent(f.definition(), k -> new TreeMap<>())
            .merge(when.toString().substring(0, 7), 1L, Long::sum);
        byRegion.computeIfAbsent(f.definition(), k -> new TreeMap<>()).merge(region, 1L, Long::sum);
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

  void print(PrintWriter out, String agreement, long millis) {
    long total = inputs.values().stream().mapToLong(Long::longValue).sum();
    out.printf("Replayed %,d records against %s in %.1f s%n", total, agreement, millis / 1000.0);
    if (first != null) {
      out.printf(
          "  event time %s .. %s; %s%n",
          first,
          last,
          inputs.entrySet().stream()
              .map(e -> String.format("%,d %s", e.getValue(), e.getKey()))
              .reduce((a, b) -> a + ", " + b)
              .orElse(""));
    }
    out.printf(
        "  rejected rows: %,d%s%n",
        rejectedRows, rejectedRows > 0 ? " (listed on stderr or in --rejects)" : "");
    notes.forEach(n -> out.println("  note: " + n));
    out.println();
    out.printf(
        "Findings by definition %16s %10s %10s %10s %10s%n",
        "", COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3]);
    byDefinition.forEach(
        (d, c) ->
            out.printf(
                "  %-36s %10d %10d %10d %10d%s%n",
                d,
                c[0],
                c[1],
                c[2],
                c[3],
                openCandidates.stream().filter(id -> id.startsWith(d + "/")).count() > 0
                    ? "   ("
                        + openCandidates.stream().filter(id -> id.startsWith(d + "/")).count()
                        + " still candidate)"
                    : ""));
    section(out, "Confirmed findings by actor", byActor);
    section(out, "Confirmed findings by month (event time)", byMonth);
    section(out, "Confirmed findings by region (as the source named it)", byRegion);
    out.println();
    Map<ObligationStatus, Long> ob = new EnumMap<>(ObligationStatus.class);
    obligations.values().forEach(s -> ob.merge(s, 1L, Long::sum));
    out.printf(
        "Obligations: %,d created; %,d fulfilled, %,d waived, %,d breached, %,d pending at the end%n",
        obligations.size(),
        ob.getOrDefault(ObligationStatus.FULFILLED, 0L),
        ob.getOrDefault(ObligationStatus.WAIVED, 0L),
        ob.getOrDefault(ObligationStatus.BREACHED, 0L),
        ob.getOrDefault(ObligationStatus.PENDING, 0L));
    out.println();
    out.println("Status changes");
    if (statusChanges.isEmpty()) {
      out.println("  none");
    }
    for (StatusRecord s : statusChanges) {
      out.printf(
          "  %s  %s %s: %s -> %s (%s)%n",
          s.time(),
          s.subjectKind(),
          s.subject(),
          s.previous().wireName(),
          s.status().wireName(),
          s.cause().rule());
    }
    out.println();
    out.println("Alerts" + (alerts.isEmpty() ? ": none" : ""));
    alerts.forEach((reason, n) -> out.printf("  %-28s %,d%n", reason, n));
    out.flush();
  }

  private static void section(PrintWriter out, String title, Map<String, Map<String, Long>> table) {
    if (table.isEmpty()) {
      return;
    }
    out.println();
    out.println(title);
    table.forEach(
        (def, counts) -> {
          out.println("  " + def);
          StringBuilder line = new StringBuilder("    ");
          for (Map.Entry<String, Long> e : counts.entrySet()) {
            String item = e.getKey() + " " + e.getValue();
            if (line.length() + item.length() > 100) {
              out.println(line.toString().stripTrailing());
              line = new StringBuilder("    ");
            }
            line.append(item).append(",  ");
          }
          String rest = line.toString().stripTrailing();
          out.println(rest.endsWith(",") ? rest.substring(0, rest.length() - 1) : rest);
        });
  }
}
