package org.umbrella.server.http;

import org.umbrella.server.app.DomainError;
import org.umbrella.server.app.DomainError.SignInRefused;
import org.umbrella.server.app.DomainError.Unavailable;

/**
 * The one place where a {@link DomainError} becomes an HTTP answer: its status, its problem type
 * slug, the field to blame and the detail. The switch is exhaustive over the sealed hierarchy, so a
 * new kind of domain error does not compile until it is mapped here.
 *
 * <p>Types the API documents and tests pin: {@code invalid-input} (400), {@code unauthenticated}
 * (401), {@code forbidden} (403), {@code not-found} (404), {@code conflict} (409), {@code
 * engine-lagging} (503), and the sign-in ones {@code oidc-*}.
 */
public final class ProblemMapping {
  private ProblemMapping() {}

  /** The problem that answers {@code e}. */
  public static HttpProblem of(DomainError e) {
    String field = e.field().orElse(null);
    String detail = e.detail();
    return switch (e) {
      case DomainError.Invalid i -> new HttpProblem(400, "invalid-input", field, detail);
      case DomainError.Unauthenticated u -> new HttpProblem(401, "unauthenticated", field, detail);
      case DomainError.Forbidden f -> new HttpProblem(403, "forbidden", field, detail);
      case DomainError.NotFound n -> new HttpProblem(404, "not-found", field, detail);
      case DomainError.Conflict c -> new HttpProblem(409, "conflict", field, detail);
      case SignInRefused s ->
          switch (s.reason()) {
            case MALFORMED_ANSWER -> new HttpProblem(400, "oidc-callback", field, detail);
            case STATE -> new HttpProblem(400, "oidc-state", field, detail);
            case DENIED -> new HttpProblem(401, "oidc-denied", field, detail);
            case ISSUER -> new HttpProblem(401, "oidc-issuer", field, detail);
            case ID_TOKEN -> new HttpProblem(401, "oidc-id-token", field, detail);
          };
      case Unavailable u ->
          switch (u.dependency()) {
            case ENGINE ->
                new HttpProblem(503, "engine-lagging", field, detail, u.retryAfterSeconds());
            case SIGN_IN_CAPACITY ->
                new HttpProblem(503, "oidc-busy", field, detail, u.retryAfterSeconds());
            case IDENTITY_PROVIDER ->
                new HttpProblem(503, "oidc-unavailable", field, detail, u.retryAfterSeconds());
            case IDENTITY_PROVIDER_FAILED ->
                new HttpProblem(502, "oidc-provider", field, detail, u.retryAfterSeconds());
          };
    };
  }
}
