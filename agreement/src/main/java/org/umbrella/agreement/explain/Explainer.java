package org.umbrella.agreement.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.umbrella.agreement.load.internal.LocalProjection;
import org.umbrella.agreement.model.Action;
import org.umbrella.agreement.model.Activation;
import org.umbrella.agreement.model.ActorFilter;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Consequence;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.DutyBearers;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.Place;
import org.umbrella.agreement.model.PlaceShape;
import org.umbrella.agreement.model.Provision;
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
  private static final int WIDTH = 100;

  private Explainer() {}

  /** The whole agreement in plain language, ending with a line break. */
  public static String explain(Agreement a) {
    return new Writer(a).write();
  }

  private static final class Writer {
    private final Agreement a;
    private final StringBuilder out = new StringBuilder();

    Writer(Agreement a) {
      this.a = a;
    }

    String write() {
      header();
      guarantees();
      findings();
      undertakings();
      consequences();
      bodies();
      places();
      sources();
      return out.toString();
    }

    // ------------------------------------------------------------ layout

    private void heading(String title) {
      out.append('\n').append(title.toUpperCase(Locale.ROOT)).append('\n');
    }

    /** A paragraph wrapped at WIDTH, every line indented by {@code indent}, hanging lines too. */
    private void para(int indent, String text) {
      wrapped(" ".repeat(indent), " ".repeat(indent), text);
    }

    /** A list item: "- " then text, continuation lines aligned after the dash. */
    private void item(int indent, String text) {
      wrapped(" ".repeat(indent) + "- ", " ".repeat(indent + 2), text);
    }

    private void wrapped(String first, String rest, String text) {
      String prefix = first;
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ", -1)) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
          out.append(prefix).append(line).append('\n');
          prefix = rest;
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      out.append(prefix).append(line).append('\n');
    }

    // ------------------------------------------------------------ words

    private String cites(List<Citation> cites) {
      if (cites.isEmpty()) {
        return "[no citation]";
      }
      return "[" + cites.stream().map(Citation::toString).collect(Collectors.joining("; ")) + "]";
    }

    private String party(String id) {
      return a.partyName(id) + " (" + id + ")";
    }

    private String parties(List<String> ids) {
      return words(ids.stream().map(this::party).toList());
    }

    private static String words(List<String> items) {
      if (items.isEmpty()) {
        return "nobody";
      }
      if (items.size() == 1) {
        return items.getFirst();
      }
      return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String orWords(List<String> items) {
      if (items.size() <= 1) {
        return String.join("", items);
      }
      return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }

    private String actor(ActorFilter by) {
      return switch (by) {
        case ActorFilter.Any any -> "anyone (attributed or not)";
        case ActorFilter.Parties p -> orWords(p.parties().stream().map(this::party).toList());
      };
    }

    private String findingRef(String id) {
      Finding f = a.findings().get(id);
      return "'" + id + "'" + (f == null ? "" : f.title().map(t -> " (" + t + ")").orElse(""));
    }

    private String provisionRef(String id) {
      Provision p = a.provisions().get(id);
      return "'" + id + "'" + (p == null ? "" : " (" + p.title() + ")");
    }

    private static String number(long n) {
      return String.format(Locale.ROOT, "%,d", n);
    }

    private static String kind(String k) {
      return k.replace('_', ' ');
    }

    // ------------------------------------------------------------ sections

    private void header() {
      out.append(a.ref()).append(": ").append(a.title()).append('\n');
      para(
          0,
          "Status: "
              + a.status()
              + "."
              + a.supersedes().map(s -> " Supersedes " + s + ".").orElse("")
              + " Format "
              + a.format()
              + ".");
      a.notice().ifPresent(n -> para(0, "Notice: " + n));
      para(
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
      heading("Guarantees");
      if (a.guarantees().isEmpty()) {
        para(2, "None.");
      }
      for (Guarantee g : a.guarantees().values()) {
        out.append('\n');
        para(2, g.id() + g.title().map(t -> ": " + t).orElse("") + " " + cites(g.cites()));
        g.text().ifPresent(t -> para(4, "In the text's words (paraphrased): " + t));
        String against =
            g.against().isEmpty()
                ? "any party that is neither a guarantor nor protected"
                : parties(g.against());
        para(
            4,
            words(g.guarantors().stream().map(this::party).toList())
                + (g.guarantors().size() == 1 ? " guarantees " : " guarantee ")
                + party(g.protects())
                + " against "
                + against
                + ".");
        String activation =
            switch (g.activates()) {
              case Activation.At at -> "It takes effect at " + at.at() + ".";
              case Activation.WhenInForce w ->
                  "It takes effect when provision "
                      + provisionRef(w.provision())
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
        para(4, activation + term);
        Finding trigger = a.findings().get(g.trigger());
        para(
            4,
            "It is triggered when finding "
                + findingRef(g.trigger())
                + " is confirmed against "
                + against
                + (trigger != null && trigger.determinedBy().isPresent()
                    ? ", as determined by " + bodyName(trigger.determinedBy().get()) + "."
                    : ", automatically from the evidence."));
        if (g.duties().isEmpty()) {
          para(4, "The text lists no duties: a trigger creates no obligation.");
        } else {
          para(4, "Then:");
          for (Duty d : g.duties()) {
            item(6, duty(g, d));
          }
        }
        if (g.voidIf().isEmpty()) {
          para(4, "Nothing in the text voids it.");
        } else {
          para(4, "It is void if any of these is confirmed against " + party(g.protects()) + ":");
          for (String v : g.voidIf()) {
            Finding f = a.findings().get(v);
            item(6, findingRef(v) + (f == null ? "" : " " + cites(f.cites())));
          }
        }
      }
    }

    private String bodyName(String id) {
      Body b = a.bodies().get(id);
      return b == null ? id : "'" + id + "'" + b.title().map(t -> " (" + t + ")").orElse("");
    }

    private String duty(Guarantee g, Duty d) {
      String who =
          switch (d.each()) {
            case DutyBearers.Guarantors x ->
                "each guarantor (" + String.join(", ", g.guarantors()) + ")";
            case DutyBearers.Protected x -> "the protected party (" + g.protects() + ")";
            case DutyBearers.Parties p -> words(p.parties().stream().map(this::party).toList());
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

    private static String lowerFirst(String s) {
      if (s.length() > 1
          && Character.isUpperCase(s.charAt(0))
          && !Character.isUpperCase(s.charAt(1))) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
      }
      return s;
    }

    private void findings() {
      heading("Findings (what the mechanism determines from evidence)");
      if (a.findings().isEmpty()) {
        para(2, "None.");
      }
      for (Finding f : a.findings().values()) {
        out.append('\n');
        para(2, f.id() + f.title().map(t -> ": " + t).orElse("") + " " + cites(f.cites()));
        switch (f) {
          case MatchFinding m -> para(4, match(m));
          case AggregateFinding g -> para(4, aggregate(g));
        }
        para(
            4,
            f.determinedBy()
                .map(
                    b ->
                        "Confirmed only when "
                            + bodyName(b)
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
              : " of kind " + orWords(m.kinds().stream().map(Writer::kind).toList()));
      b.append(" by ").append(actor(m.by()));
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
                "At least " + c.atLeast() + " confirmed " + findingRef(g.over()) + " findings";
            case AggregateFinding.Threshold.Sum s ->
                "Confirmed "
                    + findingRef(g.over())
                    + " findings whose incidents' "
                    + s.of().source()
                    + " add up to at least "
                    + km(s.atLeast());
          };
      return what
          + " by "
          + actor(g.by())
          + " within any "
          + g.window().describe()
          + " (event time)"
          + (g.distinctDays().isPresent()
              ? ", on at least " + g.distinctDays().getAsInt() + " different days (UTC)"
              : "")
          + ".";
    }

    private void undertakings() {
      heading("What each party undertakes");
      Map<String, List<String>> byParty = new LinkedHashMap<>();
      a.parties().keySet().forEach(p -> byParty.put(p, new ArrayList<>()));
      List<Provision> none = new ArrayList<>();
      for (Provision p : a.provisions().values()) {
        if (p.obligors().isEmpty()) {
          none.add(p);
        }
        for (String o : p.obligors()) {
          byParty.computeIfAbsent(o, k -> new ArrayList<>()).add(provision(p));
        }
      }
      for (Guarantee g : a.guarantees().values()) {
        for (String gp : g.guarantors()) {
          List<String> duties =
              g.duties().stream()
                  .filter(d -> d.each().resolve(g).contains(gp))
                  .map(
                      d ->
                          d.id()
                              + d.within()
                                  .map(w -> " within " + w.describe())
                                  .orElse(" (no deadline)"))
                  .toList();
          byParty
              .computeIfAbsent(gp, k -> new ArrayList<>())
              .add(
                  "as guarantor of '"
                      + g.id()
                      + "': "
                      + (duties.isEmpty() ? "no duty of its own" : String.join(", ", duties))
                      + " when it is triggered "
                      + cites(g.cites()));
        }
      }
      for (Body b : a.bodies().values()) {
        for (String m : b.members()) {
          List<String> determines =
              a.findings().values().stream()
                  .filter(f -> f.determinedBy().filter(b.id()::equals).isPresent())
                  .map(Finding::id)
                  .toList();
          byParty
              .computeIfAbsent(m, k -> new ArrayList<>())
              .add(
                  "as a member of '"
                      + b.id()
                      + "': "
                      + (determines.isEmpty()
                          ? "it determines no finding in this text"
                          : "to vote on " + String.join(", ", determines))
                      + " "
                      + cites(b.cites()));
        }
      }
      for (Map.Entry<String, List<String>> e : byParty.entrySet()) {
        out.append('\n');
        para(2, party(e.getKey()) + protectedBy(e.getKey()));
        if (e.getValue().isEmpty()) {
          para(4, "Undertakes nothing in this text.");
        }
        e.getValue().forEach(s -> item(4, s));
      }
      if (!none.isEmpty()) {
        out.append('\n');
        para(2, "Provisions with no obligor (declaratory or unresolved):");
        none.forEach(p -> item(4, provision(p)));
      }
    }

    private String protectedBy(String party) {
      List<String> gs =
          a.guarantees().values().stream()
              .filter(g -> g.protects().equals(party))
              .map(Guarantee::id)
              .toList();
      return gs.isEmpty()
          ? ""
          : ", protected by " + String.join(", ", gs.stream().map(g -> "'" + g + "'").toList());
    }

    private String provision(Provision p) {
      StringBuilder b = new StringBuilder(p.id()).append(": ").append(p.title());
      p.category().ifPresent(c -> b.append(" (").append(c).append(')'));
      b.append('.');
      p.quantity().ifPresent(q -> b.append(" Fixes ").append(q).append('.'));
      p.inForce().ifPresent(t -> b.append(" In force from ").append(t).append('.'));
      p.due()
          .ifPresent(
              d ->
                  b.append(" Due within ")
                      .append(d.within().describe())
                      .append(" after ")
                      .append(provisionRef(d.after()))
                      .append(" enters into force."));
      p.text().ifPresent(t -> b.append(' ').append(t));
      return b.append(' ').append(cites(p.cites())).toString();
    }

    private void consequences() {
      heading("Consequences (applied once per confirmed finding)");
      if (a.consequences().isEmpty()) {
        para(2, "None.");
      }
      for (Consequence c : a.consequences().values()) {
        out.append('\n');
        para(2, c.id() + c.title().map(t -> ": " + t).orElse("") + " " + cites(c.cites()));
        para(
            4,
            "When finding " + findingRef(c.on()) + " is confirmed against " + actor(c.by()) + ":");
        for (Action act : c.then()) {
          item(
              6,
              switch (act) {
                case Action.Revoke r -> "provision " + provisionRef(r.provision()) + " is revoked";
                case Action.Suspend s ->
                    "provision " + provisionRef(s.provision()) + " is suspended";
                case Action.Notify n -> "notify " + String.join(", ", n.parties());
              });
        }
      }
    }

    private void bodies() {
      heading("Bodies (who decides)");
      if (a.bodies().isEmpty()) {
        para(2, "None: every finding is confirmed automatically.");
      }
      for (Body b : a.bodies().values()) {
        out.append('\n');
        para(2, b.id() + b.title().map(t -> ": " + t).orElse("") + " " + cites(b.cites()));
        String rule =
            switch (b.rule()) {
              case VotingRule.Majority m -> "a majority of eligible members";
              case VotingRule.Consensus c -> "consensus (no eligible member votes no)";
              case VotingRule.Unanimity u -> "unanimity of eligible members";
              case VotingRule.AtLeast s ->
                  "at least " + s.numerator() + "/" + s.denominator() + " of eligible members";
            };
        para(
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
      heading("Places");
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
        item(
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

    private static String km(double km) {
      return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
    }

    /** Two significant figures with thousands separators: 24,617 -> 25,000. */
    private static String about(double v) {
      if (v <= 0) {
        return "0";
      }
      double magnitude = Math.pow(10, Math.floor(Math.log10(v)) - 1);
      long rounded = Math.round(Math.round(v / magnitude) * magnitude);
      return number(Math.max(rounded, 1));
    }

    private void sources() {
      heading("Sources");
      for (Source s : a.sources().values()) {
        item(
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
      Optional.of(a.sources().isEmpty()).filter(x -> x).ifPresent(x -> para(2, "None."));
    }
  }
}
