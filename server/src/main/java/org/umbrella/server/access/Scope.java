package org.umbrella.server.access;

import java.util.Objects;
import java.util.Set;

/** What a request touches, as far as party scoping is concerned. */
public sealed interface Scope {

  /** The request touches nothing owned by a party or a body (a list, a public page). */
  record None() implements Scope {}

  /** The request touches something owned by one party (an obligation of {@code party}). */
  record OfParty(String party) implements Scope {
    public OfParty {
      Objects.requireNonNull(party, "party");
    }
  }

  /** The request touches the deliberations of a body whose members are {@code members}. */
  record OfBody(String body, Set<String> members) implements Scope {
    public OfBody {
      Objects.requireNonNull(body, "body");
      members = Set.copyOf(members);
    }
  }

  /** The scope of a request that touches nothing scoped. */
  Scope NONE = new None();
}
