package org.umbrella.server.access;

import java.util.Objects;
import java.util.Optional;

/**
 * A person or machine client that can sign in.
 *
 * @param id database id
 * @param username unique sign-in name
 * @param displayName name shown on pages
 * @param role what the account may do
 * @param party the party code the account acts for ({@code US}); empty when it belongs to the
 *     mechanism itself
 */
public record Account(
    long id, String username, String displayName, Role role, Optional<String> party) {
  public Account {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(party, "party");
  }

  /** Whether this account acts for {@code partyCode}. */
  public boolean actsFor(String partyCode) {
    return party.isPresent() && party.get().equals(partyCode);
  }

  /** "US" or "mechanism", for pages and the audit trail. */
  public String affiliation() {
    return party.orElse("mechanism");
  }
}
