package org.umbrella.server.app;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why the workflow refused a command, in the domain's terms: an input that is not valid, a thing
 * that does not exist, a caller who may not act, a state that forbids the change, a dependency that
 * cannot serve now. The workflow (reports, findings, obligations, provisions, accounts, sign-in)
 * throws these and nothing HTTP-shaped; the HTTP shell turns each into a problem document in one
 * place, and the pages into a form's errors in one place.
 *
 * <p>These are user errors, not bugs: they carry no stack trace and are never logged as failures.
 * The {@link #field()} names the one input to blame, when there is one, as the API names it (a JSON
 * pointer such as {@code /place/lat}, or a query parameter such as {@code ?limit}); the {@link
 * #getMessage() detail} says what was wrong and what would be valid.
 */
public abstract sealed class DomainError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String field;

  private DomainError(@Nullable String field, String detail) {
    super(detail, null, false, false);
    this.field = field;
  }

  /** The input to blame, when one is. */
  public final Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** What went wrong and what would be valid. */
  public final String detail() {
    return Objects.requireNonNull(getMessage()); // every constructor passes a detail
  }

  /** An input is malformed or out of range. */
  public static final class Invalid extends DomainError {
    private static final long serialVersionUID = 1L;

    public Invalid(@Nullable String field, String detail) {
      super(field, detail);
    }
  }

  /** The named thing does not exist (or the caller may not know that it does). */
  public static final class NotFound extends DomainError {
    private static final long serialVersionUID = 1L;

    public NotFound(@Nullable String field, String detail) {
      super(field, detail);
    }
  }

  /** The command needs a known caller (a signed-in account or a valid API token). */
  public static final class Unauthenticated extends DomainError {
    private static final long serialVersionUID = 1L;

    /** The caller is anonymous. */
    public Unauthenticated() {
      this(null, "sign in or send an API token (Authorization: Bearer ...)");
    }

    public Unauthenticated(@Nullable String field, String detail) {
      super(field, detail);
    }
  }

  /** The caller is known but may not do this. */
  public static final class Forbidden extends DomainError {
    private static final long serialVersionUID = 1L;

    public Forbidden(String detail) {
      super(null, detail);
    }
  }

  /** The command conflicts with the current state (already answered, already exists, closed). */
  public static final class Conflict extends DomainError {
    private static final long serialVersionUID = 1L;

    public Conflict(@Nullable String field, String detail) {
      super(field, detail);
    }
  }

  /** A sign-in through the identity provider was refused, for {@link #reason()}. */
  public static final class SignInRefused extends DomainError {
    private static final long serialVersionUID = 1L;

    /** Why a sign-in was refused. */
    public enum Reason {
      /** The provider's answer is malformed or incomplete. */
      MALFORMED_ANSWER,
      /** The answer's state is unknown, reused, expired or from another browser. */
      STATE,
      /** The person or the provider declined. */
      DENIED,
      /** The answer comes from another provider. */
      ISSUER,
      /** The provider's ID token did not validate. */
      ID_TOKEN
    }

    private final Reason reason;

    public SignInRefused(Reason reason, @Nullable String field, String detail) {
      super(field, detail);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Something the command needs cannot serve it now; nothing was stored, try again later. */
  public static final class Unavailable extends DomainError {
    private static final long serialVersionUID = 1L;

    /** What cannot serve. */
    public enum Dependency {
      /** The enforcement engine lags too far behind to take one more change. */
      ENGINE,
      /** Too many sign-ins through the identity provider are under way. */
      SIGN_IN_CAPACITY,
      /** The identity provider cannot be reached. */
      IDENTITY_PROVIDER,
      /** The identity provider answered with a failure. */
      IDENTITY_PROVIDER_FAILED
    }

    private final Dependency dependency;
    private final long retryAfterSeconds;

    public Unavailable(Dependency dependency, String detail, long retryAfterSeconds) {
      super(null, detail);
      this.dependency = dependency;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public Dependency dependency() {
      return dependency;
    }

    /** When to try again, in seconds. */
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
