package org.umbrella.server.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.ApiTokens;
import org.umbrella.server.access.Credential;
import org.umbrella.server.access.PreSessions;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.access.SigningKey;
import org.umbrella.server.access.TrustedDevices;
import org.umbrella.server.access.oidc.ProviderLogout;
import org.umbrella.server.app.DomainError;

/**
 * Works out who a request comes from (API token or session cookie), checks CSRF tokens, and tells
 * whether a credential held beyond its request (an event stream's) still holds.
 *
 * <p>The session cookie is HttpOnly, SameSite=Strict, path /, and Secure when the server is told it
 * runs behind TLS. Unsafe requests authenticated by the cookie must echo the session's CSRF token
 * in the {@code X-CSRF-Token} header or the {@code _csrf} form field. Before sign-in the same
 * cookie carries a pre-session ({@link PreSessions}: signed, no database row), made only where a
 * form needs a CSRF token (the sign-in form, and {@code GET /api/v1/session} for scripts).
 */
public final class Authn {
  /** The session cookie's name. */
  public static final String COOKIE = "umbrella_session";

  /** The trusted-device cookie's name ({@link TrustedDevices}). */
  public static final String DEVICE_COOKIE = "umbrella_device";

  public static final String PRINCIPAL = "umbrella.principal";
  public static final String SESSION = "umbrella.session";
  static final String PRE_SESSION = "umbrella.pre-session";
  static final String CREDENTIAL = "umbrella.credential";

  /** How long an open stream's credential is trusted before it is looked up again. */
  static final Duration RECHECK = Duration.ofSeconds(5);

  private final ServerComponents services;
  private final PreSessions preSessions;
  private final TrustedDevices devices;
  private volatile Optional<ProviderLogout> providerLogout = Optional.empty();

  private record Checked(Optional<Principal> principal, Instant until) {}

  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  public Authn(ServerComponents services) {
    this.services = services;
    SigningKey key = SigningKey.stored(services.jdbi());
    this.preSessions = new PreSessions(key, services.clock());
    this.devices = new TrustedDevices(key, services.clock());
    // a credential that ends is forgotten at once, not after RECHECK
    services.sessions().onEnd(checked::remove);
    services.tokens().onRevoke(checked::remove);
  }

  /** RP-initiated logout at the identity provider, when OpenID Connect sign-in is configured. */
  public Optional<ProviderLogout> providerLogout() {
    return providerLogout;
  }

  void providerLogout(ProviderLogout logout) {
    this.providerLogout = Optional.of(logout);
  }

  /** Trusted-device cookies, for the sign-in throttle. */
  TrustedDevices devices() {
    return devices;
  }

  /** Resolves the principal of {@code ctx} and remembers it (and the session) on the context. */
  public Principal resolve(Context ctx) {
    Object known = ctx.attribute(PRINCIPAL);
    if (known instanceof Principal p) {
      return p;
    }
    Principal principal = Principal.ANONYMOUS;
    Credential credential = Credential.NONE;
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.startsWith("Bearer ")) {
        throw new DomainError.Unauthenticated(
            "Authorization", "use 'Authorization: Bearer <token>'");
      }
      ApiTokens.Grant grant =
          services
              .tokens()
              .grantFor(auth.substring(7).trim())
              .orElseThrow(
                  () ->
                      new DomainError.Unauthenticated(
                          "Authorization", "unknown, revoked or expired API token"));
      principal =
          tokenPrincipal(grant)
              .orElseThrow(
                  () ->
                      new DomainError.Unauthenticated(
                          "Authorization", "the token's account is disabled"));
      credential = grant.credential();
    } else {
      String cookie = ctx.cookie(COOKIE);
      Optional<PreSessions.PreSession> pre = preSessions.find(cookie);
      if (pre.isPresent()) {
        ctx.attribute(PRE_SESSION, pre.get());
      } else {
        Optional<Sessions.Session> session = services.sessions().find(cookie);
        if (session.isPresent()) {
          ctx.attribute(SESSION, session.get());
          if (session.get().accountId().isPresent()) {
            Optional<Principal> signedIn =
                services
                    .accounts()
                    .byId(session.get().accountId().get())
                    .map(a -> new Principal.Authenticated(a, false));
            if (signedIn.isPresent()) {
              principal = signedIn.get();
              credential = session.get().credential();
            }
          }
        }
      }
    }
    ctx.attribute(PRINCIPAL, principal);
    ctx.attribute(CREDENTIAL, credential);
    return principal;
  }

  private Optional<Principal> tokenPrincipal(ApiTokens.Grant grant) {
    return services
        .accounts()
        .byId(grant.accountId())
        .map(a -> new Principal.Authenticated(a, true, grant.scope(), grant.expiresAt()));
  }

  /** The credential {@link #resolve} found on {@code ctx} (none for the public). */
  public static Credential credential(Context ctx) {
    return ctx.attribute(CREDENTIAL) instanceof Credential c ? c : Credential.NONE;
  }

  /**
   * The principal {@code credential} stands for now, or empty when it no longer holds (the session
   * ended or expired, the token was revoked or expired, the account was disabled). Expiry is
   * checked against the clock at every call; the rest is looked up again at most every {@link
   * #RECHECK}, and at once after a sign-out or a revocation through this server.
   */
  public Optional<Principal> current(Credential credential) {
    Instant now = services.clock().instant();
    if (credential.expires().map(e -> !now.isBefore(e)).orElse(false)) {
      checked.remove(credential.key());
      return Optional.empty();
    }
    if (credential instanceof Credential.None) {
      return Optional.of(Principal.ANONYMOUS);
    }
    Checked c = checked.get(credential.key());
    if (c != null && now.isBefore(c.until())) {
      return c.principal();
    }
    Optional<Principal> p =
        switch (credential) {
          case Credential.Token t ->
              services.tokens().grantById(t.tokenId()).flatMap(this::tokenPrincipal);
          case Credential.Session s ->
              services
                  .sessions()
                  .find(s.sessionId())
                  .flatMap(Sessions.Session::accountId)
                  .flatMap(services.accounts()::byId)
                  .map(a -> new Principal.Authenticated(a, false));
          case Credential.None n -> Optional.of(Principal.ANONYMOUS);
        };
    if (checked.size() > 10_000) {
      checked.clear();
    }
    checked.put(credential.key(), new Checked(p, now.plus(RECHECK)));
    return p;
  }

  /** The principal already resolved for {@code ctx}. */
  public static Principal principal(Context ctx) {
    Object p = ctx.attribute(PRINCIPAL);
    return p instanceof Principal principal ? principal : Principal.ANONYMOUS;
  }

  /** The session of {@code ctx}, if the request carried a live session cookie. */
  public static Optional<Sessions.Session> session(Context ctx) {
    return ctx.attribute(SESSION) instanceof Sessions.Session s ? Optional.of(s) : Optional.empty();
  }

  /** The CSRF token of the request's session or pre-session, if it has one. */
  public static Optional<String> csrfToken(Context ctx) {
    if (ctx.attribute(SESSION) instanceof Sessions.Session s) {
      return Optional.of(s.csrfToken());
    }
    if (ctx.attribute(PRE_SESSION) instanceof PreSessions.PreSession p) {
      return Optional.of(p.csrfToken());
    }
    return Optional.empty();
  }

  /**
   * The CSRF token for a form that needs one, starting a pre-session (a signed cookie, no database
   * row) when the browser has neither a session nor a pre-session.
   */
  public String csrfTokenForForm(Context ctx) {
    Optional<String> known = csrfToken(ctx);
    if (known.isPresent()) {
      return known.get();
    }
    PreSessions.PreSession fresh = preSessions.start();
    setCookie(ctx, fresh.cookie(), (int) PreSessions.LIFETIME.toSeconds());
    ctx.attribute(PRE_SESSION, fresh);
    return fresh.csrfToken();
  }

  /**
   * Rejects an unsafe request whose credentials are ambient (a cookie) unless it carries the
   * session's CSRF token. Token-authenticated requests carry no ambient credentials and pass.
   */
  public void checkCsrf(Context ctx, Principal principal) {
    if (principal instanceof Principal.Authenticated a && a.viaToken()) {
      return;
    }
    Optional<String> expected = csrfToken(ctx);
    if (expected.isEmpty()) {
      if (principal.account().isEmpty() && ctx.cookie(COOKIE) == null) {
        return; // no session, no ambient credentials: access control alone decides
      }
      throw HttpProblem.refused(
          403, "csrf", "_csrf", "your session has expired; reload the page and try again");
    }
    if (!Secrets.equal(sentCsrfToken(ctx), expected.get())) {
      throw HttpProblem.refused(
          403,
          "csrf",
          "_csrf",
          "missing or wrong CSRF token (send the X-CSRF-Token header or the _csrf form field)");
    }
  }

  private static String sentCsrfToken(Context ctx) {
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null && isForm(ctx)) {
      sent = ctx.formParam("_csrf");
    }
    return sent;
  }

  /**
   * Refuses a sign-in another site started (login CSRF: it would sign the browser into the
   * attacker's account). A browser says where a request comes from: {@code Sec-Fetch-Site} must be
   * {@code same-origin} or {@code none} (typed or bookmarked), and {@code Origin} must name this
   * server (the {@code Host} it was reached at, or the {@code X-Forwarded-Host} a proxy set, which
   * no cross-site form can send, or the origin of the OpenID Connect redirect URI, when
   * configured). The sign-in form must in addition carry its pre-session's token, which decides for
   * browsers that send neither header; a script posting JSON with no cookie at all is not a browser
   * tricked by another site (a cross-site page cannot post {@code application/json} without a CORS
   * preflight this server never grants).
   *
   * @param form whether this is the HTML form (which must carry its pre-session's token)
   * @throws DomainError 403 {@code csrf}
   */
  public void checkSignInOrigin(Context ctx, boolean form) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw HttpProblem.refused(
          403,
          "csrf",
          "Sec-Fetch-Site",
          "sign in from this site's own sign-in page (the request came from " + site + ")");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(ctx, origin) && !publicOrigin(origin)) {
      throw HttpProblem.refused(
          403,
          "csrf",
          "Origin",
          "sign in from this site's own sign-in page, not from another origin");
    }
    if (form && csrfToken(ctx).isEmpty()) {
      throw HttpProblem.refused(
          403,
          "csrf",
          "_csrf",
          "the sign-in form has expired or did not come from this site; reload the sign-in page");
    }
  }

  /**
   * Whether {@code origin} is the one browsers reach this server at, as the OIDC redirect URI names
   * it.
   */
  private boolean publicOrigin(String origin) {
    return services
        .options()
        .oidc()
        .map(o -> o.redirectUri())
        .map(u -> (u.getScheme() + "://" + u.getRawAuthority()).equalsIgnoreCase(origin))
        .orElse(false);
  }

  static boolean sameOrigin(Context ctx, String origin) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (uri.getHost() == null) {
      return false; // "null" (a sandboxed frame, a redirect chain) or garbage
    }
    String authority = uri.getRawAuthority();
    String host = ctx.header("Host");
    String forwarded = ctx.header("X-Forwarded-Host");
    return authority.equalsIgnoreCase(host == null ? "" : host)
        || authority.equalsIgnoreCase(forwarded == null ? "" : forwarded);
  }

  static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  /** Sets the session cookie. */
  public void setCookie(Context ctx, String sessionId) {
    setCookie(ctx, sessionId, (int) Sessions.LIFETIME.toSeconds());
  }

  private void setCookie(Context ctx, String value, int maxAge) {
    ctx.cookie(
        new Cookie(
            COOKIE,
            value,
            "/",
            maxAge,
            services.options().secureCookies(),
            true,
            null,
            SameSite.STRICT));
  }

  /** Gives the browser a trusted-device cookie for {@code accountId} (after a password sign-in). */
  void trustDevice(Context ctx, long accountId) {
    ctx.cookie(
        new Cookie(
            DEVICE_COOKIE,
            devices.issue(accountId),
            "/",
            (int) TrustedDevices.LIFETIME.toSeconds(),
            services.options().secureCookies(),
            true,
            null,
            SameSite.STRICT));
  }

  /** Clears the session cookie. */
  public void clearCookie(Context ctx) {
    ctx.cookie(
        new Cookie(
            COOKIE, "", "/", 0, services.options().secureCookies(), true, null, SameSite.STRICT));
  }
}
