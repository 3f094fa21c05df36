package org.umbrella.agreement.load.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Activation;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.DutyBearers;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.TimeSpan;
import org.umbrella.diagnostics.Suggestions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The {@code guarantees:} section: guarantors, activation, trigger and duties, with the warnings a
 * guarantee can deserve (no duties, an option no text names).
 */
final class GuaranteeParser extends SectionParser {

  private static final Pattern WHEN_IN_FORCE = Pattern.compile("\\s*(\\S+)\\s+in-force\\s*");

  /**
   * The responses the format documents for a duty's options (docs/agreement-format.md, "Duties").
   */
  private static final List<String> DOCUMENTED_OPTIONS =
      List.of("military", "economic", "diplomatic");

  GuaranteeParser(State state) {
    super(state);
  }

  void guarantee(Nodes.Entry e) {
    String owner = "guarantee '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "guarantee", owner);
    if (f == null) {
      return;
    }
    boolean ok = true;
    Optional<String> title = optionalText(f, "title", owner).filter(x -> x != null);
    Optional<String> text = optionalText(f, "text", owner).filter(x -> x != null);
    Node g = nodes.required(f, "guarantors");
    List<ScalarNode> guarantorNodes =
        g == null ? null : nodes.scalars(g, "the guarantors of " + owner);
    List<String> guarantors =
        guarantorNodes == null
            ? null
            : refs(Kind.PARTY, guarantorNodes, "the guarantors of " + owner);
    Node p = nodes.required(f, "protects");
    ScalarNode protects =
        p == null ? null : nodes.scalar(p, "the protected party of " + owner, "a party id");
    if (protects != null) {
      ref(Kind.PARTY, protects, "the protected party of " + owner);
    }
    if (guarantorNodes != null && protects != null) {
      Set<String> seen = new HashSet<>();
      for (ScalarNode s : guarantorNodes) {
        if (s.getValue().equals(protects.getValue())) {
          ok = false;
          problems.at(
              s,
              "guarantor-protected",
              "party '"
                  + s.getValue()
                  + "' is both a guarantor and the protected party of "
                  + owner,
              s.getValue(),
              "guarantors other than the protected party " + protects.getValue());
        } else if (!seen.add(s.getValue())) {
          ok = false;
          problems.at(
              s,
              "duplicate-key",
              "party '" + s.getValue() + "' is listed twice among the guarantors of " + owner,
              s.getValue(),
              "each guarantor once");
        }
      }
    }
    List<String> against = List.of();
    if (f.has("against")) {
      List<ScalarNode> list = nodes.scalars(f.get("against").get(), "'against' of " + owner);
      if (list == null) {
        ok = false;
      } else {
        against = refs(Kind.PARTY, list, "'against' of " + owner);
        for (ScalarNode s : list) {
          boolean isProtected = protects != null && s.getValue().equals(protects.getValue());
          boolean isGuarantor = guarantors != null && guarantors.contains(s.getValue());
          if (isProtected || isGuarantor) {
            ok = false;
            problems.at(
                s,
                "invalid-value",
                "party '"
                    + s.getValue()
                    + "' cannot be both "
                    + (isProtected ? "the protected party" : "a guarantor")
                    + " and a party the "
                    + owner
                    + " is against",
                s.getValue(),
                "parties other than the guarantors and the protected party");
          }
        }
      }
    }
    Node a = nodes.required(f, "activates");
    Activation activates = a == null ? null : activation(a, owner);
    Optional<TimeSpan> term = f.get("term").map(n -> nodes.span(n, "the term of " + owner));
    boolean renewable =
        f.get("renewable")
            .map(n -> nodes.bool(n, "'renewable' of " + owner))
            .map(b -> b != null && b)
            .orElse(false);
    Node t = nodes.required(f, "trigger");
    ScalarNode trigger =
        t == null ? null : nodes.scalar(t, "the trigger of " + owner, "a finding id");
    if (trigger != null) {
      ref(Kind.FINDING, trigger, "the trigger of " + owner);
    }
    List<Duty> duties = new ArrayList<>();
    if (!f.has("duties")) {
      problems.warnAt(
          e.key(),
          "no-duties",
          owner
              + " has no duties: when its trigger is confirmed, no guarantor owes anything it"
              + " could be seen to fulfil or breach",
          e.id(),
          "duties: [{ id: respond, each: guarantor, within: 7d, options: [military] }]");
    }
    if (f.has("duties")) {
      List<Node> items = nodes.sequence(f.get("duties").get(), "the duties of " + owner);
      if (items == null) {
        ok = false;
      } else {
        Map<String, Node> seen = new HashMap<>();
        for (Node item : items) {
          Duty d =
              duty(
                  item,
                  owner,
                  "guarantees." + e.id() + ".duties.",
                  seen,
                  title.orElse("") + " " + text.orElse(""));
          ok &= d != null;
          if (d != null) {
            duties.add(d);
          }
        }
      }
    }
    List<String> voidIf = List.of();
    if (f.has("void-if")) {
      List<ScalarNode> list = nodes.scalars(f.get("void-if").get(), "'void-if' of " + owner);
      ok &= list != null;
      voidIf = list == null ? List.of() : refs(Kind.FINDING, list, "'void-if' of " + owner);
    }
    List<Citation> cites = cites(f, owner);
    labels(f, "guarantee", "guarantees." + e.id(), owner);
    if (ok && guarantors != null && protects != null && activates != null && trigger != null) {
      guarantees.put(
          e.id(),
          new Guarantee(
              e.id(),
              title,
              text,
              guarantors,
              protects.getValue(),
              against,
              activates,
              term,
              renewable,
              trigger.getValue(),
              duties,
              voidIf,
              cites));
    }
  }

  private @Nullable Activation activation(Node n, String owner) {
    Nodes.Fields f = nodes.mapping(n, "activation", "the activation of " + owner);
    if (f == null) {
      return null;
    }
    if (f.has("at") == f.has("when")) {
      problems.at(
          n,
          f.has("at") ? "conflicting-keys" : "missing-key",
          "the activation of "
              + owner
              + " needs exactly one of 'at' (a time) or 'when' (a provision in force)",
          "",
          "{ at: 2026-03-01T00:00:00Z } or { when: ceasefire in-force }");
      return null;
    }
    if (f.has("at")) {
      Instant at = nodes.instant(f.get("at").get(), "the activation of " + owner);
      return at == null ? null : new Activation.At(at);
    }
    ScalarNode s =
        nodes.scalar(f.get("when").get(), "the activation of " + owner, "'<provision> in-force'");
    if (s == null) {
      return null;
    }
    Matcher m = WHEN_IN_FORCE.matcher(s.getValue());
    if (!m.matches()) {
      problems.at(
          s,
          "invalid-value",
          "invalid activation condition '" + Nodes.abbreviate(s.getValue()) + "' of " + owner,
          s.getValue(),
          "'<provision> in-force', e.g. 'ceasefire in-force'");
      return null;
    }
    String provision = m.group(1);
    if (!declared(Kind.PROVISION).contains(provision)) {
      List<String> valid = new ArrayList<>(declared(Kind.PROVISION));
      problems.at(
          s,
          "unknown-reference",
          "unknown provision '" + Nodes.abbreviate(provision) + "' in the activation of " + owner,
          provision,
          valid.isEmpty()
              ? "no provisions are declared; add one under 'provisions:'"
              : "provisions are " + Nodes.listing(valid),
          Suggestions.closest(provision, valid));
      return null;
    }
    return new Activation.WhenInForce(provision);
  }

  private @Nullable Duty duty(
      Node n, String owner, String pathPrefix, Map<String, Node> seen, String guaranteeText) {
    Nodes.Fields f = nodes.mapping(n, "duty", "a duty of " + owner);
    if (f == null) {
      return null;
    }
    Node idNode = nodes.required(f, "id");
    String id = idNode == null ? null : idValue(idNode, "duty id");
    String dutyOwner = id == null ? "a duty of " + owner : "duty '" + id + "' of " + owner;
    if (idNode != null && id != null && seen.containsKey(id)) {
      problems.at(
          idNode,
          "duplicate-key",
          "duplicate duty '"
              + id
              + "' in "
              + owner
              + " (first at line "
              + (seen.get(id).getStartMark().getLine() + 1)
              + ")",
          id,
          "each duty id once per guarantee");
      id = null;
    } else if (id != null) {
      seen.put(id, idNode);
    }
    Optional<String> title = optionalText(f, "title", dutyOwner).filter(x -> x != null);
    DutyBearers each = new DutyBearers.Guarantors();
    if (f.has("each")) {
      Node e = f.get("each").get();
      if (e instanceof ScalarNode s
          && (s.getValue().equals("guarantor") || s.getValue().equals("protected"))) {
        each =
            s.getValue().equals("guarantor")
                ? new DutyBearers.Guarantors()
                : new DutyBearers.Protected();
      } else if (e instanceof ScalarNode s && !declared(Kind.PARTY).contains(s.getValue())) {
        List<String> valid = new ArrayList<>(List.of("guarantor", "protected"));
        valid.addAll(declared(Kind.PARTY));
        problems.at(
            s,
            "invalid-value",
            "'"
                + Nodes.abbreviate(s.getValue())
                + "' is not a valid bearer for 'each' of "
                + dutyOwner,
            s.getValue(),
            "guarantor, protected, or party ids ("
                + Nodes.listing(new ArrayList<>(declared(Kind.PARTY)))
                + ")",
            Suggestions.closest(s.getValue(), valid));
        each = null;
      } else {
        List<ScalarNode> list = nodes.scalars(e, "'each' of " + dutyOwner);
        each =
            list == null
                ? null
                : new DutyBearers.Parties(refs(Kind.PARTY, list, "'each' of " + dutyOwner));
      }
    }
    Optional<TimeSpan> within =
        f.get("within").map(w -> nodes.span(w, "the deadline of " + dutyOwner));
    List<String> options = List.of();
    if (f.has("options")) {
      List<ScalarNode> list = nodes.scalars(f.get("options").get(), "the options of " + dutyOwner);
      options = list == null ? null : list.stream().map(ScalarNode::getValue).toList();
      if (list != null) {
        String named = (guaranteeText + " " + title.orElse("")).toLowerCase(Locale.ROOT);
        for (ScalarNode o : list) {
          warnUnnamedOption(o, dutyOwner, named);
        }
      }
    }
    List<Citation> cites = cites(f, dutyOwner);
    if (id != null) {
      labels(f, "duty", pathPrefix + id, dutyOwner);
    }
    if (id == null || each == null || options == null) {
      return null;
    }
    return new Duty(id, title, each, within, options, cites);
  }

  /**
   * Warns about a duty option that no text names: neither a documented response nor a word of the
   * duty's or the guarantee's title or text. Options are open words, matched exactly against the
   * decision a guarantor reports, so a misspelt one silently makes the duty impossible to fulfil.
   */
  private void warnUnnamedOption(ScalarNode option, String dutyOwner, String named) {
    String o = option.getValue();
    if (DOCUMENTED_OPTIONS.contains(o)
        || Pattern.compile("\\b" + Pattern.quote(o.toLowerCase(Locale.ROOT)) + "\\b")
            .matcher(named)
            .find()) {
      return;
    }
    problems.warnAt(
        option,
        "unnamed-option",
        "option '"
            + Nodes.abbreviate(o)
            + "' of "
            + dutyOwner
            + " is named by no text: not a documented response, and not a word of the duty's or"
            + " the guarantee's title or text",
        o,
        "a documented response ("
            + String.join(", ", DOCUMENTED_OPTIONS)
            + "), or say in the duty's title what it means",
        Suggestions.closest(o, DOCUMENTED_OPTIONS));
  }
}
