package org.umbrella.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.server.Redaction;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.web.Messages;

/**
 * The one place where failures become responses: RFC 9457 problem documents ({@code
 * application/problem+json}) for the API, a plain page for browsers.
 *
 * <p>Problem members: {@code type} ({@code urn:umbrella:problem:<slug>}), {@code title}, {@code
 * status}, {@code detail}, {@code instance} (the request path) and the extension {@code field}
 * naming the input to blame. Internal errors are logged with a reference number and reported as 500
 * without details.
 */
public final class ProblemResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  /** Responds to a domain error, as {@link ProblemMapping} maps it. */
  public static void handle(DomainError e, Context ctx) {
    respond(ctx, ProblemMapping.of(e));
  }

  /** Responds to a refusal of the HTTP shell itself (body too large, CSRF, throttled sign-in). */
  public static void handleRefused(HttpProblem.Refused e, Context ctx) {
    respond(ctx, e.problem());
  }

  static void respond(Context ctx, HttpProblem p) {
    respond(ctx, p.status(), p.type(), p.detail(), p.field());
    if (p.status() == 429 || p.status() == 503) {
      ctx.header("Retry-After", String.valueOf(p.retryAfterSeconds()));
    }
  }

  /** Responds to one of Javalin's own HTTP errors (413 body too large, 405, ...). */
  public static void handleJavalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String type =
        switch (status) {
          case 413 -> "body-too-large";
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          default -> status >= 500 ? "internal" : "bad-request";
        };
    respond(
        ctx,
        status,
        type,
        Objects.requireNonNullElse(e.getMessage(), e.toString()),
        status == 413 ? "body" : null);
  }

  /**
   * Responds to a bug: logs it with a reference, tells the client only the reference. The log names
   * the route template, not the path (which may carry user data), and a database error without its
   * message ({@link Redaction}).
   */
  public static void handleInternal(Exception e, Context ctx) {
    if (Json.unreadable(e)) {
      // a body or request Jetty could not read to its end: the client's doing, not a bug
      respond(
          ctx,
          400,
          "invalid-input",
          "the request could not be read: malformed chunked transfer encoding or a body cut short",
          "body");
      return;
    }
    String ref = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
    io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    LOG.error(
        "internal error {} on {} {}",
        ref,
        ctx.method(),
        matched == null ? "(unmatched)" : matched.path,
        Redaction.loggable(e));
    respond(
        ctx, 500, "internal", "internal error, reference " + ref + " (see the server log)", null);
  }

  static void respond(Context ctx, int status, String type, String detail, @Nullable String field) {
    ctx.status(status);
    if (wantsHtml(ctx) && redirectBrowser(ctx, status, type, detail)) {
      return;
    }
    if (wantsHtml(ctx)) {
      ctx.contentType("text/html; charset=utf-8");
      // the page's words in the reader's language; the detail is the workflow's own (English)
      // account
      Messages m = Messages.of(ctx);
      String title =
          m.bundle().containsKey("problem." + status) ? m.t("problem." + status) : title(status);
      ctx.result(
          "<!doctype html><html lang=\""
              + m.lang()
              + "\"><meta charset=\"utf-8\"><title>"
              + status
              + " "
              + Html.escape(title)
              + "</title><link rel=\"stylesheet\" href=\"/static/app.css\"><main class=\"container\"><h1>"
              + status
              + " "
              + Html.escape(title)
              + "</h1><p lang=\"en\" translate=\"no\">"
              + Html.escape(detail)
              + "</p>"
              + (field == null
                  ? ""
                  : "<p>"
                      + Html.escape(m.t("problem.field"))
                      + " <code>"
                      + Html.escape(field)
                      + "</code></p>")
              + "<p><a href=\"/\">"
              + Html.escape(m.t("problem.back"))
              + "</a></p></main></html>");
      return;
    }
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "urn:umbrella:problem:" + type);
    p.put("title", title(status));
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", ctx.path());
    if (field != null) {
      p.put("field", field);
    }
    ctx.contentType("application/problem+json");
    ctx.result(p.toString());
  }

  /**
   * A browser that is not signed in (or whose session expired) is sent to sign in and then back to
   * where it was: the page it asked for, or for a form post the page the form was on (a post cannot
   * be replayed). A form post over the size limit goes back to its form with {@code
   * error=too-large}, which the form explains. Only paths on this server are returned to.
   */
  static boolean redirectBrowser(Context ctx, int status, String type, String detail) {
    boolean get = "GET".equals(ctx.method().name());
    boolean expired =
        status == 403 && "csrf".equals(type) && detail != null && detail.contains("expired");
    if (status == 401 || expired) {
      String back =
          get
              ? localPath(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()))
              : refererPath(ctx);
      ctx.redirect(
          "/login?expired=1"
              + (back == null || back.startsWith("/login")
                  ? ""
                  : "&next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)),
          io.javalin.http.HttpStatus.SEE_OTHER);
      return true;
    }
    if (status == 413 && !get) {
      String back = refererPath(ctx);
      if (back != null) {
        ctx.redirect(
            back.replaceAll("[?#].*", "") + "?error=too-large",
            io.javalin.http.HttpStatus.SEE_OTHER);
        return true;
      }
    }
    return false;
  }

  /** The path and query of the Referer header when it is a path on this server, else null. */
  static @Nullable String refererPath(Context ctx) {
    String referer = ctx.header("Referer");
    if (referer == null || referer.length() > 2000) {
      return null;
    }
    try {
      URI u = URI.create(referer);
      String host = ctx.header("Host");
      if (u.getRawAuthority() != null
          && (host == null || !u.getRawAuthority().equalsIgnoreCase(host))) {
        return null;
      }
      return localPath(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code p} when it is a path on this server (not {@code //host} or {@code /\host}), else null.
   */
  public static @Nullable String localPath(@Nullable String p) {
    if (p == null
        || p.length() > 2000
        || !p.startsWith("/")
        || p.startsWith("//")
        || p.startsWith("/\\")
        || p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return null;
    }
    return p;
  }

  static boolean wantsHtml(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return false;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Invalid input";
      case 401 -> "Not signed in";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      case 431 -> "Request header fields too large";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Bad request";
    };
  }
}
