package org.umbrella.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.umbrella.agreement.model.Action;
import org.umbrella.agreement.model.Activation;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Consequence;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.Provision;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.Response;
import org.umbrella.engine.internal.Evaluator.TimerKind;
import org.umbrella.engine.output.Cause;
import org.umbrella.engine.output.GuaranteeStatus;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.ProvisionStatus;
import org.umbrella.engine.output.ProvisionStatus.Stage;
import org.umbrella.engine.output.StatusRecord;
import org.umbrella.engine.output.SubjectStatus;

/**
 * What follows from confirmed findings and from the calendar: guarantees (activation, trigger,
 * void, expiry), the obligations their duties create and the responses to them, provisions (in
 * force, implementation reports, due dates, breach) and consequences (docs/engine.md). Split from
 * {@link Evaluator} (issue 16), which handles the records, findings and windows and calls in here
 * when a finding is confirmed, a response or report is recorded, or a deadline of these kinds falls
 * due; outputs, alerts and timers go through the evaluator ({@link Effects}), so that their order
 * is the one the evaluator has always had. Not thread-safe: one per evaluator.
 *
 * <p>Over 500 lines because the four kinds trigger each other within one record (a trigger creates
 * obligations, a breach sets a status, a status applies consequences) and share the timers; the
 * next seam is provisions, which no other kind reads.
 */
final class Commitments {
  /** What the evaluator lends: its output, its alerts (numbered there) and its timers. */
  interface Effects {
    void emit(OutputRecord r);

    void alert(
        Instant at, List<String> to, String about, String reason, String message, Cause cause);

    void schedule(long at, TimerKind kind, String ref);
  }

  private final FindingRows table;
  private final Effects effects;
  private final List<List<GuaranteeState>> triggeredBy = new ArrayList<>();
  private final List<List<GuaranteeState>> voidedBy = new ArrayList<>();
  private final List<List<Consequence>> consequencesOn = new ArrayList<>();
  private final Map<String, GuaranteeState> guarantees = new LinkedHashMap<>();
  private final Map<String, ProvisionState> provisions = new LinkedHashMap<>();
  private final Map<String, ObligationState> obligations = new HashMap<>();
  private final Set<String> consequencesApplied = new HashSet<>();
  private final Map<String, Integer> statusCount = new HashMap<>();

  private static final class GuaranteeState {
    final Guarantee g;
    GuaranteeStatus status = GuaranteeStatus.INACTIVE;
    long activeFrom = Long.MIN_VALUE;

    GuaranteeState(Guarantee g) {
      this.g = g;
    }
  }

  private static final class ProvisionState {
    final Provision p;
    ProvisionStatus status = ProvisionStatus.PENDING;
    int level = -1;
    long inForceAt = Long.MIN_VALUE;
    long due = Long.MIN_VALUE;
    String anchorInput = "";

    ProvisionState(Provision p) {
      this.p = p;
    }
  }

  private static final class ObligationState {
    final String id;
    final Guarantee g;
    final Duty duty;
    final String party;
    final Optional<Instant> due;
    final String trigger;
    ObligationStatus status = ObligationStatus.PENDING;

    ObligationState(
        String id, Guarantee g, Duty duty, String party, Optional<Instant> due, String trigger) {
      this.id = id;
      this.g = g;
      this.duty = duty;
      this.party = party;
      this.due = due;
      this.trigger = trigger;
    }
  }

  /**
   * Indexes the agreement's guarantees, provisions and consequences by the definitions that
   * trigger, void or apply them ({@code defIndex}: definition id to index), and sets the timers of
   * fixed dates (provisions first, then guarantees, in agreement order).
   */
  Commitments(
      Agreement agreement, Map<String, Integer> defIndex, FindingRows table, Effects effects) {
    this.table = table;
    this.effects = effects;
    for (int k = 0; k < defIndex.size(); k++) {
      triggeredBy.add(new ArrayList<>());
      voidedBy.add(new ArrayList<>());
      consequencesOn.add(new ArrayList<>());
    }
    for (Provision p : agreement.provisions().values()) {
      ProvisionState ps = new ProvisionState(p);
      provisions.put(p.id(), ps);
      p.inForce()
          .ifPresent(
              at -> effects.schedule(at.toEpochMilli(), TimerKind.PROVISION_IN_FORCE, p.id()));
    }
    for (Guarantee g : agreement.guarantees().values()) {
      GuaranteeState gs = new GuaranteeState(g);
      guarantees.put(g.id(), gs);
      Integer t = defIndex.get(g.trigger());
      if (t != null) {
        triggeredBy.get(t).add(gs);
      }
      for (String v : g.voidIf()) {
        Integer vi = defIndex.get(v);
        if (vi != null) {
          voidedBy.get(vi).add(gs);
        }
      }
      if (g.activates() instanceof Activation.At at) {
        effects.schedule(at.at().toEpochMilli(), TimerKind.GUARANTEE_ACTIVATE, g.id());
      }
    }
    for (Consequence c : agreement.consequences().values()) {
      Integer on = defIndex.get(c.on());
      if (on != null) {
        consequencesOn.get(on).add(c);
      }
    }
  }

  /**
   * The state a timer names: timers are only set for states this class keeps, so a miss is a bug
   * here.
   */
  private static <T> T known(Map<String, T> states, String ref) {
    T state = states.get(ref);
    if (state == null) {
      throw new IllegalStateException("a timer names '" + ref + "', which has no state");
    }
    return state;
  }

  /**
   * A timer of one of these kinds fell due at {@code at}; {@code ref} is the provision, guarantee
   * or obligation.
   */
  void fire(TimerKind kind, String ref, Instant at) {
    switch (kind) {
      case PROVISION_IN_FORCE ->
          provisionInForce(
              known(provisions, ref),
              at,
              new Cause(ref, "in force on its date " + at, List.of(), List.of()));
      case GUARANTEE_ACTIVATE ->
          activate(
              known(guarantees, ref),
              at,
              new Cause(ref, "activates at " + at, List.of(), List.of()));
      case GUARANTEE_EXPIRE -> {
        GuaranteeState gs = known(guarantees, ref);
        if (gs.status.isInEffect()) {
          guaranteeStatus(
              gs,
              GuaranteeStatus.EXPIRED,
              at,
              new Cause(
                  gs.g.id(),
                  "term of "
                      + gs.g.term().orElseThrow()
                      + " from "
                      + Instant.ofEpochMilli(gs.activeFrom)
                      + " ended",
                  List.of(),
                  List.of()));
        }
      }
      case PROVISION_DUE -> {
        ProvisionState ps = known(provisions, ref);
        if (ps.level < 3 && !ps.status.isAny(Stage.REVOKED, Stage.SUSPENDED, Stage.BREACHED)) {
          provisionStatus(
              ps,
              ProvisionStatus.BREACHED,
              at,
              new Cause(
                  ps.p.id(),
                  "not implemented (level 3) by its due date "
                      + at
                      + " ("
                      + ps.p.due().orElseThrow().within()
                      + " after "
                      + ps.p.due().orElseThrow().after()
                      + ")",
                  ps.anchorInput.isEmpty() ? List.of() : List.of(ps.anchorInput),
                  List.of()));
        }
      }
      case OBLIGATION_DUE -> {
        ObligationState o = known(obligations, ref);
        if (o.status == ObligationStatus.PENDING) {
          o.status = ObligationStatus.BREACHED;
          effects.emit(
              new ObligationRecord(
                  o.id,
                  at,
                  o.g.id(),
                  o.duty.id(),
                  o.party,
                  o.due,
                  ObligationStatus.BREACHED,
                  "",
                  new Cause(
                      o.g.id(),
                      "no response by " + o.due.orElseThrow(),
                      List.of(),
                      List.of(o.trigger))));
        }
      }
      default -> throw new IllegalStateException("not a commitment's timer: " + kind);
    }
  }

  /**
   * Finding {@code f} (of definition {@code defId}) was confirmed at {@code at}: triggers, voids,
   * consequences.
   */
  void confirmed(int f, String defId, Instant at) {
    // indexed loops: no iterator per confirmed finding
    List<GuaranteeState> triggered = triggeredBy.get(table.definition(f));
    for (int i = 0; i < triggered.size(); i++) {
      GuaranteeState gs = triggered.get(i);
      if (gs.status.isInEffect() && gs.g.isAgainst(table.actor(f))) {
        trigger(gs, f, at);
      }
    }
    List<GuaranteeState> voided = voidedBy.get(table.definition(f));
    for (int i = 0; i < voided.size(); i++) {
      GuaranteeState gs = voided.get(i);
      if (table.actor(f).equals(gs.g.protects()) && !gs.status.isFinal()) {
        guaranteeStatus(
            gs,
            GuaranteeStatus.VOID,
            at,
            new Cause(
                gs.g.id(),
                "void-if "
                    + defId
                    + ": a confirmed finding against the protected party "
                    + gs.g.protects(),
                List.of(),
                List.of(table.id(f))));
      }
    }
    List<Consequence> on = consequencesOn.get(table.definition(f));
    for (int i = 0; i < on.size(); i++) {
      Consequence c = on.get(i);
      if (c.by().admits(table.actor(f))
          && consequencesApplied.add(c.id() + "\u0000" + table.id(f))) {
        applyConsequence(c, f, at);
      }
    }
  }

  // ---------------------------------------------------------------- guarantees and obligations

  private void activate(GuaranteeState gs, Instant at, Cause cause) {
    if (gs.status != GuaranteeStatus.INACTIVE) {
      return;
    }
    gs.activeFrom = at.toEpochMilli();
    guaranteeStatus(gs, GuaranteeStatus.ACTIVE, at, cause);
    gs.g
        .term()
        .ifPresent(
            term ->
                effects.schedule(
                    term.addTo(at).toEpochMilli(), TimerKind.GUARANTEE_EXPIRE, gs.g.id()));
  }

  private void trigger(GuaranteeState gs, int f, Instant at) {
    if (gs.status == GuaranteeStatus.ACTIVE) {
      guaranteeStatus(
          gs,
          GuaranteeStatus.TRIGGERED,
          at,
          new Cause(
              gs.g.id(),
              "trigger "
                  + gs.g.trigger()
                  + " confirmed against "
                  + (table.actor(f).isEmpty() ? "an unattributed actor" : table.actor(f)),
              List.of(),
              List.of(table.id(f))));
    }
    for (Duty duty : gs.g.duties()) {
      for (String party : duty.each().resolve(gs.g)) {
        String id = gs.g.id() + "/" + duty.id() + "/" + party + "/" + table.id(f);
        if (obligations.containsKey(id)) {
          continue;
        }
        Optional<Instant> due = duty.within().map(w -> w.addTo(at));
        ObligationState o = new ObligationState(id, gs.g, duty, party, due, table.id(f));
        obligations.put(id, o);
        effects.emit(
            new ObligationRecord(
                id,
                at,
                gs.g.id(),
                duty.id(),
                party,
                due,
                ObligationStatus.PENDING,
                "",
                new Cause(
                    gs.g.id(),
                    "duty "
                        + duty.id()
                        + " of each "
                        + duty.each()
                        + duty.within()
                            .map(w -> " within " + w + " of the trigger")
                            .orElse(", without deadline"),
                    List.of(),
                    List.of(table.id(f)))));
        due.ifPresent(d -> effects.schedule(d.toEpochMilli(), TimerKind.OBLIGATION_DUE, id));
      }
    }
  }

  private void guaranteeStatus(GuaranteeState gs, GuaranteeStatus status, Instant at, Cause cause) {
    GuaranteeStatus previous = gs.status;
    gs.status = status;
    emitStatus(gs.g.id(), status, previous, at, cause);
  }

  /** A response to an obligation, recorded at {@code at} (the engine clock). */
  void response(Response r, Instant at) {
    ObligationState o = obligations.get(r.obligation());
    if (o == null) {
      effects.alert(
          at,
          List.of(r.party()),
          r.id(),
          "response-ignored",
          "response " + r.id() + " names obligation '" + r.obligation() + "', which does not exist",
          new Cause("", "unknown obligation", List.of(r.id()), List.of()));
      return;
    }
    String problem = null;
    if (!o.party.equals(r.party())) {
      problem = "the obligation is " + o.party + "'s, not " + r.party() + "'s";
    } else if (o.status.isFinal()) {
      problem = "the obligation was already " + o.status.wireName();
    } else if (r.answer() == Answer.FULFILLED
        && !o.duty.options().isEmpty()
        && !o.duty.options().contains(r.decision())) {
      problem =
          "the decision '"
              + r.decision()
              + "' is not one of the duty's options "
              + o.duty.options();
    }
    if (problem != null) {
      effects.alert(
          at,
          List.of(r.party()),
          r.id(),
          "response-ignored",
          "response " + r.id() + " to " + o.id + " is not counted: " + problem,
          new Cause(o.g.id(), problem, List.of(r.id()), List.of(o.id)));
      return;
    }
    o.status = ObligationStatus.answered(r.answer());
    effects.emit(
        new ObligationRecord(
            o.id,
            at,
            o.g.id(),
            o.duty.id(),
            o.party,
            o.due,
            o.status,
            r.answer() == Answer.FULFILLED ? r.decision() : "",
            new Cause(
                o.g.id(),
                r.answer() == Answer.FULFILLED
                    ? o.due.map(d -> "answered before " + d).orElse("answered")
                    : "waived",
                List.of(r.id()),
                List.of(o.trigger))));
  }

  // ---------------------------------------------------------------- provisions and consequences

  private void provisionInForce(ProvisionState ps, Instant at, Cause cause) {
    if (ps.inForceAt != Long.MIN_VALUE) {
      return;
    }
    ps.inForceAt = at.toEpochMilli();
    if (ps.status.stage() == Stage.PENDING) {
      provisionStatus(ps, ProvisionStatus.IN_FORCE, at, cause);
    }
    for (GuaranteeState gs : guarantees.values()) {
      if (gs.g.activates() instanceof Activation.WhenInForce w && w.provision().equals(ps.p.id())) {
        activate(
            gs,
            at,
            new Cause(
                gs.g.id(),
                "activates when " + ps.p.id() + " is in force",
                List.of(),
                List.of(ps.p.id())));
      }
    }
    for (ProvisionState other : provisions.values()) {
      if (other.p.due().isPresent()
          && other.p.due().get().after().equals(ps.p.id())
          && other.due == Long.MIN_VALUE) {
        other.due = other.p.due().get().within().addTo(at).toEpochMilli();
        other.anchorInput = cause.inputs().isEmpty() ? "" : cause.inputs().get(0);
        effects.schedule(other.due, TimerKind.PROVISION_DUE, other.p.id());
        provisionInForce(
            other,
            at,
            new Cause(
                other.p.id(),
                "in force with " + ps.p.id() + "; due by " + Instant.ofEpochMilli(other.due),
                cause.inputs(),
                List.of(ps.p.id())));
      }
    }
  }

  /** An implementation report on a provision, recorded at {@code at}. */
  void provisionReport(ProvisionReport r, Instant at) {
    ProvisionState ps = provisions.get(r.provision());
    if (ps == null || ps.status.stage() == Stage.REVOKED) {
      effects.alert(
          at,
          ps == null ? List.of() : ps.p.obligors(),
          r.id(),
          "report-ignored",
          ps == null
              ? "report " + r.id() + " names unknown provision '" + r.provision() + "'"
              : "report " + r.id() + " on " + r.provision() + " comes after it was revoked",
          new Cause(r.provision(), "report ignored", List.of(r.id()), List.of()));
      return;
    }
    ps.level = r.level();
    ProvisionStatus status = ProvisionStatus.implemented(r.level());
    if (!status.equals(ps.status)) {
      provisionStatus(
          ps,
          status,
          at,
          new Cause(
              ps.p.id(),
              "implementation reported at level "
                  + r.level()
                  + (r.note().isEmpty() ? "" : ": " + r.note()),
              List.of(r.id()),
              List.of()));
    }
  }

  private void provisionStatus(ProvisionState ps, ProvisionStatus status, Instant at, Cause cause) {
    ProvisionStatus previous = ps.status;
    ps.status = status;
    emitStatus(ps.p.id(), status, previous, at, cause);
  }

  private void applyConsequence(Consequence c, int f, Instant at) {
    for (Action action : c.then()) {
      switch (action) {
        case Action.Revoke r -> {
          ProvisionState ps = provisions.get(r.provision());
          if (ps != null && ps.status.stage() != Stage.REVOKED) {
            provisionStatus(
                ps,
                ProvisionStatus.REVOKED,
                at,
                new Cause(
                    c.id(),
                    "consequence " + c.id() + " on " + c.on() + " by " + c.by(),
                    List.of(),
                    List.of(table.id(f))));
          }
        }
        case Action.Suspend s -> {
          ProvisionState ps = provisions.get(s.provision());
          if (ps != null && !ps.status.isAny(Stage.REVOKED, Stage.SUSPENDED)) {
            provisionStatus(
                ps,
                ProvisionStatus.SUSPENDED,
                at,
                new Cause(
                    c.id(),
                    "consequence " + c.id() + " on " + c.on() + " by " + c.by(),
                    List.of(),
                    List.of(table.id(f))));
          }
        }
        case Action.Notify n ->
            effects.alert(
                at,
                n.parties(),
                table.id(f),
                "consequence",
                "consequence "
                    + c.id()
                    + " applies: "
                    + table.id(f)
                    + " ("
                    + c.on()
                    + (table.actor(f).isEmpty() ? "" : " by " + table.actor(f))
                    + ") is confirmed",
                new Cause(
                    c.id(),
                    "consequence " + c.id() + " on " + c.on() + " by " + c.by(),
                    List.of(),
                    List.of(table.id(f))));
      }
    }
  }

  private void emitStatus(
      String subject, SubjectStatus status, SubjectStatus previous, Instant at, Cause cause) {
    int n = statusCount.merge(subject, 1, Integer::sum);
    effects.emit(new StatusRecord(subject + "#" + n, at, subject, status, previous, cause));
  }
}
