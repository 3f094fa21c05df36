package org.umbrella.agreement.explain;

import static org.umbrella.agreement.explain.ExplainPhrases.cites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.Provision;

/**
 * The explanation's "What each party undertakes" section: the agreement regrouped by party, each
 * party's provisions, duties as guarantor and seats on bodies in one place.
 *
 * <p>For {@link Explainer} only. It is kept apart because, unlike the other sections, it cuts
 * across guarantees, provisions and bodies at once; the clause-by-clause sections stay in
 * Explainer.
 */
final class PartyUndertakings {
  private final Agreement a;
  private final ExplainPhrases say;
  private final ExplainLayout out;

  PartyUndertakings(Agreement a, ExplainPhrases say, ExplainLayout out) {
    this.a = a;
    this.say = say;
    this.out = out;
  }

  /** Appends the section to {@code out}. */
  void write() {
    out.heading("What each party undertakes");
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
      out.blankLine();
      out.para(2, say.party(e.getKey()) + protectedBy(e.getKey()));
      if (e.getValue().isEmpty()) {
        out.para(4, "Undertakes nothing in this text.");
      }
      e.getValue().forEach(s -> out.item(4, s));
    }
    if (!none.isEmpty()) {
      out.blankLine();
      out.para(2, "Provisions with no obligor (declaratory or unresolved):");
      none.forEach(p -> out.item(4, provision(p)));
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
                    .append(say.provisionRef(d.after()))
                    .append(" enters into force."));
    p.text().ifPresent(t -> b.append(' ').append(t));
    return b.append(' ').append(cites(p.cites())).toString();
  }
}
