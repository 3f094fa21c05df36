package org.umbrella.server.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens for machine clients: {@code umb_} plus 256 random bits, shown once at creation and
 * stored only as a SHA-256 hash. Thread-safe.
 */
public final class ApiTokens {
  /** A token as listed (never with its secret). */
  public record TokenInfo(long id, String label, String createdAt, boolean revoked) {}

  /** How long a token's lookup is remembered; revocation through this class takes effect at once. */
  public static final java.time.Duration CACHE = java.time.Duration.ofSeconds(5);

  private record Cached(long accountId, java.time.Instant until) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

  public ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Issues a token for {@code accountId} and returns its secret (the only time it is visible). */
  public String issue(long accountId, String label) {
    String token = Secrets.random("umb_");
    jdbi.useHandle(h -> h.createUpdate("""
            insert into api_token (account_id, token_hash, label, created_at) values (:a, :h, :l, :now)""")
        .bind("a", accountId).bind("h", Secrets.hash(token)).bind("l", label).bind("now", clock.instant()).execute());
    return token;
  }

  /** The account id a live token belongs to. */
  public Optional<Long> accountFor(String token) {
    if (token == null || !token.startsWith("umb_") || token.length() > 100) {
      return Optional.empty();
    }
    Cached c = cache.get(token);
    java.time.Instant now = clock.instant();
    if (c != null && now.isBefore(c.until())) {
      return Optional.of(c.accountId());
    }
    Optional<Long> found = lookup(token);
    if (found.isPresent()) {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(token, new Cached(found.get(), now.plus(CACHE)));
    } else {
      cache.remove(token);
    }
    return found;
  }

  private Optional<Long> lookup(String token) {
    return jdbi.withHandle(h -> h.createQuery("select account_id from api_token where token_hash = :h and revoked_at is null")
        .bind("h", Secrets.hash(token)).mapTo(Long.class).findOne());
  }

  public List<TokenInfo> list(long accountId) {
    return jdbi.withHandle(h -> h.createQuery("select id, label, created_at, revoked_at from api_token where account_id = :a order by id")
        .bind("a", accountId)
        .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getString("label"), rs.getString("created_at"), rs.getObject("revoked_at") != null))
        .list());
  }

  /** Revokes one of {@code accountId}'s tokens; false when it has no such token. */
  public boolean revoke(long accountId, long tokenId) {
    cache.clear();
    return jdbi.withHandle(h -> h.createUpdate("update api_token set revoked_at = :now where id = :id and account_id = :a and revoked_at is null")
        .bind("now", clock.instant()).bind("id", tokenId).bind("a", accountId).execute()) == 1;
  }
}
