package org.umbrella.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for machine clients: {@code umb_} plus 256 random bits, shown once at creation and
 * stored only as a SHA-256 hash, with an optional expiry and an optional scope (the actions the
 * token may be used for, never more than its account's role allows). Thread-safe.
 *
 * <p>A token issued without a scope may do whatever its account may, except {@link
 * Permission#ISSUE_TOKENS}: a token mints tokens only when its scope says so, so that a narrow or
 * short-lived token cannot turn itself into a wide or lasting one. {@link Permission#READ_PUBLIC}
 * is in every scope (the public may do it anyway).
 */
public final class ApiTokens {
  /** A token as listed (never with its secret). */
  public record TokenInfo(
      long id,
      String label,
      String createdAt,
      boolean revoked,
      @Nullable String expiresAt,
      List<String> scope) {}

  /** What a live token grants: its row, account, scope and expiry. */
  public record Grant(
      long tokenId, long accountId, Set<Permission> scope, Optional<Instant> expiresAt) {
    public Grant {
      scope = Set.copyOf(scope);
    }

    /** The credential this token is, for those who hold it beyond the request. */
    public Credential.Token credential() {
      return new Credential.Token(tokenId, expiresAt);
    }
  }

  /**
   * The actions of the {@code read-only} shorthand: every reading action, nothing that changes
   * state.
   */
  public static final Set<Permission> READ_ONLY =
      Set.copyOf(
          EnumSet.of(
              Permission.READ_PUBLIC,
              Permission.READ_REPORTS,
              Permission.READ_DELIBERATION,
              Permission.READ_OBLIGATIONS,
              Permission.READ_AUDIT,
              Permission.READ_METRICS));

  /** The scope of a token issued without one: everything but minting tokens. */
  public static final Set<Permission> DEFAULT_SCOPE =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(Permission.ISSUE_TOKENS)));

  /**
   * How long a token's lookup is remembered; revocation through this class takes effect at once.
   */
  public static final Duration CACHE = Duration.ofSeconds(5);

  private record Cached(Grant grant, Instant until) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final List<Consumer<String>> revoked = new CopyOnWriteArrayList<>();

  public ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Issues a token with the default scope and no expiry; returns its secret. */
  public String issue(long accountId, String label) {
    return issue(accountId, label, DEFAULT_SCOPE, Optional.empty());
  }

  /**
   * Issues a token for {@code accountId} and returns its secret (the only time it is visible).
   *
   * @param scope the actions it may be used for ({@link Permission#READ_PUBLIC} is added)
   * @param expiresAt when it stops working, if ever
   */
  public String issue(
      long accountId, String label, Set<Permission> scope, Optional<Instant> expiresAt) {
    String token = Secrets.random("umb_");
    EnumSet<Permission> actions = EnumSet.of(Permission.READ_PUBLIC);
    actions.addAll(scope);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into api_token (account_id, token_hash, label, created_at, expires_at, scope)
            values (:a, :h, :l, :now, :exp, :scope)""")
                .bind("a", accountId)
                .bind("h", Secrets.hash(token))
                .bind("l", label)
                .bind("now", clock.instant())
                .bind("exp", expiresAt.orElse(null))
                .bind("scope", slugs(actions))
                .execute());
    return token;
  }

  /** The account id a live token belongs to. */
  public Optional<Long> accountFor(String token) {
    return grantFor(token).map(Grant::accountId);
  }

  /** What a live (unrevoked, unexpired) token grants. */
  public Optional<Grant> grantFor(String token) {
    if (token == null || !token.startsWith("umb_") || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Cached c = cache.get(token);
    if (c != null && now.isBefore(c.until())) {
      return Optional.of(c.grant());
    }
    Optional<Grant> found = lookup("token_hash = :h", "h", Secrets.hash(token), now);
    if (found.isPresent()) {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      Instant until = now.plus(CACHE);
      if (found.get().expiresAt().isPresent() && found.get().expiresAt().get().isBefore(until)) {
        until = found.get().expiresAt().get(); // an expiry is never outlived by the cache
      }
      cache.put(token, new Cached(found.get(), until));
    } else {
      cache.remove(token);
    }
    return found;
  }

  /** What the token with row id {@code tokenId} grants, if it is still live (no cache). */
  public Optional<Grant> grantById(long tokenId) {
    return lookup("id = :id", "id", tokenId, clock.instant());
  }

  private Optional<Grant> lookup(String where, String name, Object value, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, account_id, scope, expires_at from api_token where "
                        + where
                        + " and revoked_at is null and (expires_at is null or expires_at > :now)")
                .bind(name, value)
                .bind("now", now)
                .map(
                    (rs, ctx) ->
                        new Grant(
                            rs.getLong("id"),
                            rs.getLong("account_id"),
                            scope(rs.getString("scope")),
                            Optional.ofNullable(rs.getTimestamp("expires_at"))
                                .map(Timestamp::toInstant)))
                .findOne());
  }

  public List<TokenInfo> list(long accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, label, created_at, revoked_at, expires_at, scope from api_token where account_id = :a order by id""")
                .bind("a", accountId)
                .map(
                    (rs, ctx) ->
                        new TokenInfo(
                            rs.getLong("id"),
                            rs.getString("label"),
                            rs.getTimestamp("created_at").toInstant().toString(),
                            rs.getObject("revoked_at") != null,
                            Optional.ofNullable(rs.getTimestamp("expires_at"))
                                .map(t -> t.toInstant().toString())
                                .orElse(null),
                            scope(rs.getString("scope")).stream().map(Permission::slug).toList()))
                .list());
  }

  /** Tells {@code listener} the {@link Credential#key} of every token revoked here. */
  public void onRevoke(Consumer<String> listener) {
    revoked.add(listener);
  }

  /** Revokes one of {@code accountId}'s tokens; false when it has no such token. */
  public boolean revoke(long accountId, long tokenId) {
    cache.clear();
    boolean done =
        jdbi.withHandle(
                h ->
                    h.createUpdate(
                            "update api_token set revoked_at = :now where id = :id and account_id = :a and revoked_at is null")
                        .bind("now", clock.instant())
                        .bind("id", tokenId)
                        .bind("a", accountId)
                        .execute())
            == 1;
    if (done) {
      String key = Credential.tokenKey(tokenId);
      revoked.forEach(l -> l.accept(key));
    }
    return done;
  }

  /**
   * The scope stored as comma-separated action slugs; null (tokens from before scopes) is the
   * default scope.
   */
  static Set<Permission> scope(String stored) {
    if (stored == null) {
      EnumSet<Permission> all = EnumSet.copyOf(DEFAULT_SCOPE);
      all.add(Permission.READ_PUBLIC);
      return all;
    }
    EnumSet<Permission> out = EnumSet.noneOf(Permission.class);
    Arrays.stream(stored.split(","))
        .map(Permission::fromSlug)
        .flatMap(Optional::stream)
        .forEach(out::add);
    return out;
  }

  static String slugs(Set<Permission> actions) {
    return actions.stream().sorted().map(Permission::slug).collect(Collectors.joining(","));
  }
}
