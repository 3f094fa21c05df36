package org.umbrella.agreement.load.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Party;
import org.umbrella.agreement.model.Source;
import org.yaml.snakeyaml.nodes.Node;

/** The {@code sources:} and {@code parties:} sections: who takes part, and what is cited. */
final class PartyParser extends SectionParser {

  PartyParser(State state) {
    super(state);
  }

  void source(Nodes.Entry e) {
    String owner = "source '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "source", owner);
    if (f == null) {
      return;
    }
    Node t = nodes.required(f, "title");
    String title = t == null ? null : nodes.text(t, "the title of " + owner);
    Optional<LocalDate> date = f.get("date").map(n -> nodes.date(n, "the date of " + owner));
    Optional<String> url =
        f.get("url")
            .map(
                n -> {
                  String u = nodes.text(n, "the url of " + owner);
                  if (u != null && !(u.startsWith("https://") || u.startsWith("http://"))) {
                    problems.at(
                        n,
                        "invalid-value",
                        "the url of "
                            + owner
                            + " must start with https:// or http://, was '"
                            + Nodes.abbreviate(u)
                            + "'",
                        u,
                        "an absolute web address");
                    return null;
                  }
                  return u;
                });
    if (title != null) {
      sources.put(
          e.id(),
          new Source(
              e.id(),
              title,
              date.filter(d -> d != null),
              url.filter(u -> u != null),
              optionalText(f, "publisher", owner),
              optionalText(f, "note", owner)));
    }
  }

  void party(Nodes.Entry e) {
    String owner = "party '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "party", owner);
    if (f == null) {
      return;
    }
    Node n = nodes.required(f, "name");
    String name = n == null ? null : nodes.text(n, "the name of " + owner);
    List<Citation> cites = cites(f, owner);
    if (name != null) {
      parties.put(e.id(), new Party(e.id(), name, cites));
    }
  }
}
