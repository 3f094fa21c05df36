package org.umbrella.server.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.umbrella.server.ServerException;
import org.umbrella.server.Services;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.access.Sessions;

/**
 * Works out who a request comes from (API token or session cookie) and checks CSRF tokens.
 *
 * <p>The session cookie is HttpOnly, SameSite=Strict, path /, and Secure when the server is told
 * it runs behind TLS. Unsafe requests authenticated by the cookie must echo the session's CSRF
 * token in the {@code X-CSRF-Token} header or the {@code _csrf} form field.
 */
public final class Authn {
  /** The session cookie's name. */
  public static final String COOKIE = "umbrella_session";
  public static final String PRINCIPAL = "umbrella.principal";
  public static final String SESSION = "umbrella.session";

  private final Services services;
  private volatile java.util.Optional<org.umbrella.server.access.oidc.ProviderLogout> providerLogout = java.util.Optional.empty();

  public Authn(Services services) {
    this.services = services;
  }

  /** RP-initiated logout at the identity provider, when OpenID Connect sign-in is configured. */
  public java.util.Optional<org.umbrella.server.access.oidc.ProviderLogout> providerLogout() {
    return providerLogout;
  }

  void providerLogout(org.umbrella.server.access.oidc.ProviderLogout logout) {
    this.providerLogout = java.util.Optional.of(logout);
  }

  /** Resolves the principal of {@code ctx} and remembers it (and the session) on the context. */
  public Principal resolve(Context ctx) {
    Object known = ctx.attribute(PRINCIPAL);
    if (known instanceof Principal p) {
      return p;
    }
    Principal principal = Principal.ANONYMOUS;
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.startsWith("Bearer ")) {
        throw new ServerException(401, "unauthenticated", "Authorization", "use 'Authorization: Bearer <token>'");
      }
      long id = services.tokens().accountFor(auth.substring(7).trim())
          .orElseThrow(() -> new ServerException(401, "unauthenticated", "Authorization", "unknown or revoked API token"));
      principal = services.accounts().byId(id).<Principal>map(a -> new Principal.Authenticated(a, true))
          .orElseThrow(() -> new ServerException(401, "unauthenticated", "Authorization", "the token's account is disabled"));
    } else {
      Optional<Sessions.Session> session = services.sessions().find(ctx.cookie(COOKIE));
      if (session.isPresent()) {
        ctx.attribute(SESSION, session.get());
        if (session.get().accountId().isPresent()) {
          principal = services.accounts().byId(session.get().accountId().get())
              .<Principal>map(a -> new Principal.Authenticated(a, false)).orElse(Principal.ANONYMOUS);
        }
      }
    }
    ctx.attribute(PRINCIPAL, principal);
    return principal;
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

  /**
   * The session to use for a page, starting an anonymous one (for the login form's CSRF token)
   * when there is none.
   */
  public Sessions.Session sessionForPage(Context ctx) {
    Optional<Sessions.Session> s = session(ctx);
    if (s.isPresent()) {
      return s.get();
    }
    Sessions.Session fresh = services.sessions().start(Optional.empty());
    setCookie(ctx, fresh.id());
    ctx.attribute(SESSION, fresh);
    return fresh;
  }

  /**
   * Rejects an unsafe request whose credentials are ambient (a cookie) unless it carries the
   * session's CSRF token. Token-authenticated requests carry no ambient credentials and pass.
   */
  public void checkCsrf(Context ctx, Principal principal) {
    if (principal instanceof Principal.Authenticated a && a.viaToken()) {
      return;
    }
    Optional<Sessions.Session> session = session(ctx);
    if (session.isEmpty()) {
      if (principal.account().isEmpty() && ctx.cookie(COOKIE) == null) {
        return; // no session, no ambient credentials: access control alone decides
      }
      throw new ServerException(403, "csrf", "_csrf", "your session has expired; reload the page and try again");
    }
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null && isForm(ctx)) {
      sent = ctx.formParam("_csrf");
    }
    if (!Secrets.equal(sent, session.get().csrfToken())) {
      throw new ServerException(403, "csrf", "_csrf", "missing or wrong CSRF token (send the X-CSRF-Token header or the _csrf form field)");
    }
  }

  static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
  }

  /** Sets the session cookie. */
  public void setCookie(Context ctx, String sessionId) {
    ctx.cookie(new Cookie(COOKIE, sessionId, "/", (int) Sessions.LIFETIME.toSeconds(),
        services.options().secureCookies(), true, null, SameSite.STRICT));
  }

  /** Clears the session cookie. */
  public void clearCookie(Context ctx) {
    ctx.cookie(new Cookie(COOKIE, "", "/", 0, services.options().secureCookies(), true, null, SameSite.STRICT));
  }
}
