package org.umbrella.server.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Who is making a request: nobody in particular, or an account by session or token. */
public sealed interface Principal {

  /** The account behind the request, if signed in. */
  Optional<Account> account();

  /**
   * Whether this principal's credential grants {@code action} (its role may still forbid it: see
   * {@link AccessPolicy}). Sessions grant everything; API tokens what their scope names.
   */
  default boolean granted(Permission action) {
    return true;
  }

  /** An unauthenticated visitor: the public. */
  record Anonymous() implements Principal {
    @Override
    public Optional<Account> account() {
      return Optional.empty();
    }
  }

  /**
   * A signed-in account.
   *
   * @param viaToken true when authenticated by an API token rather than a session cookie (such
   *     requests carry no ambient credentials and need no CSRF token)
   * @param grants the actions the credential allows (a token's scope; every action for a session)
   * @param until when the credential expires, if it does (a token's expiry)
   */
  record Authenticated(
      Account value, boolean viaToken, Set<Permission> grants, Optional<Instant> until)
      implements Principal {
    public Authenticated {
      grants = Set.copyOf(grants);
    }

    /** A principal whose credential grants everything its role allows (a session). */
    public Authenticated(Account value, boolean viaToken) {
      this(value, viaToken, EnumSet.allOf(Permission.class), Optional.empty());
    }

    @Override
    public Optional<Account> account() {
      return Optional.of(value);
    }

    @Override
    public boolean granted(Permission action) {
      return grants.contains(action);
    }
  }

  /** The public. */
  // Principal and Anonymous initialize each other; the server touches ANONYMOUS while it starts, on
  // one thread, before any request thread exists, so two threads never race to initialize them
  @SuppressWarnings("ClassInitializationDeadlock")
  Principal ANONYMOUS = new Anonymous();

  /** A short name for logs and the audit trail: the username, or "anonymous". */
  default String name() {
    return account().map(Account::username).orElse("anonymous");
  }
}
