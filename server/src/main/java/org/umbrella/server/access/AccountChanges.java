package org.umbrella.server.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Audit;

/**
 * An administrator's changes to existing accounts: disable one (its sessions and API tokens end
 * with it) and reset a password (its sessions end, so whoever held the old one is signed out). Each
 * change is audited in the same transaction; the ledger keeps accounts' identities and roles, which
 * these do not change.
 */
public final class AccountChanges {
  private final Jdbi jdbi;
  private final Clock clock;

  public AccountChanges(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The usernames of disabled accounts. */
  public Set<String> disabled() {
    return Set.copyOf(
        jdbi.withHandle(
            h ->
                h.createQuery("select username from account where disabled")
                    .mapTo(String.class)
                    .list()));
  }

  /**
   * Disables account {@code id}: it can no longer sign in, and its sessions and API tokens end.
   *
   * @throws DomainError 404 when there is no such account; 409 when it is {@code actor}'s own (an
   *     administrator does not lock themself out) or already disabled
   */
  public void disable(long id, String actor) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          String username = username(h, id);
          if (username.equals(actor)) {
            throw new DomainError.Conflict("/id", "you cannot disable your own account");
          }
          int n =
              h.createUpdate("update account set disabled = true where id = :id and not disabled")
                  .bind("id", id)
                  .execute();
          if (n == 0) {
            throw new DomainError.Conflict("/id", "account '" + username + "' is already disabled");
          }
          h.createUpdate("delete from web_session where account_id = :id").bind("id", id).execute();
          h.createUpdate("delete from api_token where account_id = :id").bind("id", id).execute();
          Audit.record(h, now, actor, "account.disabled", username, Map.of());
        });
  }

  /**
   * Sets a new password for the account {@code reset} names and ends its sessions.
   *
   * @throws DomainError 400 when the password is too easy to guess given the account's names; 404
   *     when there is no such account; 409 when it is disabled
   */
  public void resetPassword(PasswordReset reset, String actor) {
    Instant now = clock.instant();
    long id = reset.accountId();
    String password = reset.password();
    jdbi.useTransaction(
        h -> {
          String username = username(h, id);
          String display =
              h.createQuery("select display_name from account where id = :id")
                  .bind("id", id)
                  .mapTo(String.class)
                  .one();
          Passwords.checkNew(password, List.of(username, display));
          int n =
              h.createUpdate(
                      "update account set password_hash = :h where id = :id and not disabled")
                  .bind("h", Passwords.hash(password))
                  .bind("id", id)
                  .execute();
          if (n == 0) {
            throw new DomainError.Conflict("/id", "account '" + username + "' is disabled");
          }
          h.createUpdate("delete from web_session where account_id = :id").bind("id", id).execute();
          Audit.record(h, now, actor, "account.password-reset", username, Map.of());
        });
  }

  private static String username(Handle h, long id) {
    return h.createQuery("select username from account where id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> new DomainError.NotFound("/id", "no account " + id));
  }
}
