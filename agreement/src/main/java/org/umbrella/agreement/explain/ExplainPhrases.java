package org.umbrella.agreement.explain;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.umbrella.agreement.model.ActorFilter;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Provision;

/**
 * The explanation's small phrases: citations in brackets, parties and clauses named with their
 * titles, lists joined with "and" or "or", numbers in fixed formats. The names need the agreement
 * being explained; the other phrases are static.
 *
 * <p>For {@link Explainer} and its sections only; it words pieces of sentences, not whole clauses,
 * and knows nothing of layout. Thread-safe once made.
 */
final class ExplainPhrases {
  private final Agreement a;

  ExplainPhrases(Agreement a) {
    this.a = a;
  }

  static String cites(List<Citation> cites) {
    if (cites.isEmpty()) {
      return "[no citation]";
    }
    return "[" + cites.stream().map(Citation::toString).collect(Collectors.joining("; ")) + "]";
  }

  String party(String id) {
    return a.partyName(id) + " (" + id + ")";
  }

  String parties(List<String> ids) {
    return words(ids.stream().map(this::party).toList());
  }

  static String words(List<String> items) {
    if (items.isEmpty()) {
      return "nobody";
    }
    if (items.size() == 1) {
      return items.getFirst();
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }

  static String orWords(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
  }

  String actor(ActorFilter by) {
    return switch (by) {
      case ActorFilter.Any any -> "anyone (attributed or not)";
      case ActorFilter.Parties p -> orWords(p.parties().stream().map(this::party).toList());
    };
  }

  String findingRef(String id) {
    Finding f = a.findings().get(id);
    return "'" + id + "'" + (f == null ? "" : f.title().map(t -> " (" + t + ")").orElse(""));
  }

  String provisionRef(String id) {
    Provision p = a.provisions().get(id);
    return "'" + id + "'" + (p == null ? "" : " (" + p.title() + ")");
  }

  String bodyName(String id) {
    Body b = a.bodies().get(id);
    return b == null ? id : "'" + id + "'" + b.title().map(t -> " (" + t + ")").orElse("");
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String kind(String k) {
    return k.replace('_', ' ');
  }

  static String lowerFirst(String s) {
    if (s.length() > 1
        && Character.isUpperCase(s.charAt(0))
        && !Character.isUpperCase(s.charAt(1))) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }

  static String km(double km) {
    return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
  }

  /** Two significant figures with thousands separators: 24,617 -> 25,000. */
  static String about(double v) {
    if (v <= 0) {
      return "0";
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)) - 1);
    long rounded = Math.round(Math.round(v / magnitude) * magnitude);
    return number(Math.max(rounded, 1));
  }
}
