package org.umbrella.negotiation.genius;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.ValueFunction;

/**
 * Writes a negotiation model as a GENIUS domain and one profile per party (midpoint estimates).
 *
 * <p>Every issue is written as a discrete issue (numeric options become items named by their
 * value), so any value function survives. GENIUS divides each evaluation by the issue's best, so a
 * party whose best option on an issue is worth m &lt; 1 is written with weight w x m and
 * evaluations v / m; weights are then normalised to sum to 1. GENIUS utilities are therefore this
 * model's utilities times a per-party factor c = 1 / sum(w x m) (1 when every issue has an option
 * worth 1); the reservation value is scaled by the same c, so acceptance is unchanged. Red lines
 * have no GENIUS form and are listed in an XML comment.
 */
public final class GeniusExport {
  private GeniusExport() {}

  /** The domain file's text. */
  public static String domain(NegotiationModel m) {
    StringBuilder b =
        new StringBuilder(
            "<negotiation_template>\n<utility_space number_of_issues=\""
                + m.issues().size()
                + "\">\n");
    b.append(
            "<objective index=\"0\" etype=\"objective\" type=\"objective\" description=\"\" name=\"")
        .append(esc(m.id()))
        .append("\">\n");
    for (int i = 0; i < m.issues().size(); i++) {
      NegotiatedIssue issue = m.issues().get(i);
      b.append("<issue index=\"")
          .append(i + 1)
          .append("\" etype=\"discrete\" type=\"discrete\" vtype=\"discrete\" name=\"")
          .append(esc(issue.name()))
          .append("\">\n");
      for (int k = 0; k < issue.size(); k++) {
        b.append("<item index=\"")
            .append(k + 1)
            .append("\" value=\"")
            .append(esc(issue.label(k)))
            .append("\"></item>\n");
      }
      b.append("</issue>\n");
    }
    return b.append("</objective>\n</utility_space>\n</negotiation_template>\n").toString();
  }

  /** The profiles' texts by party id, in party order. */
  public static Map<String, String> profiles(NegotiationModel m) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String party : m.partyIds()) {
      out.put(party, profile(m, m.preference(party)));
    }
    return out;
  }

  private static String profile(NegotiationModel m, Preference pref) {
    List<NegotiatedIssue> issues = m.issues();
    double[] w = new double[issues.size()];
    double[] best = new double[issues.size()];
    double[][] v = new double[issues.size()][];
    double wsum = 0;
    for (int i = 0; i < issues.size(); i++) {
      NegotiatedIssue issue = issues.get(i);
      Interval wi = pref.weights().get(issue.name());
      w[i] = wi == null ? 0 : wi.mid();
      wsum += w[i];
      v[i] = new double[issue.size()];
      ValueFunction vf = pref.values().get(issue.name());
      for (int k = 0; k < issue.size(); k++) {
        v[i][k] = vf == null ? 0 : vf.value(issue, k).mid();
        best[i] = Math.max(best[i], v[i][k]);
      }
    }
    double scaled = 0;
    for (int i = 0; i < issues.size(); i++) {
      w[i] = w[i] / wsum * best[i];
      scaled += w[i];
    }
    double c = scaled == 0 ? 1 : 1 / scaled;
    StringBuilder b = new StringBuilder("<utility_space>\n");
    b.append("<!-- party ")
        .append(esc(pref.party()))
        .append(" exported by Umbrella from ")
        .append(esc(m.id()))
        .append("; GENIUS utility = ")
        .append(num(c))
        .append(" x Umbrella utility -->\n");
    for (var r : pref.redLines()) {
      b.append("<!-- red line (no GENIUS form): ")
          .append(esc(r.condition()).replace("--", "- -"))
          .append(" -->\n");
    }
    b.append("<objective index=\"0\" description=\"\" name=\"")
        .append(esc(m.id()))
        .append("\" type=\"objective\" etype=\"objective\">\n");
    for (int i = 0; i < issues.size(); i++) {
      NegotiatedIssue issue = issues.get(i);
      b.append("<issue index=\"")
          .append(i + 1)
          .append("\" name=\"")
          .append(esc(issue.name()))
          .append("\" vtype=\"discrete\" type=\"discrete\" etype=\"discrete\">\n");
      for (int k = 0; k < issue.size(); k++) {
        double e = best[i] == 0 ? 1 : v[i][k] / best[i];
        b.append("<item index=\"")
            .append(k + 1)
            .append("\" value=\"")
            .append(esc(issue.label(k)))
            .append("\" evaluation=\"")
            .append(num(e))
            .append("\"></item>\n");
      }
      b.append("</issue>\n");
    }
    for (int i = 0; i < issues.size(); i++) {
      b.append("<weight index=\"")
          .append(i + 1)
          .append("\" value=\"")
          .append(num(scaled == 0 ? 0 : w[i] * c))
          .append("\"></weight>\n");
    }
    b.append("</objective>\n<discount_factor value=\"1.0\"></discount_factor>\n");
    b.append("<reservation value=\"")
        .append(num(Math.min(1, pref.reservation().mid() * c)))
        .append("\"></reservation>\n");
    return b.append("</utility_space>\n").toString();
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.17g", x).replaceAll("0+$", "").replaceAll("\\.$", ".0");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
