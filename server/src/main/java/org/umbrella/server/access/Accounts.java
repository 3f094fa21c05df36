package org.umbrella.server.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.ops.Audit;

/**
 * The accounts table: create, find, authenticate. Thread-safe.
 *
 * <p>The {@code account} table holds what signing in needs (the password hash, the disabled flag)
 * and is the one the server reads; creating an account also records it in the evidence store
 * ({@code accounts} and {@code account_parties}, ledger leaves) and audits it, in the same
 * transaction. Credentials never reach the ledger: its leaves are shown in proofs.
 */
public final class Accounts {
  private static final RowMapper<Account> MAPPER =
      (rs, ctx) ->
          new Account(
              rs.getLong("id"),
              rs.getString("username"),
              rs.getString("display_name"),
              Role.fromSlug(rs.getString("role")).orElseThrow(),
              Optional.ofNullable(rs.getString("party")));
  private static final String COLUMNS = "id, username, display_name, role, party";

  private final Jdbi jdbi;
  private final Clock clock;
  private final ServerLedger ledger;

  public Accounts(Jdbi jdbi, Clock clock, ServerLedger ledger) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ledger = ledger;
  }

  /**
   * Creates an account on the system's behalf (first start, demo, tests).
   *
   * @throws DomainError 400 for a malformed username or short password, 409 when taken
   */
  public Account create(
      String username, String displayName, Role role, Optional<String> party, String password) {
    return create(username, displayName, role, party, password, "system");
  }

  /**
   * Creates an account; {@code actor} (a username, or {@code system}) is audited as its creator.
   * What the values alone decide, {@link NewAccount} checked when it was made.
   *
   * @throws DomainError 400 for a malformed username, display name or party, or a password too
   *     short, too long or too easy to guess ({@link Passwords#checkNew}); 409 when taken
   */
  public Account create(
      String username,
      String displayName,
      Role role,
      Optional<String> party,
      String password,
      String actor) {
    return create(new NewAccount(username, displayName, role, party, password), actor);
  }

  /**
   * Creates the account {@code a} describes; {@code actor} is audited as its creator.
   *
   * @throws DomainError 409 when the username is taken
   */
  public Account create(NewAccount a, String actor) {
    String username = a.username();
    String displayName = a.displayName();
    Role role = a.role();
    Optional<String> party = a.party();
    String password = a.password();
    if (byUsername(username).isPresent()) {
      throw new DomainError.Conflict("/username", "username '" + username + "' is taken");
    }
    String hash = Passwords.hash(password);
    Instant now = clock.instant();
    long id =
        ledger.write(
            (h, records) -> {
              long created =
                  h.createUpdate(
                          """
              insert into account (username, display_name, role, party, password_hash, created_at)
              values (:u, :d, :r, :p, :h, :at)""")
                      .bind("u", username)
                      .bind("d", displayName)
                      .bind("r", role.slug())
                      .bind("p", party.orElse(null))
                      .bind("h", hash)
                      .bind("at", now)
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              Audit.record(
                  h,
                  now,
                  actor,
                  "account.created",
                  username,
                  Map.of("role", role.slug(), "party", party.orElse("mechanism")));
              records.account(username, displayName, role.slug());
              records.accountParty(username, party.orElse(null));
              return created;
            });
    return new Account(id, username, displayName, role, party);
  }

  /** The ledger account changes are written to. */
  public ServerLedger ledger() {
    return ledger;
  }

  public Optional<Account> byUsername(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select " + COLUMNS + " from account where username = :u and not disabled")
                .bind("u", username)
                .map(MAPPER)
                .findOne());
  }

  public Optional<Account> byId(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from account where id = :id and not disabled")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }

  public List<Account> all() {
    return jdbi.withHandle(
        h -> h.createQuery("select " + COLUMNS + " from account order by id").map(MAPPER).list());
  }

  public boolean isEmpty() {
    return jdbi.withHandle(
            h -> h.createQuery("select count(*) from account").mapTo(Long.class).one())
        == 0;
  }

  /**
   * The account whose password this is, if any. Runs the Argon2id check even for unknown usernames
   * so that timing does not tell which usernames exist.
   */
  public Optional<Account> authenticate(String username, String password) {
    if (password != null && password.length() > Passwords.MAX_LENGTH) {
      return Optional
          .empty(); // never hashed: Argon2 over megabytes is work an attacker would love to hand us
    }
    Optional<String> hash =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select password_hash from account where username = :u and not disabled")
                    .bind("u", username == null ? "" : username)
                    .mapTo(String.class)
                    .findOne());
    boolean ok = Passwords.matches(password == null ? "" : password, hash.orElse(DUMMY_HASH));
    return ok && hash.isPresent() ? byUsername(username) : Optional.empty();
  }

  private static final String DUMMY_HASH = Passwords.hash("not-a-password-" + Secrets.random(""));
}
