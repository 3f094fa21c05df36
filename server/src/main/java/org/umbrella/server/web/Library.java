package org.umbrella.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umbrella.agreement.diff.AgreementDiff;
import org.umbrella.agreement.explain.Explainer;
import org.umbrella.agreement.model.Agreement;

/**
 * The agreements the server knows, rendered once at start: each one's plain-English {@code
 * explain}, and the {@code diff} from the draft it supersedes when that draft is loaded too.
 */
public record Library(List<Entry> entries, List<Party> parties) {

  /**
   * A party of the enforced agreement (of every loaded one when none is enforced), as forms offer
   * it.
   */
  public record Party(String id, String name) {}

  /** One agreement as the agreement pages show it. */
  public record Entry(
      String id,
      String version,
      String title,
      String status,
      String notice,
      boolean enforced,
      String explain,
      Optional<String> supersedes,
      Optional<String> diff) {}

  public Library {
    entries = List.copyOf(entries);
    parties = List.copyOf(parties);
  }

  /** An empty library. */
  public static Library empty() {
    return new Library(List.of(), List.of());
  }

  /**
   * Renders {@code agreements}; {@code enforced} is the one the engine runs (by id and version).
   */
  public static Library of(List<Agreement> agreements, Optional<Agreement> enforced) {
    List<Entry> out = new ArrayList<>();
    for (Agreement a : agreements) {
      Optional<Agreement> previous =
          a.supersedes()
              .flatMap(
                  ref ->
                      agreements.stream()
                          .filter(b -> b.id().equals(ref.id()) && b.version().equals(ref.version()))
                          .findFirst());
      Optional<String> diff =
          previous.map(b -> AgreementDiff.render(b, a, AgreementDiff.compare(b, a)));
      boolean isEnforced =
          enforced.map(e -> e.id().equals(a.id()) && e.version().equals(a.version())).orElse(false);
      out.add(
          new Entry(
              a.id(),
              a.version(),
              a.title(),
              a.status().toString(),
              a.notice().orElse(""),
              isEnforced,
              Explainer.explain(a),
              a.supersedes().map(r -> r.id() + "@" + r.version()),
              diff));
    }
    Map<String, Party> parties = new LinkedHashMap<>();
    (enforced.isPresent() ? List.of(enforced.get()) : agreements)
        .forEach(
            a ->
                a.parties()
                    .values()
                    .forEach(p -> parties.putIfAbsent(p.id(), new Party(p.id(), p.name()))));
    return new Library(out, List.copyOf(parties.values()));
  }
}
