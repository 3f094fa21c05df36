package org.umbrella.negotiation.load;

import org.umbrella.negotiation.CitedSource;
import org.umbrella.negotiation.Draft;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.ValueFunction;

/**
 * Writes a model as {@code *.negotiation.yaml} text that {@link NegotiationLoader} reads back to an
 * equal model (GENIUS evaluations are written as their normalised values).
 */
public final class NegotiationWriter {
  private NegotiationWriter() {}

  /** The model as negotiation-file text. */
  public static String write(NegotiationModel m) {
    StringBuilder b = new StringBuilder();
    b.append("umbrella: 1\nid: ").append(q(m.id())).append('\n');
    if (!m.title().isEmpty()) {
      b.append("title: ").append(q(m.title())).append('\n');
    }
    if (!m.sources().isEmpty()) {
      b.append("sources:\n");
      for (CitedSource s : m.sources().values()) {
        b.append("  ")
            .append(q(s.id()))
            .append(": { url: ")
            .append(q(s.url()))
            .append(", title: ")
            .append(q(s.title()))
            .append(" }\n");
      }
    }
    b.append("parties:\n");
    for (NegotiatingParty p : m.parties()) {
      b.append("  ").append(q(p.id())).append(": { name: ").append(q(p.name())).append(" }\n");
    }
    b.append("issues:\n");
    for (NegotiatedIssue i : m.issues()) {
      b.append("  ").append(i.name()).append(": ");
      if (i instanceof NumericIssue n) {
        b.append("{ range: [")
            .append(num(n.low()))
            .append(", ")
            .append(num(n.high()))
            .append("], step: ")
            .append(num(n.step()))
            .append(" }\n");
      } else {
        b.append("{ options: [");
        for (int k = 0; k < i.size(); k++) {
          b.append(k == 0 ? "" : ", ").append(q(i.label(k)));
        }
        b.append("] }\n");
      }
    }
    b.append("preferences:\n");
    for (Preference p : m.preferences().values()) {
      b.append("  ").append(q(p.party())).append(":\n");
      if (!p.assumption().isEmpty()) {
        b.append("    basis: ").append(q(p.assumption())).append('\n');
      }
      if (!p.normaliseWeights()) {
        b.append("    weights-as-written: true\n");
      }
      b.append("    weights:\n");
      for (NegotiatedIssue i : m.issues()) {
        Interval w = p.weights().get(i.name());
        if (w != null) {
          b.append("      ").append(i.name()).append(": ").append(iv(w)).append('\n');
        }
      }
      b.append("    values:\n");
      for (NegotiatedIssue i : m.issues()) {
        ValueFunction vf = p.values().get(i.name());
        if (vf == null) {
          continue;
        }
        b.append("      ").append(i.name()).append(": ");
        if (vf instanceof ValueFunction.PiecewiseLinear pl) {
          b.append("{ linear: [");
          for (int k = 0; k < pl.knots().size(); k++) {
            b.append(k == 0 ? "" : ", ")
                .append('[')
                .append(num(pl.knots().get(k).x()))
                .append(", ")
                .append(iv(pl.knots().get(k).value()))
                .append(']');
          }
          b.append("] }\n");
        } else {
          b.append("{ ");
          for (int k = 0; k < i.size(); k++) {
            b.append(k == 0 ? "" : ", ")
                .append(q(i.label(k)))
                .append(": ")
                .append(iv(vf.value(i, k)));
          }
          b.append(" }\n");
        }
      }
      b.append("    reservation: ").append(iv(p.reservation())).append('\n');
      if (!p.redLines().isEmpty()) {
        b.append("    red-lines:\n");
        for (RedLine r : p.redLines()) {
          b.append("      - { condition: ").append(q(r.condition()));
          if (!r.text().isEmpty()) {
            b.append(", text: ").append(q(r.text()));
          }
          if (!r.cites().isEmpty()) {
            b.append(", cites: [")
                .append(String.join(", ", r.cites().stream().map(NegotiationWriter::q).toList()))
                .append(']');
          }
          b.append(" }\n");
        }
      }
      if (!p.cites().isEmpty()) {
        b.append("    cites: [")
            .append(String.join(", ", p.cites().stream().map(NegotiationWriter::q).toList()))
            .append("]\n");
      }
    }
    if (!m.drafts().isEmpty()) {
      b.append("drafts:\n");
      for (Draft d : m.drafts()) {
        b.append("  ").append(q(d.id())).append(":\n");
        if (!d.title().isEmpty()) {
          b.append("    title: ").append(q(d.title())).append('\n');
        }
        if (!d.cites().isEmpty()) {
          b.append("    cites: [")
              .append(String.join(", ", d.cites().stream().map(NegotiationWriter::q).toList()))
              .append("]\n");
        }
        b.append("    package:\n");
        for (int i = 0; i < m.issues().size(); i++) {
          NegotiatedIssue is = m.issues().get(i);
          b.append("      ")
              .append(is.name())
              .append(": ")
              .append(
                  is instanceof NumericIssue
                      ? is.label(d.choices().get(i))
                      : q(is.label(d.choices().get(i))))
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String iv(Interval v) {
    return v.isPoint() ? num(v.low()) : "[" + num(v.low()) + ", " + num(v.high()) + "]";
  }

  private static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  /** A YAML double-quoted scalar (JSON escaping is valid YAML). */
  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
