package org.umbrella.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions: an id in an HttpOnly cookie, its SHA-256 in the database, and a CSRF token.
 *
 * <p>Rows are made only at sign-in: a visitor's login form is protected by a pre-session that lives
 * in a signed cookie, not here ({@link PreSessions}). Signing in never upgrades a session: the old
 * one is deleted and a new one with a new id and a new CSRF token is issued, so an id planted
 * before login is worthless after it (no session fixation). Whoever holds a session open (an event
 * stream) hears when it ends ({@link #onEnd}).
 */
public final class Sessions {
  /** How long a session lives without being renewed. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** A live session. {@code id} is the cookie value, known only to the client and this call. */
  public record Session(String id, Optional<Long> accountId, String csrfToken, Instant expiresAt) {
    /** The credential this session is, for those who hold it beyond the request. */
    public Credential.Session credential() {
      return new Credential.Session(id, expiresAt);
    }

    @Override
    public String toString() {
      return "Session[" + accountId + "]"; // never the id or the token
    }
  }

  private final Jdbi jdbi;
  private final Clock clock;
  private final List<Consumer<String>> ended = new CopyOnWriteArrayList<>();

  public Sessions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Starts a session for {@code accountId} (or an anonymous one when empty). */
  public Session start(Optional<Long> accountId) {
    String id = Secrets.random("");
    String csrf = Secrets.random("");
    Instant now = clock.instant();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into web_session (id_hash, account_id, csrf_token, created_at, expires_at)
            values (:h, :a, :c, :now, :exp)""")
                .bind("h", Secrets.hash(id))
                .bind("a", accountId.orElse(null))
                .bind("c", csrf)
                .bind("now", now)
                .bind("exp", now.plus(LIFETIME))
                .execute());
    return new Session(id, accountId, csrf, now.plus(LIFETIME));
  }

  /** Tells {@code listener} the {@link Credential#key} of every session that ends here. */
  public void onEnd(Consumer<String> listener) {
    ended.add(listener);
  }

  /** The live session with this cookie value, if any. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select account_id, csrf_token, expires_at from web_session where id_hash = :h and expires_at > :now""")
                .bind("h", Secrets.hash(id))
                .bind("now", clock.instant())
                .map(
                    (rs, ctx) ->
                        new Session(
                            id,
                            Optional.ofNullable((Long) rs.getObject("account_id")),
                            rs.getString("csrf_token"),
                            rs.getTimestamp("expires_at").toInstant()))
                .findOne());
  }

  /** Ends the session with this cookie value (logout, or rotation at login). */
  public void end(String id) {
    if (id != null) {
      jdbi.useHandle(
          h ->
              h.createUpdate("delete from web_session where id_hash = :h")
                  .bind("h", Secrets.hash(id))
                  .execute());
      String key = Credential.sessionKey(id);
      ended.forEach(l -> l.accept(key));
    }
  }

  /** Deletes expired sessions; returns how many. */
  public int purgeExpired() {
    return jdbi.withHandle(
        h ->
            h.createUpdate("delete from web_session where expires_at <= :now")
                .bind("now", clock.instant())
                .execute());
  }
}
