package org.umbrella.agreement.explain;

import static org.umbrella.agreement.explain.ExplainPhrases.about;
import static org.umbrella.agreement.explain.ExplainPhrases.cites;
import static org.umbrella.agreement.explain.ExplainPhrases.km;
import static org.umbrella.agreement.explain.ExplainPhrases.lowerFirst;
import static org.umbrella.agreement.explain.ExplainPhrases.orWords;
import static org.umbrella.agreement.explain.ExplainPhrases.words;

import java.util.Optional;
import org.umbrella.agreement.load.internal.LocalProjection;
import org.umbrella.agreement.model.Action;
import org.umbrella.agreement.model.Activation;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Consequence;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.DutyBearers;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.Place;
import org.umbrella.agreement.model.PlaceShape;
import org.umbrella.agreement.model.Recusal;
import org.umbrella.agreement.model.Source;
import org.umbrella.agreement.model.VotingRule;

/**
 * Renders an agreement as plain English, section by section, each clause followed by its citations
 * in brackets.
 *
 * <p>The text is deterministic (file order, fixed number formats), so it can be kept as a golden
 * file. Stateless and thread-safe.
 */
public final class Explainer {
  private Explainer() {}

  /** The whole agreement in plain language, ending with a line break. */
  public static String explain(Agreement a) {
    return new Writer(a).write();
  }

  private static final class Writer {
    private final Agreement a;
    private final ExplainPhrases say;
    private final ExplainLayout out = new ExplainLayout();

    Writer(Agreement a) {
      this.a = a;
      this.say = new ExplainPhrases(a);
    }

    String write() {
      header();
      guarantees();
      findings();
      new PartyUndertakings(a, say, out).write();
      consequences();
      bodies();
      places();
      sources();
      return out.text();
    }

    // ------------------------------------------------------------ sections

    private void header() {
      out.line(a.ref() + ": " + a.title());
      out.para(
          0,
          "Status: "
              + a.status()
              + "."
              + a.supersedes().map(s -> " Supersedes " + s + ".").orElse("")
              + " Format "
              + a.format()
              + ".");
      a.notice().ifPresent(n -> out.para(0, "Notice: " + n));
      out.para(
          0,
          "In short: "
              + a.parties().size()
              + " parties, "
              + a.guarantees().size()
              + (a.guarantees().size() == 1 ? " guarantee, " : " guarantees, ")
              + a.findings().size()
              + " finding definitions, "
              + a.provisions().size()
              + " provisions, "
              + a.consequences().size()
              + (a.consequences().size() == 1 ? " consequence, " : " consequences, ")
              + a.bodies().size()
              + (a.bodies().size() == 1 ? " body." : " bodies."));
    }

    private void guarantees() {
      out.heading("Guarantees");
      if (a.guarantees().isEmpty()) {
        out.para(2, "None.");
      }
      for (Guarantee g : a.guarantees().values()) {
        out.blankLine();
        out.para(2, g.id() + g.title().map(t -> ": " + t).orElse("") + " " + cites(g.cites()));
        g.text().ifPresent(t -> out.para(4, "In the text's words (paraphrased): " + t));
        String against =
            g.against().isEmpty()
                ? "any party that is neither a guarantor nor protected"
                : say.parties(g.against());
        out.para(
            4,
            words(g.guarantors().stream().map(say::party).toList())
                + (g.guarantors().size() == 1 ? " guarantees " : " guarantee ")
                + say.party(g.protects())
                + " against "
                + against
                + ".");
        String activation =
            switch (g.activates()) {
              case Activation.At at -> "It takes effect at " + at.at() + ".";
              case Activation.WhenInForce w ->
                  "It takes effect when provision "
                      + say.provisionRef(w.provision())
                      + " enters into force.";
            };
        String term =
            g.term()
                .map(
                    t ->
                        " It lasts "
                            + t.describe()
                            + " from then"
                            + (g.renewable() ? " and is renewable." : ", not renewable."))
                .orElse(" It has no fixed term.");
        out.para(4, activation + term);
        Finding trigger = a.findings().get(g.trigger());
        out.para(
            4,
            "It is triggered when finding "
                + say.findingRef(g.trigger())
                + " is confirmed against "
                + against
                + (trigger != null && trigger.determinedBy().isPresent()
                    ? ", as determined by " + say.bodyName(trigger.determinedBy().get()) + "."
                    : ", automatically from the evidence."));
        if (g.duties().isEmpty()) {
          out.para(4, "The text lists no duties: a trigger creates no obligation.");
        } else {
          out.para(4, "Then:");
          for (Duty d : g.duties()) {
            out.item(6, duty(g, d));
          }
        }
        if (g.voidIf().isEmpty()) {
          out.para(4, "Nothing in the text voids it.");
        } else {
          out.para(
              4,
              "It is void if any of these is confirmed against " + say.party(g.protects()) + ":");
          for (String v : g.voidIf()) {
            Finding f = a.findings().get(v);
            out.item(6, say.findingRef(v) + (f == null ? "" : " " + cites(f.cites())));
          }
        }
      }
    }

    private String duty(Guarantee g, Duty d) {
      String who =
          switch (d.each()) {
            case DutyBearers.Guarantors x ->
                "each guarantor (" + String.join(", ", g.guarantors()) + ")";
            case DutyBearers.Protected x -> "the protected party (" + g.protects() + ")";
            case DutyBearers.Parties p -> words(p.parties().stream().map(say::party).toList());
          };
      String what = d.title().orElse(d.id());
      String deadline =
          d.within()
              .map(w -> "within " + w.describe() + " of the trigger's confirmation")
              .orElse("with no deadline (it can never be breached)");
      String options =
          d.options().isEmpty() ? "" : "; the answer is one of " + orWords(d.options());
      return d.id()
          + ": "
          + who
          + " must "
          + lowerFirst(what)
          + ", "
          + deadline
          + options
          + ". "
          + cites(d.cites());
    }

    private void findings() {
      out.heading("Findings (what the mechanism determines from evidence)");
      if (a.findings().isEmpty()) {
        out.para(2, "None.");
      }
      for (Finding f : a.findings().values()) {
        out.blankLine();
        out.para(2, f.id() + f.title().map(t -> ": " + t).orElse("") + " " + cites(f.cites()));
        switch (f) {
          case MatchFinding m -> out.para(4, match(m));
          case AggregateFinding g -> out.para(4, aggregate(g));
        }
        out.para(
            4,
            f.determinedBy()
                .map(
                    b ->
                        "Confirmed only when "
                            + say.bodyName(b)
                            + " decides so by its rule"
                            + f.decideWithin()
                                .map(
                                    w ->
                                        ", which must decide within "
                                            + w.describe()
                                            + " (after that its members are alerted)")
                                .orElse(" (no time limit)")
                            + ".")
                .orElse("Confirmed automatically when the evidence satisfies it."));
      }
    }

    private String match(MatchFinding m) {
      StringBuilder b = new StringBuilder("One incident");
      b.append(
          m.kinds().isEmpty()
              ? " of any kind"
              : " of kind " + orWords(m.kinds().stream().map(ExplainPhrases::kind).toList()));
      b.append(" by ").append(say.actor(m.by()));
      if (!m.within().isEmpty()) {
        b.append(", inside ").append(orWords(m.within().stream().map(p -> "'" + p + "'").toList()));
      }
      b.append(", reviewed at least '")
          .append(m.status())
          .append("', with at least ")
          .append(m.sources())
          .append(m.sources() == 1 ? " independent source" : " independent sources");
      m.when().ifPresent(w -> b.append(", where ").append(w.source()));
      return b.append('.').toString();
    }

    private String aggregate(AggregateFinding g) {
      String what =
          switch (g.threshold()) {
            case AggregateFinding.Threshold.Count c ->
                "At least " + c.atLeast() + " confirmed " + say.findingRef(g.over()) + " findings";
            case AggregateFinding.Threshold.Sum s ->
                "Confirmed "
                    + say.findingRef(g.over())
                    + " findings whose incidents' "
                    + s.of().source()
                    + " add up to at least "
                    + km(s.atLeast());
          };
      return what
          + " by "
          + say.actor(g.by())
          + " within any "
          + g.window().describe()
          + " (event time)"
          + (g.distinctDays().isPresent()
              ? ", on at least " + g.distinctDays().getAsInt() + " different days (UTC)"
              : "")
          + ".";
    }

    private void consequences() {
      out.heading("Consequences (applied once per confirmed finding)");
      if (a.consequences().isEmpty()) {
        out.para(2, "None.");
      }
      for (Consequence c : a.consequences().values()) {
        out.blankLine();
        out.para(2, c.id() + c.title().map(t -> ": " + t).orElse("") + " " + cites(c.cites()));
        out.para(
            4,
            "When finding "
                + say.findingRef(c.on())
                + " is confirmed against "
                + say.actor(c.by())
                + ":");
        for (Action act : c.then()) {
          out.item(
              6,
              switch (act) {
                case Action.Revoke r ->
                    "provision " + say.provisionRef(r.provision()) + " is revoked";
                case Action.Suspend s ->
                    "provision " + say.provisionRef(s.provision()) + " is suspended";
                case Action.Notify n -> "notify " + String.join(", ", n.parties());
              });
        }
      }
    }

    private void bodies() {
      out.heading("Bodies (who decides)");
      if (a.bodies().isEmpty()) {
        out.para(2, "None: every finding is confirmed automatically.");
      }
      for (Body b : a.bodies().values()) {
        out.blankLine();
        out.para(2, b.id() + b.title().map(t -> ": " + t).orElse("") + " " + cites(b.cites()));
        String rule =
            switch (b.rule()) {
              case VotingRule.Majority m -> "a majority of eligible members";
              case VotingRule.Consensus c -> "consensus (no eligible member votes no)";
              case VotingRule.Unanimity u -> "unanimity of eligible members";
              case VotingRule.AtLeast s ->
                  "at least " + s.numerator() + "/" + s.denominator() + " of eligible members";
            };
        out.para(
            4,
            "Members: "
                + String.join(", ", b.members())
                + ". Decides by "
                + rule
                + ", with a quorum of "
                + b.quorum()
                + (b.quorum() == 1 ? " vote" : " votes")
                + (b.recusal() == Recusal.CONCERNED
                    ? "; a member concerned by a finding does not vote on it."
                    : "; every member votes."));
      }
    }

    private void places() {
      out.heading("Places");
      for (Place p : a.places().values()) {
        String shape =
            switch (p.shape()) {
              case PlaceShape.GeoJsonFile f -> "from " + f.path();
              case PlaceShape.Buffer b ->
                  "everything within " + km(b.km()) + " km of '" + b.of() + "'";
              case PlaceShape.Circle c ->
                  "a circle of " + km(c.km()) + " km around " + c.lon() + " E, " + c.lat() + " N";
              case PlaceShape.Union u -> "the union of " + String.join(", ", u.of());
            };
        String size =
            p.hasArea()
                ? "about " + about(LocalProjection.areaKm2(p.geometry())) + " km²"
                : p.geometry().getDimension() == 1
                    ? "a line of about " + about(LocalProjection.lengthKm(p.geometry())) + " km"
                    : "a point";
        out.item(
            2,
            p.id()
                + p.title().map(t -> " (" + t + ")").orElse("")
                + ": "
                + shape
                + "; "
                + size
                + "."
                + p.note().map(n -> " " + n).orElse("")
                + (p.cites().isEmpty() ? "" : " " + cites(p.cites())));
      }
    }

    private void sources() {
      out.heading("Sources");
      for (Source s : a.sources().values()) {
        out.item(
            2,
            "["
                + s.id()
                + "] "
                + s.title()
                + s.publisher().map(p -> ", " + p).orElse("")
                + s.date().map(d -> ", " + d).orElse("")
                + "."
                + s.url().map(u -> " " + u).orElse("")
                + s.note().map(n -> " " + n).orElse(""));
      }
      Optional.of(a.sources().isEmpty()).filter(x -> x).ifPresent(x -> out.para(2, "None."));
    }
  }
}
