package org.umbrella.cli.replay;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;

/**
 * Prints the causal chain of one output: its records (every status change, with the rule that made
 * it), then, indented, the outputs it rests on, down to the input records.
 */
final class ReplayExplainer {
  private static final int MAX_CHILDREN = 25;

  private final Map<String, List<OutputRecord>> outputs;
  private final Map<String, RecordedInput> inputs;
  private final PrintWriter out;
  private final Set<String> shown = new HashSet<>();

  ReplayExplainer(
      Map<String, List<OutputRecord>> outputs, Map<String, RecordedInput> inputs, PrintWriter out) {
    this.outputs = outputs;
    this.inputs = inputs;
    this.out = out;
  }

  /** The input ids the chain of {@code id} mentions (to fetch them before printing). */
  static Set<String> inputIds(String id, Map<String, List<OutputRecord>> outputs) {
    Set<String> ids = new LinkedHashSet<>();
    collect(id, outputs, ids, new HashSet<>());
    return ids;
  }

  private static void collect(
      String id, Map<String, List<OutputRecord>> outputs, Set<String> ids, Set<String> seen) {
    if (!seen.add(id)) {
      return;
    }
    for (OutputRecord r : outputs.getOrDefault(id, List.of())) {
      ids.addAll(r.cause().inputs());
      r.cause().outputs().forEach(o -> collect(o, outputs, ids, seen));
    }
  }

  /** Prints the chain; returns false if no output has this id. */
  boolean explain(String id) {
    if (!outputs.containsKey(id)) {
      return false;
    }
    print(id, "");
    out.flush();
    return true;
  }

  private void print(String id, String indent) {
    List<OutputRecord> records = outputs.get(id);
    if (records == null) {
      RecordedInput in = inputs.get(id);
      out.println(
          indent + (in == null ? "input " + id + " (not in the given event files)" : describe(in)));
      return;
    }
    if (!shown.add(id)) {
      out.println(indent + records.get(0).type() + " " + id + " (shown above)");
      return;
    }
    out.println(indent + heading(records.get(records.size() - 1)));
    Set<String> because = new LinkedHashSet<>();
    for (OutputRecord r : records) {
      out.println(indent + "  " + r.time() + "  " + state(r) + ": " + r.cause().rule());
      for (String in : r.cause().inputs()) {
        because.add(in);
      }
      because.addAll(r.cause().outputs());
    }
    because.remove(id);
    if (because.isEmpty()) {
      return;
    }
    out.println(indent + "  because of:");
    int n = 0;
    for (String b : because) {
      if (++n > MAX_CHILDREN) {
        out.println(indent + "    ... and " + (because.size() - MAX_CHILDREN) + " more");
        break;
      }
      print(b, indent + "    ");
    }
  }

  private static String heading(OutputRecord r) {
    return switch (r) {
      case FindingRecord f ->
          "finding "
              + f.id()
              + " (definition "
              + f.definition()
              + ", actor "
              + (f.actor().isEmpty() ? "unattributed" : f.actor())
              + ", "
              + f.incidents().size()
              + " incident(s)"
              + f.window().map(w -> ", window (" + w.from() + ", " + w.to() + "]").orElse("")
              + ")";
      case ObligationRecord o ->
          "obligation "
              + o.id()
              + " (guarantee "
              + o.guarantee()
              + ", duty "
              + o.duty()
              + ", party "
              + o.party()
              + o.due().map(d -> ", due " + d).orElse(", no deadline")
              + ")";
      case StatusRecord s ->
          s.subjectKind() + " " + s.subject() + " (status change " + s.id() + ")";
      case AlertRecord a ->
          "alert " + a.id() + " to " + String.join(", ", a.to()) + ": " + a.message();
    };
  }

  private static String state(OutputRecord r) {
    return switch (r) {
      case FindingRecord f -> f.status().wireName();
      case ObligationRecord o ->
          o.status().wireName() + (o.decision().isEmpty() ? "" : " (" + o.decision() + ")");
      case StatusRecord s -> s.previous().wireName() + " -> " + s.status().wireName();
      case AlertRecord a -> a.reason();
    };
  }

  private static String describe(RecordedInput recorded) {
    InputRecord in = recorded.record();
    String at = recorded.hasOwnRecordTime() ? ", recorded " + recorded.recordedAt() : "";
    if (in instanceof Incident i) {
      return "incident "
          + i.id()
          + ": "
          + i.kind().wireName()
          + " at "
          + i.time()
          + " ("
          + i.timePrecision().wireName()
          + "), "
          + i.place().lat()
          + ","
          + i.place().lon()
          + " ("
          + i.place().precision().wireName()
          + (i.place().region().isEmpty() ? "" : ", " + i.place().region())
          + "), "
          + (i.actor().attributed()
              ? "by " + i.actor().party() + " (confidence " + i.actor().confidence() + ")"
              : "unattributed")
          + ", "
          + i.status().wireName()
          + ", "
          + i.independentSources()
          + " independent source(s), fatalities "
          + i.fatalities().low()
          + "/"
          + i.fatalities().best()
          + "/"
          + i.fatalities().high()
          + at;
    }
    return in.type() + " " + in.id() + ": " + InputCodec.encode(recorded);
  }
}
