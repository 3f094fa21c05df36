package org.umbrella.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.LoginThrottle;
import org.umbrella.server.access.Passwords;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.access.oidc.OidcAccounts;
import org.umbrella.server.access.oidc.OidcClient;
import org.umbrella.server.access.oidc.OidcConfig;
import org.umbrella.server.access.oidc.OidcIdentity;
import org.umbrella.server.access.oidc.ProviderLogout;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Audit;

/**
 * Signing in and out, shared by the login form and the JSON API, and OpenID Connect sign-in when
 * configured.
 */
public final class Logins {
  private Logins() {}

  /**
   * Signs in with a password: refuses a sign-in another site started ({@link
   * Authn#checkSignInOrigin}), asks the throttle for a password check (which counts it before the
   * check, so parallel attempts cannot exceed the limit), checks the password, ends the current
   * session and starts a new one (new id, new CSRF token), trusts the browser for this account (its
   * later sign-ins are throttled apart from strangers'), and audits the attempt. Never logs the
   * password.
   *
   * @param form whether the request is the HTML sign-in form (which must carry its pre-session
   *     token)
   * @throws DomainError 403 from another site, 429 when throttled, 401 for a wrong username or
   *     password, 400 for a username or password longer than any account can have
   */
  public static Account signIn(
      ServerComponents s,
      Authn authn,
      Context ctx,
      String username,
      String password,
      boolean form) {
    authn.checkSignInOrigin(ctx, form);
    String address = ctx.ip();
    String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (user.length() > 64) {
      throw new DomainError.Invalid("/username", "username must have at most 64 characters");
    }
    if (password != null && password.length() > Passwords.MAX_LENGTH) {
      throw new DomainError.Invalid(
          "/password", "password must have at most " + Passwords.MAX_LENGTH + " characters");
    }
    Optional<String> device =
        s.accounts()
            .byUsername(user)
            .flatMap(a -> authn.devices().deviceFor(ctx.cookie(Authn.DEVICE_COOKIE), a.id()));
    LoginThrottle.Admission admission = s.throttle().admit(user, address, device);
    if (admission instanceof LoginThrottle.Refused refused) {
      long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
      s.jdbi()
          .useHandle(
              h ->
                  Audit.record(
                      h,
                      s.clock().instant(),
                      "anonymous",
                      "session.throttled",
                      user,
                      Map.of("address", address)));
      throw HttpProblem.refused(
          429,
          "too-many-attempts",
          "/username",
          "too many failed sign-ins; try again in "
              + (seconds < 60 ? seconds + " second(s)" : ((seconds + 59) / 60) + " minute(s)"),
          seconds);
    }
    LoginThrottle.Admitted ticket = (LoginThrottle.Admitted) admission;
    boolean reported = false;
    try {
      Optional<Account> account = s.accounts().authenticate(user, password);
      if (account.isEmpty()) {
        s.throttle().failed(ticket);
        reported = true;
        s.jdbi()
            .useHandle(
                h ->
                    Audit.record(
                        h,
                        s.clock().instant(),
                        "anonymous",
                        "session.failed",
                        user,
                        Map.of("address", address)));
        throw HttpProblem.refused(
            401, "wrong-credentials", "/password", "wrong username or password");
      }
      s.throttle().succeeded(ticket);
      reported = true;
      startSession(
          s,
          authn,
          ctx,
          account.get(),
          Map.of("address", address, "device", device.isPresent() ? "trusted" : "new"));
      authn.trustDevice(ctx, account.get().id());
      return account.get();
    } finally {
      if (!reported) {
        s.throttle().release(ticket);
      }
    }
  }

  /**
   * Ends whatever session the browser had (anonymous or another account's) and starts a new one for
   * {@code account} (new id, new CSRF token: no session fixation); audits the login.
   */
  static void startSession(
      ServerComponents s, Authn authn, Context ctx, Account account, Map<String, String> detail) {
    Authn.session(ctx).ifPresent(old -> s.sessions().end(old.id()));
    Sessions.Session fresh = s.sessions().start(Optional.of(account.id()));
    authn.setCookie(ctx, fresh.id());
    ctx.attribute(Authn.SESSION, fresh);
    ctx.attribute(Authn.PRINCIPAL, new Principal.Authenticated(account, false));
    s.jdbi()
        .useHandle(
            h ->
                Audit.record(
                    h,
                    s.clock().instant(),
                    account.username(),
                    "session.login",
                    account.username(),
                    detail));
  }

  // ---- OpenID Connect ---------------------------------------------------------------------------

  /** The cookie binding a sign-in at the provider to the browser that started it. */
  static final String OIDC_COOKIE = "umbrella_oidc";

  /**
   * Registers {@code GET /auth/oidc/login} (redirects to the provider) and {@code GET
   * /auth/oidc/callback} (validates the answer, maps the identity to an account, starts a session,
   * redirects to {@code /}). Failures are shown as a plain page with the reason; an identity with
   * no account gets 403 and no session.
   */
  static void registerOidc(JavalinConfig config, ServerComponents s, Authn authn, OidcConfig oidc) {
    OidcClient client = new OidcClient(oidc, Clock.systemUTC());
    ProviderLogout logout = new ProviderLogout(client);
    authn.providerLogout(logout);
    OidcAccounts links = new OidcAccounts(s.jdbi(), s.accounts(), s.clock());
    config.routes.get(
        OidcConfig.LOGIN_PATH,
        ctx ->
            oidcPage(
                ctx,
                () -> {
                  OidcClient.Start start = client.begin();
                  // Lax, not Strict: the provider's redirect back is a cross-site navigation, and
                  // this cookie
                  // must come with it. It only names a pending sign-in; it grants nothing by
                  // itself.
                  ctx.cookie(
                      new Cookie(
                          OIDC_COOKIE,
                          start.browserBinding(),
                          "/auth/oidc",
                          (int) Duration.ofMinutes(10).toSeconds(),
                          s.options().secureCookies(),
                          true,
                          null,
                          SameSite.LAX));
                  ctx.redirect(start.authorizationUri().toString(), HttpStatus.FOUND);
                }));
    config.routes.get(
        OidcConfig.CALLBACK_PATH,
        ctx ->
            oidcPage(
                ctx,
                () -> {
                  ctx.cookie(
                      new Cookie(
                          OIDC_COOKIE,
                          "",
                          "/auth/oidc",
                          0,
                          s.options().secureCookies(),
                          true,
                          null,
                          SameSite.LAX));
                  authn.resolve(
                      ctx); // finds the browser's current session, so that signing in ends it
                  OidcClient.SignedIn signedIn =
                      client.completeWithToken(ctx.queryParamMap(), ctx.cookie(OIDC_COOKIE));
                  OidcIdentity identity = signedIn.identity();
                  Optional<Account> account = links.accountFor(identity);
                  if (account.isEmpty()) {
                    s.jdbi()
                        .useHandle(
                            h ->
                                Audit.record(
                                    h,
                                    s.clock().instant(),
                                    "anonymous",
                                    "session.oidc-unknown",
                                    identity.subject(),
                                    Map.of("issuer", identity.issuer(), "address", ctx.ip())));
                    throw new DomainError.Forbidden(
                        "no account for this identity; ask an administrator to create one for you"
                            + " (with your email address) or to link this identity to your account");
                  }
                  startSession(
                      s,
                      authn,
                      ctx,
                      account.get(),
                      Map.of("address", ctx.ip(), "method", "oidc", "issuer", identity.issuer()));
                  Authn.session(ctx)
                      .ifPresent(fresh -> logout.signedIn(fresh.id(), signedIn.idToken()));
                  ctx.redirect("/?done=signed-in", HttpStatus.SEE_OTHER);
                }));
  }

  private interface Step {
    void run() throws Exception;
  }

  /**
   * Runs an OIDC step; a failure becomes a small HTML page (these are browser navigations, not API
   * calls).
   */
  private static void oidcPage(Context ctx, Step step) throws Exception {
    try {
      step.run();
    } catch (DomainError e) {
      ctx.status(ProblemMapping.of(e).status())
          .contentType("text/html; charset=utf-8")
          .result(
              "<!doctype html><html lang=\"en\"><head>"
                  + "<meta charset=\"utf-8\"><title>Sign-in failed - Umbrella</title></head><body><main><h1>Sign-in failed</h1><p>"
                  + Html.escape(e.detail())
                  + "</p><p><a href=\"/login\">Back to sign-in</a></p></main></body></html>");
    }
  }

  /**
   * Ends the browser's session; answers where to send the browser so that the identity provider
   * ends its session too, when the session was started there and the provider advertises an {@code
   * end_session_endpoint} (RP-initiated logout).
   */
  public static Optional<URI> signOut(ServerComponents s, Authn authn, Context ctx, Principal p) {
    Optional<Sessions.Session> session = Authn.session(ctx);
    session.ifPresent(old -> s.sessions().end(old.id()));
    authn.clearCookie(ctx);
    Optional<URI> atProvider =
        session.flatMap(old -> authn.providerLogout().flatMap(l -> l.signedOut(old.id())));
    if (p.account().isPresent()) {
      s.jdbi()
          .useHandle(
              h ->
                  Audit.record(
                      h,
                      s.clock().instant(),
                      p.name(),
                      "session.logout",
                      p.name(),
                      atProvider.isPresent() ? Map.of("provider-logout", "yes") : Map.of()));
    }
    return atProvider;
  }
}
