package org.umbrella.server.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.umbrella.server.ServerException;
import org.umbrella.server.Services;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.ops.Audit;

/** Signing in and out, shared by the login form and the JSON API. */
public final class Logins {
  private Logins() {}

  /**
   * Checks the password (after the throttle), ends the current session and starts a new one
   * (new id, new CSRF token), and audits the attempt. Never logs the password.
   *
   * @throws ServerException 429 when throttled, 401 for a wrong username or password
   */
  public static Account signIn(Services s, Authn authn, Context ctx, String username, String password) {
    String address = ctx.ip();
    String user = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    if (user.length() > 64 || (password != null && password.length() > 1024)) {
      throw ServerException.invalid("/username", "username or password too long");
    }
    Duration wait = s.throttle().retryAfter(user, address);
    if (!wait.isZero()) {
      ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
      s.jdbi().useHandle(h -> Audit.record(h, s.clock().instant(), "anonymous", "session.throttled", user, Map.of("address", address)));
      throw new ServerException(429, "too-many-attempts", "/username",
          "too many failed sign-ins; try again in " + Math.max(1, wait.toMinutes()) + " minute(s)");
    }
    Optional<Account> account = s.accounts().authenticate(user, password);
    if (account.isEmpty()) {
      s.throttle().failed(user, address);
      s.jdbi().useHandle(h -> Audit.record(h, s.clock().instant(), "anonymous", "session.failed", user, Map.of("address", address)));
      throw new ServerException(401, "wrong-credentials", "/password", "wrong username or password");
    }
    s.throttle().succeeded(user);
    // Rotation: whatever session the browser had (anonymous or another account's) ends here.
    Authn.session(ctx).ifPresent(old -> s.sessions().end(old.id()));
    Sessions.Session fresh = s.sessions().start(Optional.of(account.get().id()));
    authn.setCookie(ctx, fresh.id());
    ctx.attribute(Authn.SESSION, fresh);
    ctx.attribute(Authn.PRINCIPAL, new Principal.Authenticated(account.get(), false));
    s.jdbi().useHandle(h -> Audit.record(h, s.clock().instant(), account.get().username(), "session.login",
        account.get().username(), Map.of("address", address)));
    return account.get();
  }

  public static void signOut(Services s, Authn authn, Context ctx, Principal p) {
    Authn.session(ctx).ifPresent(old -> s.sessions().end(old.id()));
    authn.clearCookie(ctx);
    if (p.account().isPresent()) {
      s.jdbi().useHandle(h -> Audit.record(h, s.clock().instant(), p.name(), "session.logout", p.name(), Map.of()));
    }
  }
}
