package org.umbrella.negotiation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated negotiation: parties, issues, preferences, drafts and sources.
 *
 * <p>Every preference refers to declared issues and parties, every draft chooses a valid option on
 * every issue, every red line type-checks, every citation names a declared source.
 *
 * @param id the negotiation's id
 * @param title a human title (may be empty)
 * @param parties in file order
 * @param issues in file order; a package is one option index per issue in this order
 * @param preferences per party id, in party order
 * @param drafts in file order
 * @param sources per id
 * @param file the name the text was loaded under
 */
public record NegotiationModel(
    String id,
    String title,
    List<NegotiatingParty> parties,
    List<NegotiatedIssue> issues,
    Map<String, Preference> preferences,
    List<Draft> drafts,
    Map<String, CitedSource> sources,
    String file) {
  public NegotiationModel {
    parties = List.copyOf(parties);
    issues = List.copyOf(issues);
    preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
    drafts = List.copyOf(drafts);
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** The number of packages: the product of the issues' option counts. */
  public double spaceSize() {
    double n = 1;
    for (NegotiatedIssue i : issues) {
      n *= i.size();
    }
    return n;
  }

  /**
   * The preference of {@code party}.
   *
   * @throws IllegalArgumentException if the model has no such party (every party has one)
   */
  public Preference preference(String party) {
    Preference p = preferences.get(party);
    if (p == null) {
      throw new IllegalArgumentException("no party '" + party + "' in this negotiation");
    }
    return p;
  }

  /** The party ids in order. */
  public List<String> partyIds() {
    return parties.stream().map(NegotiatingParty::id).toList();
  }

  /** The issue of that name, if declared. */
  public Optional<NegotiatedIssue> issue(String name) {
    return issues.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** Renders a package as {@code issue=option, ...}. */
  public String describe(int[] outcome) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < issues.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(issues.get(i).name()).append('=').append(issues.get(i).label(outcome[i]));
    }
    return b.toString();
  }
}
