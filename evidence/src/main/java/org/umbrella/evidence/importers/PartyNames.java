package org.umbrella.evidence.importers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.umbrella.agreement.model.Agreement;

/**
 * Maps the actor names datasets use ("Government of Russia (Soviet Union)", "Military Forces of
 * Ukraine (2019-)") to the party ids of an agreement ({@code RU}, {@code UA}).
 *
 * <p>A name maps to the first rule whose phrase it contains, case-insensitively; rules are tried in
 * the order given. Names matching no rule stay unattributed (and are kept in the incident's tags).
 */
public final class PartyNames {
  /** Phrases datasets use for the parties this project knows, tried in this order. */
  private static final Map<String, String> KNOWN_ALIASES = knownAliases();

  private final Map<String, String> rules;

  /** Rules as phrase -> party id, tried in iteration order. */
  public PartyNames(Map<String, String> rules) {
    this.rules = new LinkedHashMap<>();
    rules.forEach((phrase, party) -> this.rules.put(phrase.toLowerCase(Locale.ROOT), party));
  }

  /**
   * The rules for the war in Ukraine: Russian and Ukrainian state forces and their aligned
   * formations.
   */
  public static PartyNames ukraineWar() {
    return new PartyNames(KNOWN_ALIASES);
  }

  /**
   * The rules for {@code agreement}'s parties: first the aliases datasets use for the parties this
   * project knows (those of {@link #ukraineWar()} for {@code RU} and {@code UA}), for the parties
   * the agreement has; then each party's full name as written in the agreement ({@code France}
   * matches "Government of France"). A party the agreement does not have is never assigned.
   */
  public static PartyNames forAgreement(Agreement agreement) {
    Map<String, String> r = new LinkedHashMap<>();
    KNOWN_ALIASES.forEach(
        (phrase, party) -> {
          if (agreement.parties().containsKey(party)) {
            r.put(phrase, party);
          }
        });
    agreement
        .parties()
        .forEach(
            (id, party) -> {
              if (!party.name().isBlank()) {
                r.putIfAbsent(party.name(), id);
              }
            });
    return new PartyNames(r);
  }

  private static Map<String, String> knownAliases() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("of russia", "RU");
    r.put("russian", "RU");
    r.put("wagner", "RU");
    r.put("donetsk people's republic", "RU");
    r.put("luhansk people's republic", "RU");
    r.put("of ukraine", "UA");
    r.put("ukrainian", "UA");
    return Collections.unmodifiableMap(r);
  }

  /** The party for {@code name}, if a rule matches. */
  public Optional<String> party(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String n = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : rules.entrySet()) {
      if (n.contains(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
