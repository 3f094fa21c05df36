package org.umbrella.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;

/**
 * One route of the server: method, path, the {@link Permission} it performs, how to find the scope
 * of what it touches, and its handler. The {@link Router} registers exactly these, the OpenAPI
 * document is generated from them, and the authorization-matrix test walks them.
 *
 * @param summary one line for the OpenAPI document
 * @param requestBody name of the request schema in the OpenAPI document, or null for none
 * @param form true for HTML form posts (pages), false for JSON API routes
 */
public record Route(
    HandlerType method,
    String path,
    Permission action,
    ScopeResolver scope,
    Handler handler,
    String summary,
    @Nullable String requestBody,
    boolean form) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(handler, "handler");
  }

  /** Finds the scope of what a request touches (may throw a 404 for an unknown id). */
  @FunctionalInterface
  public interface ScopeResolver {
    Scope resolve(Context ctx, Principal principal);

    /** For routes that touch nothing owned by a party or body. */
    ScopeResolver NONE = (ctx, p) -> Scope.NONE;

    /**
     * For lists a caller sees only its own party's part of: the request touches the caller's party
     * (none for accounts of the mechanism).
     */
    ScopeResolver CALLERS_PARTY =
        (ctx, p) ->
            p.account().flatMap(Account::party).<Scope>map(Scope.OfParty::new).orElse(Scope.NONE);
  }

  /** Handles a request already authenticated and authorized. */
  @FunctionalInterface
  public interface Handler {
    void handle(Context ctx, Principal principal) throws Exception;
  }

  /** Whether this route changes state (and so needs a CSRF token from browser sessions). */
  public boolean unsafe() {
    return method.equals(HandlerType.POST)
        || method.equals(HandlerType.PUT)
        || method.equals(HandlerType.PATCH)
        || method.equals(HandlerType.DELETE);
  }

  /** Whether this is a JSON API route (under {@code /api/v1}). */
  public boolean api() {
    return path.startsWith("/api/v1/");
  }
}
