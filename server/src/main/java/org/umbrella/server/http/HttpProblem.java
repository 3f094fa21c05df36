package org.umbrella.server.http;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One RFC 9457 problem as the HTTP shell answers it: {@code status}, the type slug (becomes {@code
 * urn:umbrella:problem:<type>}), the input to blame ({@code field}, or null), the detail, and for a
 * 429 or 503 the {@code Retry-After} in seconds.
 *
 * <p>A domain error becomes one through {@link ProblemMapping}; the shell's own refusals that have
 * no meaning in the domain (a body too large or not JSON, a missing CSRF token, a throttled or
 * failed sign-in) are thrown as {@link Refused}. Both are user errors: no stack trace, not logged.
 */
public record HttpProblem(
    int status, String type, @Nullable String field, String detail, long retryAfterSeconds) {

  public HttpProblem(int status, String type, @Nullable String field, String detail) {
    this(status, type, field, detail, 60);
  }

  /** The input to blame, when one is. */
  public Optional<String> blamed() {
    return Optional.ofNullable(field);
  }

  /** A refusal by the HTTP shell itself, answered as {@link #problem()}. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient HttpProblem problem;

    public Refused(HttpProblem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }

    public HttpProblem problem() {
      return problem;
    }
  }

  /** Throwable form: {@code throw HttpProblem.refused(413, "body-too-large", "body", "...")}. */
  public static Refused refused(int status, String type, String field, String detail) {
    return new Refused(new HttpProblem(status, type, field, detail));
  }

  /** As {@link #refused(int, String, String, String)}, with a {@code Retry-After}. */
  public static Refused refused(
      int status, String type, String field, String detail, long retryAfterSeconds) {
    return new Refused(new HttpProblem(status, type, field, detail, retryAfterSeconds));
  }
}
