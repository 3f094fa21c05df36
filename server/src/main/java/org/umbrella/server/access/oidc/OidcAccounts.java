package org.umbrella.server.access.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Accounts;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Audit;

/**
 * Maps a verified OpenID Connect identity to an existing Umbrella account, and lets an
 * administrator prepare accounts for it.
 *
 * <p>An identity signs in as the account linked to its (issuer, subject). Failing that, when the
 * provider vouches for the identity's email ({@code email_verified}) and exactly one enabled
 * account carries that email (set by an administrator), the identity is linked to that account on
 * the spot (audited) and signs in as it; an account already linked to another identity of the same
 * provider is not linked again. Nothing else signs in: accounts, roles and parties are never
 * created from a sign-in (least privilege). Thread-safe.
 */
public final class OidcAccounts {
  private final Jdbi jdbi;
  private final Accounts accounts;
  private final Clock clock;

  public OidcAccounts(Jdbi jdbi, Accounts accounts, Clock clock) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * The account {@code identity} signs in as, if any (linking it by verified email when that
   * applies).
   */
  public Optional<Account> accountFor(OidcIdentity identity) {
    Optional<Long> linked =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select account_id from account_oidc_identity where issuer = :i and subject = :s")
                    .bind("i", identity.issuer())
                    .bind("s", identity.subject())
                    .mapTo(Long.class)
                    .findOne());
    if (linked.isPresent()) {
      return accounts.byId(linked.get());
    }
    if (!identity.emailVerified() || identity.email().isEmpty()) {
      return Optional.empty();
    }
    String email = identity.email().get().toLowerCase(Locale.ROOT);
    Optional<Long> byEmail =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
            select a.id from account a
            where lower(a.email) = :e and not a.disabled
              and not exists (select 1 from account_oidc_identity l where l.account_id = a.id and l.issuer = :i)""")
                    .bind("e", email)
                    .bind("i", identity.issuer())
                    .mapTo(Long.class)
                    .findOne());
    if (byEmail.isEmpty()) {
      return Optional.empty();
    }
    // linked (and ledgered) only now that there is something to link; the primary key and the
    // one-identity-per-provider constraint refuse a concurrent second link
    accounts
        .ledger()
        .write(
            (h, records) -> {
              insertLink(h, identity.issuer(), identity.subject(), byEmail.get(), "verified-email");
              String username = usernameOf(h, byEmail.get());
              Audit.record(
                  h,
                  clock.instant(),
                  "system",
                  "account.oidc-linked",
                  username,
                  Map.of(
                      "issuer",
                      identity.issuer(),
                      "subject",
                      identity.subject(),
                      "by",
                      "verified email"));
              return records.accountIdentity(
                  username, identity.issuer(), identity.subject(), true, "verified-email");
            });
    return accounts.byId(byEmail.get());
  }

  /** An identity linked to an account. */
  public record Link(String issuer, String subject, Instant linkedAt, String linkedBy) {}

  /** The identities linked to an account, by issuer and subject. */
  public List<Link> links(long accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select issuer, subject, linked_at, linked_by from account_oidc_identity where account_id = :a order by issuer, subject")
                .bind("a", accountId)
                .map(
                    (rs, c) ->
                        new Link(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4)))
                .list());
  }

  /**
   * Puts an email on an account (what a verified-email sign-in is matched against), or removes it
   * when {@code email} is empty; audited as done by {@code by}.
   *
   * @throws DomainError 400 for a malformed email, 404 for an unknown account, 409 when another
   *     account has it
   */
  public void setEmail(long accountId, Optional<String> email, String by) {
    email.ifPresent(OidcAccounts::checkEmail);
    jdbi.useTransaction(
        h -> {
          if (email.isPresent()
              && h.createQuery("select count(*) from account where lower(email) = :e and id <> :id")
                      .bind("e", email.get().toLowerCase(Locale.ROOT))
                      .bind("id", accountId)
                      .mapTo(Long.class)
                      .one()
                  > 0) {
            throw new DomainError.Conflict("/email", "another account has this email");
          }
          int n =
              h.createUpdate("update account set email = :e where id = :id")
                  .bind("e", email.orElse(null))
                  .bind("id", accountId)
                  .execute();
          if (n == 0) {
            throw new DomainError.NotFound("/account", "no account " + accountId);
          }
          Audit.record(
              h,
              clock.instant(),
              by,
              "account.email-set",
              usernameOf(h, accountId),
              Map.of("email", email.orElse("")));
        });
  }

  /**
   * Checks the form of an account email.
   *
   * @throws DomainError 400 unless it looks like {@code name@example.org}
   */
  public static void checkEmail(String email) {
    if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
      throw new DomainError.Invalid("/email", "email must look like name@example.org");
    }
  }

  /**
   * Links an identity of a provider to an account (an administrator's act, audited).
   *
   * @throws DomainError 409 when the identity, or another identity of the same provider for this
   *     account, is already linked
   */
  public void link(long accountId, IdentityLink identity, String by) {
    String issuer = identity.issuer();
    String subject = identity.subject();
    accounts
        .ledger()
        .write(
            (h, records) -> {
              String username = usernameOf(h, accountId);
              if (h.createQuery(
                          "select count(*) from account_oidc_identity where (issuer = :i and subject = :s) or (issuer = :i and account_id = :a)")
                      .bind("i", issuer)
                      .bind("s", subject)
                      .bind("a", accountId)
                      .mapTo(Long.class)
                      .one()
                  > 0) {
                throw new DomainError.Conflict(
                    "/subject", "this identity or this account is already linked for " + issuer);
              }
              insertLink(h, issuer, subject, accountId, by);
              Audit.record(
                  h,
                  clock.instant(),
                  by,
                  "account.oidc-linked",
                  username,
                  Map.of("issuer", issuer, "subject", subject, "by", by));
              return records.accountIdentity(username, issuer, subject, true, by);
            });
  }

  /**
   * Unlinks an identity from an account (an administrator's act, audited and a ledger leaf); the
   * identity no longer signs in, not even by a verified email that still matches (the link by email
   * is made only when the account has no identity of that provider, and the administrator may take
   * the email off the account too).
   *
   * @throws DomainError 404 for an unknown account or when this identity is not linked to it
   */
  public void unlink(long accountId, IdentityLink identity, String by) {
    String issuer = identity.issuer();
    String subject = identity.subject();
    accounts
        .ledger()
        .write(
            (h, records) -> {
              String username = usernameOf(h, accountId);
              int n =
                  h.createUpdate(
                          "delete from account_oidc_identity where issuer = :i and subject = :s and account_id = :a")
                      .bind("i", issuer)
                      .bind("s", subject)
                      .bind("a", accountId)
                      .execute();
              if (n == 0) {
                throw new DomainError.NotFound(
                    "/subject", "this identity is not linked to account " + accountId);
              }
              Audit.record(
                  h,
                  clock.instant(),
                  by,
                  "account.oidc-unlinked",
                  username,
                  Map.of("issuer", issuer, "subject", subject));
              return records.accountIdentity(username, issuer, subject, false, by);
            });
  }

  private void insertLink(Handle h, String issuer, String subject, long accountId, String by) {
    h.createUpdate(
            """
            insert into account_oidc_identity (issuer, subject, account_id, linked_at, linked_by)
            values (:i, :s, :a, :at, :by)""")
        .bind("i", issuer)
        .bind("s", subject)
        .bind("a", accountId)
        .bind("at", clock.instant())
        .bind("by", by)
        .execute();
  }

  private static String usernameOf(Handle h, long accountId) {
    return h.createQuery("select username from account where id = :id")
        .bind("id", accountId)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> new DomainError.NotFound("/account", "no account " + accountId));
  }
}
