package org.umbrella.server.access;

import java.util.Optional;

/** Who is making a request: nobody in particular, or an account by session or token. */
public sealed interface Principal {

  /** The account behind the request, if signed in. */
  Optional<Account> account();

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
   */
  record Authenticated(Account value, boolean viaToken) implements Principal {
    @Override
    public Optional<Account> account() {
      return Optional.of(value);
    }
  }

  /** The public. */
  Principal ANONYMOUS = new Anonymous();

  /** A short name for logs and the audit trail: the username, or "anonymous". */
  default String name() {
    return account().map(Account::username).orElse("anonymous");
  }
}
