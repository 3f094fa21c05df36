package org.umbrella.server;

import java.util.Optional;

/**
 * The root of every error the server reports to a client; the HTTP shell turns each into an RFC
 * 9457 problem document with {@link #status()}, {@link #type()} and, when one input is to blame,
 * the {@link #field()} that names it (a JSON pointer such as {@code /place/lat}, or a query
 * parameter such as {@code ?limit}).
 *
 * <p>These are user errors: they carry no stack trace and are never logged as failures.
 */
public class ServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String field;
  private final long retryAfterSeconds;

  /**
   * @param status HTTP status (4xx)
   * @param type short problem type slug, becomes {@code urn:umbrella:problem:<type>}
   * @param field the input to blame, or null
   * @param detail what went wrong and what would be valid
   */
  public ServerException(int status, String type, String field, String detail) {
    this(status, type, field, detail, 60);
  }

  /**
   * As {@link #ServerException(int, String, String, String)}, telling a client refused with 429
   * or 503 when to try again.
   *
   * @param retryAfterSeconds the {@code Retry-After} of a 429 or 503 answer
   */
  public ServerException(int status, String type, String field, String detail, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The {@code Retry-After} a 429 or 503 answer carries, in seconds. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** 400: an input is malformed or out of range. */
  public static ServerException invalid(String field, String detail) {
    return new ServerException(400, "invalid-input", field, detail);
  }

  /** 404: the named thing does not exist (or the caller may not know that it does). */
  public static ServerException notFound(String field, String detail) {
    return new ServerException(404, "not-found", field, detail);
  }

  /** 401: the request needs a signed-in account. */
  public static ServerException unauthenticated() {
    return new ServerException(401, "unauthenticated", null, "sign in or send an API token (Authorization: Bearer ...)");
  }

  /** 403: the account may not do this. */
  public static ServerException forbidden(String detail) {
    return new ServerException(403, "forbidden", null, detail);
  }

  /** 409: the request conflicts with the current state (already answered, already exists). */
  public static ServerException conflict(String field, String detail) {
    return new ServerException(409, "conflict", field, detail);
  }
}
