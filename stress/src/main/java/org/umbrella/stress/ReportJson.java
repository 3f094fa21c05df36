package org.umbrella.stress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.json.CanonicalJson;

/**
 * Writes a {@link StressReport} as canonical JSON (keys sorted, no whitespace; docs/stress-test.md,
 * "report.json"), so that the same report always gives the same bytes. Nothing in it depends on the
 * machine, the time of the run or the scheduling.
 */
public final class ReportJson {
  private ReportJson() {}

  /** The report's JSON text, ending with a newline. */
  public static String write(StressReport report) {
    return CanonicalJson.write(toMap(report)) + "\n";
  }

  static Map<String, Object> toMap(StressReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    Settings s = report.settings();
    Uncertainty u = s.uncertainty();
    m.put("format", 1);
    m.put("samples", s.samples());
    m.put("seed", s.seed());
    m.put(
        "uncertainty",
        Map.of(
            "attribution",
            u.attribution(),
            "location",
            u.location(),
            "fatalities",
            u.fatalities(),
            "source-drop",
            u.sourceDrop()));
    List<Object> designs = new ArrayList<>();
    for (StressReport.DesignResult d : report.designs()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("name", d.name());
      dm.put("agreement", d.agreement());
      d.point().ifPresent(p -> dm.put("sweep", Map.of("base", p.base(), "values", p.values())));
      dm.put("as-recorded", outcome(d.asRecorded()));
      d.sampled().ifPresent(x -> dm.put("sampled", sampled(x)));
      designs.add(dm);
    }
    m.put("designs", designs);
    m.put("parameter-sensitivity", report.parameterSensitivity());
    return m;
  }

  private static Map<String, Object> outcome(Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputs", o.inputs());
    Map<String, Object> findings = new LinkedHashMap<>();
    o.findings()
        .forEach(
            (def, c) -> {
              Map<String, Object> f = new LinkedHashMap<>();
              f.put("raised", c.raised());
              f.put("confirmed", c.confirmed());
              f.put("rejected", c.rejected());
              f.put("withdrawn", c.withdrawn());
              c.firstConfirmed().ifPresent(t -> f.put("first-confirmed", t.toString()));
              c.firstLagDays().ifPresent(x -> f.put("first-lag-days", x));
              f.put("confirmed-by-month", c.confirmedByMonth());
              findings.put(def, f);
            });
    m.put("findings", findings);
    Map<String, Object> guarantees = new LinkedHashMap<>();
    o.guarantees()
        .forEach(
            (g, c) -> {
              Map<String, Object> x = new LinkedHashMap<>();
              x.put("triggered", c.triggered());
              x.put("trigger-findings", c.triggerFindings());
              c.firstTriggered().ifPresent(t -> x.put("first-triggered", t.toString()));
              c.firstLagDays().ifPresent(t -> x.put("first-lag-days", t));
              x.put("voided", c.voided());
              c.voidedAt().ifPresent(t -> x.put("voided-at", t.toString()));
              c.voidCause().ifPresent(t -> x.put("void-cause", t));
              x.put("duties", c.duties());
              guarantees.put(g, x);
            });
    m.put("guarantees", guarantees);
    m.put("obligations", o.obligations());
    m.put("status-changes", o.statusChanges());
    m.put("alerts", o.alerts());
    m.put("trigger-points", o.triggerPoints().stream().map(p -> List.of(p[0], p[1])).toList());
    return m;
  }

  private static Map<String, Object> sampled(StressReport.Sampled s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", s.samples());
    m.put("finding-confirmed", s.findingConfirmed());
    m.put("mean-confirmed", s.meanConfirmed());
    m.put("guarantee-triggered", s.guaranteeTriggered());
    m.put("guarantee-voided", s.guaranteeVoided());
    m.put("median-trigger-lag-days", s.medianTriggerLagDays());
    m.put("party-breached", s.partyBreached());
    m.put("sensitivity", s.sensitivity());
    return m;
  }
}
