package org.umbrella.agreement.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umbrella.agreement.diff.ChangeCollector.Clause;
import org.umbrella.agreement.model.Action;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Consequence;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.DutyBearers;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.Party;
import org.umbrella.agreement.model.Place;
import org.umbrella.agreement.model.PlaceShape;
import org.umbrella.agreement.model.Provision;
import org.umbrella.agreement.model.Source;

/**
 * Compares two versions of an agreement clause by clause, matching clauses by id.
 *
 * <p>Lists whose order carries no meaning (guarantors, obligors, void-if, kinds) are compared as
 * sets and reported as gains and losses; duties are matched by id. Stateless and thread-safe.
 */
public final class AgreementDiff {
  private AgreementDiff() {}

  /** Section names in the order changes are reported. */
  public static final List<String> SECTIONS =
      List.of(
          "agreement",
          "parties",
          "guarantees",
          "findings",
          "provisions",
          "consequences",
          "bodies",
          "places",
          "sources");

  /**
   * Every change in meaning from {@code before} to {@code after}, grouped by section in {@link
   * #SECTIONS} order; changes of citations alone are left out.
   */
  public static List<Change> compare(Agreement before, Agreement after) {
    return compare(before, after, false);
  }

  /**
   * Every change from {@code before} to {@code after}, grouped by section in {@link #SECTIONS}
   * order, with changes of citations when {@code citations} is true.
   */
  public static List<Change> compare(Agreement before, Agreement after, boolean citations) {
    ChangeCollector c = new ChangeCollector(citations, before, after);
    header(c, before, after);
    c.section("parties", before.parties(), after.parties(), p -> p.name(), AgreementDiff::party);
    c.section(
        "guarantees",
        before.guarantees(),
        after.guarantees(),
        g -> g.title().orElse(""),
        AgreementDiff::guarantee);
    c.section(
        "findings",
        before.findings(),
        after.findings(),
        f -> f.title().orElse(""),
        AgreementDiff::finding);
    c.section(
        "provisions",
        before.provisions(),
        after.provisions(),
        Provision::title,
        AgreementDiff::provision);
    c.section(
        "consequences",
        before.consequences(),
        after.consequences(),
        x -> x.title().orElse(""),
        AgreementDiff::consequence);
    c.section(
        "bodies", before.bodies(), after.bodies(), b -> b.title().orElse(""), AgreementDiff::body);
    c.section(
        "places", before.places(), after.places(), p -> p.title().orElse(""), AgreementDiff::place);
    c.section("sources", before.sources(), after.sources(), Source::title, AgreementDiff::source);
    return c.changes();
  }

  /**
   * The changes as text: a heading, the changes by section, and a count. Ends with a line break.
   */
  public static String render(Agreement before, Agreement after, List<Change> changes) {
    StringBuilder b = new StringBuilder();
    b.append("Semantic diff: ")
        .append(before.ref())
        .append(" -> ")
        .append(after.ref())
        .append('\n');
    if (changes.isEmpty()) {
      return b.append("\nNo differences in meaning.\n").toString();
    }
    Map<String, List<Change>> bySection = new LinkedHashMap<>();
    for (Change ch : changes) {
      bySection.computeIfAbsent(ch.section(), k -> new ArrayList<>()).add(ch);
    }
    for (Map.Entry<String, List<Change>> e : bySection.entrySet()) {
      b.append('\n').append(e.getKey()).append('\n');
      e.getValue().forEach(ch -> b.append("  ").append(ch).append('\n'));
    }
    long added = changes.stream().filter(x -> x.kind() == Change.Kind.ADDED).count();
    long removed = changes.stream().filter(x -> x.kind() == Change.Kind.REMOVED).count();
    long changed = changes.size() - added - removed;
    b.append('\n')
        .append(changes.size())
        .append(changes.size() == 1 ? " change: " : " changes: ")
        .append(added)
        .append(" added, ")
        .append(removed)
        .append(" removed, ")
        .append(changed)
        .append(" changed.\n");
    return b.toString();
  }

  // ---------------------------------------------------------------- sections

  private static void header(ChangeCollector c, Agreement b, Agreement a) {
    Clause h = new Clause(c, "agreement", "");
    h.value("id", b.id(), a.id());
    h.value("version", b.version(), a.version());
    h.value("status", b.status(), a.status());
    h.value("supersedes", b.supersedes(), a.supersedes());
    h.text("title", Optional.of(b.title()), Optional.of(a.title()));
    if (!b.notice().equals(a.notice())) {
      h.add(
          Change.Kind.CHANGED,
          a.notice().isEmpty()
              ? "notice removed"
              : b.notice().isEmpty() ? "notice added" : "notice reworded");
    }
  }

  private static void party(Clause c, Party b, Party a) {
    c.value("name", b.name(), a.name());
    c.cites(b.cites(), a.cites());
  }

  private static void guarantee(Clause c, Guarantee b, Guarantee a) {
    c.text("title", b.title(), a.title());
    if (!b.text().equals(a.text())) {
      c.add(
          Change.Kind.CHANGED,
          a.text().isEmpty()
              ? "text removed"
              : b.text().isEmpty() ? "text added" : "text reworded");
    }
    String g = "guarantees." + c.id() + ".";
    c.set("guarantors", g + "guarantors", b.guarantors(), a.guarantors());
    c.value("protects", b.protects(), a.protects());
    c.value(
        "against",
        b.against().isEmpty() ? "anyone else" : String.join(", ", b.against()),
        a.against().isEmpty() ? "anyone else" : String.join(", ", a.against()));
    c.value("activation", b.activates(), a.activates());
    c.value("term", g + "term", b.term(), a.term());
    c.value("renewable", b.renewable(), a.renewable());
    c.value("trigger", b.trigger(), a.trigger());
    Map<String, Duty> before = byId(b.duties());
    Map<String, Duty> after = byId(a.duties());
    before.keySet().stream()
        .filter(k -> !after.containsKey(k))
        .forEach(k -> c.add(Change.Kind.CHANGED, "duty " + k + " removed"));
    after.entrySet().stream()
        .filter(e -> !before.containsKey(e.getKey()))
        .forEach(
            e ->
                c.add(
                    Change.Kind.CHANGED,
                    "duty "
                        + e.getKey()
                        + " added: "
                        + bearers(e.getValue())
                        + ", "
                        + deadline(e.getValue())));
    for (Duty d : a.duties()) {
      Duty old = before.get(d.id());
      if (old != null) {
        Clause dc = new Clause(c.c(), c.section(), c.id() + ": duty " + d.id());
        dc.value("borne by", bearers(old), bearers(d));
        dc.value("deadline", g + "duties." + d.id() + ".within", old.within(), d.within());
        dc.set("options", old.options(), d.options());
        dc.text("title", old.title(), d.title());
        dc.cites(old.cites(), d.cites());
      }
    }
    c.set("void-if", b.voidIf(), a.voidIf());
    c.cites(b.cites(), a.cites());
  }

  private static Map<String, Duty> byId(List<Duty> duties) {
    Map<String, Duty> m = new LinkedHashMap<>();
    duties.forEach(d -> m.put(d.id(), d));
    return m;
  }

  private static String bearers(Duty d) {
    return switch (d.each()) {
      case DutyBearers.Guarantors g -> "each guarantor";
      case DutyBearers.Protected p -> "the protected party";
      case DutyBearers.Parties p -> String.join(", ", p.parties());
    };
  }

  private static String deadline(Duty d) {
    return d.within().map(w -> "within " + w).orElse("no deadline");
  }

  private static void finding(Clause c, Finding b, Finding a) {
    c.text("title", b.title(), a.title());
    switch (b) {
      case MatchFinding mb when a instanceof MatchFinding ma -> {
        c.set("kinds", mb.kinds(), ma.kinds());
        c.value("minimum status", mb.status(), ma.status());
        c.value(
            "minimum sources", "findings." + c.id() + ".match.sources", mb.sources(), ma.sources());
        c.set("within", mb.within(), ma.within());
        c.value("by", mb.by(), ma.by());
        c.value("condition", mb.when().map(w -> w.source()), ma.when().map(w -> w.source()));
      }
      case AggregateFinding gb when a instanceof AggregateFinding ga -> {
        c.value("aggregates", gb.over(), ga.over());
        c.value("by", gb.by(), ga.by());
        String f = "findings." + c.id() + ".over.";
        c.value("window", f + "window", gb.window(), ga.window());
        c.value(
            "threshold",
            f
                + (ga.threshold() instanceof AggregateFinding.Threshold.Sum
                    ? "sum.at-least"
                    : "at-least"),
            gb.threshold(),
            ga.threshold());
        c.value("distinct-days", f + "distinct-days", gb.distinctDays(), ga.distinctDays());
      }
      default ->
          c.add(
              Change.Kind.CHANGED,
              "changes from "
                  + (b instanceof MatchFinding
                      ? "a match on one incident to an aggregate"
                      : "an aggregate to a match on one incident"));
    }
    c.value(
        "determined by",
        b.determinedBy().orElse("automatic"),
        a.determinedBy().orElse("automatic"));
    c.value(
        "decide-within",
        "findings." + c.id() + ".decide-within",
        b.decideWithin(),
        a.decideWithin());
    c.cites(b.cites(), a.cites());
  }

  private static void provision(Clause c, Provision b, Provision a) {
    c.text("title", Optional.of(b.title()), Optional.of(a.title()));
    c.value("quantity", "provisions." + c.id() + ".quantity", b.quantity(), a.quantity());
    c.value("category", b.category(), a.category());
    c.set("obligors", b.obligors(), a.obligors());
    c.value("in force", b.inForce(), a.inForce());
    c.value(
        "due",
        "provisions." + c.id() + ".due.within",
        b.due().map(d -> "within " + d.within() + " after " + d.after()),
        a.due().map(d -> "within " + d.within() + " after " + d.after()));
    if (!b.text().equals(a.text())) {
      c.add(
          Change.Kind.CHANGED,
          a.text().isEmpty()
              ? "text removed"
              : b.text().isEmpty() ? "text added" : "text reworded");
    }
    c.cites(b.cites(), a.cites());
  }

  private static void consequence(Clause c, Consequence b, Consequence a) {
    c.text("title", b.title(), a.title());
    c.value("on", b.on(), a.on());
    c.value("by", b.by(), a.by());
    c.set(
        "actions",
        b.then().stream().map(AgreementDiff::action).toList(),
        a.then().stream().map(AgreementDiff::action).toList());
    c.cites(b.cites(), a.cites());
  }

  /** Notifications compare as sets of parties: the order of a notify list carries no meaning. */
  private static String action(Action a) {
    if (a instanceof Action.Notify n) {
      return "notify " + String.join(", ", n.parties().stream().sorted().toList());
    }
    return a.toString();
  }

  private static void body(Clause c, Body b, Body a) {
    c.text("title", b.title(), a.title());
    String p = "bodies." + c.id() + ".";
    c.set("members", p + "members", b.members(), a.members());
    c.value("rule", p + "rule", b.rule(), a.rule());
    c.value("quorum", p + "quorum", b.quorum(), a.quorum());
    c.value("recusal", b.recusal(), a.recusal());
    c.cites(b.cites(), a.cites());
  }

  private static void place(Clause c, Place b, Place a) {
    c.text("title", b.title(), a.title());
    c.value("definition", "places." + c.id() + ".km", shape(b), shape(a));
    if (shape(b).equals(shape(a)) && !b.geometry().equalsExact(a.geometry(), 1e-9)) {
      c.add(Change.Kind.CHANGED, "geometry changed (same definition, different coordinates)");
    }
    c.cites(b.cites(), a.cites());
  }

  private static String shape(Place p) {
    return switch (p.shape()) {
      case PlaceShape.GeoJsonFile f -> "geojson " + f.path();
      case PlaceShape.Buffer x -> "buffer of " + x.of() + " by " + x.km() + " km";
      case PlaceShape.Circle x ->
          "circle of " + x.km() + " km around [" + x.lon() + ", " + x.lat() + "]";
      case PlaceShape.Union u -> "union of " + String.join(", ", u.of());
    };
  }

  private static void source(Clause c, Source b, Source a) {
    c.text("title", Optional.of(b.title()), Optional.of(a.title()));
    c.value("date", b.date(), a.date());
    c.value("url", b.url(), a.url());
  }
}
