package org.umbrella.server.web;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.Api;
import org.umbrella.server.http.Authn;
import org.umbrella.server.http.HttpProblem;
import org.umbrella.server.http.Logins;
import org.umbrella.server.http.ProblemResponses;
import org.umbrella.server.http.Route;
import org.umbrella.server.ops.ReportInput;

/**
 * The web application: server-rendered pages (jte templates compiled at build time, HTML-escaped by
 * default) and their form posts, which call the same workflow as the API.
 *
 * <p>This class holds what every page shares (the route table, the layout's model, rendering,
 * sign-in and sign-out); the pages themselves are {@link OverviewPages}, {@link ReportPages},
 * {@link DecisionPages} and {@link AdminPages}. Over 500 lines because of the route table (about
 * 270 lines, one {@link Route} per page with its permission and description): it is kept whole and
 * in order so that the site can be read in one place and the router's order of matching stays as
 * written.
 */
public final class Pages {
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          Pages.class.getClassLoader(),
          "org.umbrella.server.web.templates");

  private final ServerComponents s;
  private final Authn authn;
  private final Api api;

  private final OverviewPages overview;
  private final ReportPages reports;
  private final DecisionPages decisions;
  private final AdminPages admin;

  public Pages(ServerComponents services, Authn authn, Api api) {
    this.s = services;
    this.authn = authn;
    this.api = api;
    Queues queues = new Queues(services.operations());
    this.overview = new OverviewPages(this, services, queues);
    this.reports = new ReportPages(this, services, queues);
    this.decisions = new DecisionPages(this, services);
    this.admin = new AdminPages(this, services);
  }

  /** The dashboard {@code p} sees, which some action pages show beside their forms. */
  Dashboard dashboardFor(Principal p) {
    return overview.dashboardFor(p);
  }

  /** Every page route. */
  public List<Route> routes() {
    Route.ScopeResolver none = Route.ScopeResolver.NONE;
    Route.ScopeResolver finding =
        (ctx, p) ->
            api.routes().stream()
                .filter(r -> r.path().equals("/api/v1/findings/<id>/votes"))
                .findFirst()
                .orElseThrow()
                .scope()
                .resolve(ctx, p);
    Route.ScopeResolver obligation =
        (ctx, p) ->
            s.operations()
                .obligation(ctx.pathParam("id"))
                .<Scope>map(o -> new Scope.OfParty(o.party()))
                .orElseThrow(
                    () ->
                        new DomainError.NotFound(
                            "id", "no obligation '" + ReportInput.clip(ctx.pathParam("id")) + "'"));
    return List.of(
        new Route(
            GET, "/", Permission.READ_PUBLIC, none, overview::dashboard, "Dashboard", null, true),
        new Route(
            GET,
            "/fragments/dashboard",
            Permission.READ_PUBLIC,
            none,
            overview::dashboardFragment,
            "Dashboard fragment for live updates",
            null,
            true),
        new Route(
            GET,
            "/login",
            Permission.READ_PUBLIC,
            none,
            this::loginForm,
            "Sign-in form",
            null,
            true),
        new Route(POST, "/login", Permission.READ_PUBLIC, none, this::login, "Sign in", null, true),
        new Route(
            POST, "/logout", Permission.READ_PUBLIC, none, this::logout, "Sign out", null, true),
        new Route(GET, "/map", Permission.READ_PUBLIC, none, overview::map, "Map", null, true),
        new Route(
            GET,
            "/map/count",
            Permission.READ_PUBLIC,
            none,
            overview::mapCount,
            "How many reports the map's filters (from, to, kind, status, actor) select (for \"N of M shown\")",
            null,
            true),
        new Route(
            GET,
            "/export/reports.csv",
            Permission.READ_PUBLIC,
            none,
            (ctx, p) -> overview.export(ctx, p, false),
            "The reports the caller may read as CSV (filters as the map's: from, to, kind, status)",
            null,
            true),
        new Route(
            GET,
            "/export/reports.geojson",
            Permission.READ_PUBLIC,
            none,
            (ctx, p) -> overview.export(ctx, p, true),
            "The reports the caller may read as GeoJSON points (filters as the map's)",
            null,
            true),
        new Route(
            GET,
            "/places/search",
            Permission.READ_PUBLIC,
            none,
            Places::search,
            "Settlements whose name starts with ?q= (GeoNames, CC BY 4.0), for the location picker",
            null,
            true),
        new Route(
            GET,
            "/places/describe",
            Permission.READ_PUBLIC,
            none,
            Places::describe,
            "A point (?lat=&lon=) described from the nearest settlement: \"2 km SE of Horlivka\"",
            null,
            true),
        new Route(
            GET,
            "/favicon.ico",
            Permission.READ_PUBLIC,
            none,
            overview::favicon,
            "The site icon",
            null,
            true),
        new Route(
            GET,
            "/timeline",
            Permission.READ_PUBLIC,
            none,
            overview::timeline,
            "Timeline",
            null,
            true),
        new Route(
            GET,
            "/daily",
            Permission.READ_PUBLIC,
            none,
            overview::daily,
            "Daily report",
            null,
            true),
        new Route(
            GET,
            "/agreements",
            Permission.READ_PUBLIC,
            none,
            overview::agreements,
            "Agreements",
            null,
            true),
        new Route(
            GET,
            "/reports/new",
            Permission.FILE_REPORT,
            none,
            reports::reportForm,
            "Report form",
            null,
            true),
        new Route(
            POST,
            "/reports",
            Permission.FILE_REPORT,
            none,
            reports::fileReport,
            "File a report",
            null,
            true),
        new Route(
            GET,
            "/reports/{id}",
            Permission.READ_PUBLIC,
            none,
            reports::report,
            "One report",
            null,
            true),
        new Route(
            GET,
            "/review",
            Permission.REVIEW_REPORT,
            none,
            reports::reviewQueue,
            "Review queue",
            null,
            true),
        new Route(
            POST,
            "/reports/{id}/review",
            Permission.REVIEW_REPORT,
            none,
            reports::review,
            "Review a report",
            null,
            true),
        new Route(
            GET,
            "/findings",
            Permission.READ_PUBLIC,
            none,
            decisions::findings,
            "Findings and voting",
            null,
            true),
        new Route(
            POST,
            "/findings/<id>/vote",
            Permission.VOTE,
            finding,
            decisions::vote,
            "Vote",
            null,
            true),
        new Route(
            GET,
            "/findings/<id>",
            Permission.READ_PUBLIC,
            none,
            decisions::finding,
            "One finding: evidence, tally, deadline and causal chain",
            null,
            true),
        new Route(
            GET,
            "/obligations",
            Permission.READ_OBLIGATIONS,
            Route.ScopeResolver.CALLERS_PARTY,
            decisions::obligations,
            "Obligations",
            null,
            true),
        new Route(
            POST,
            "/obligations/<id>/answer",
            Permission.ANSWER_OBLIGATION,
            obligation,
            decisions::answer,
            "Answer an obligation",
            null,
            true),
        new Route(
            GET,
            "/provisions",
            Permission.READ_PUBLIC,
            none,
            decisions::provisions,
            "Provisions: the 0-3 implementation matrix, and the verifiers' form",
            null,
            true),
        new Route(
            POST,
            "/provisions/{id}/report",
            Permission.REPORT_PROVISION,
            none,
            decisions::reportProvision,
            "Report a provision's implementation level (0-3)",
            null,
            true),
        new Route(
            GET,
            "/admin",
            Permission.MANAGE_ACCOUNTS,
            none,
            admin::admin,
            "Administration",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts",
            Permission.MANAGE_ACCOUNTS,
            none,
            admin::createAccount,
            "Create an account",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/disable",
            Permission.MANAGE_ACCOUNTS,
            none,
            admin::disableAccount,
            "Disable an account (its sessions and tokens end)",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/password",
            Permission.MANAGE_ACCOUNTS,
            none,
            admin::resetPassword,
            "Set a new password for an account (its sessions end)",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            admin::linkIdentity,
            "Link an OpenID Connect identity to an account",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/identities/unlink",
            Permission.MANAGE_ACCOUNTS,
            none,
            admin::unlinkIdentity,
            "Unlink an OpenID Connect identity from an account",
            null,
            true));
  }

  // ---- rendering ------------------------------------------------------------------------------

  static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, params, out);
    return out.toString();
  }

  void html(Context ctx, int status, String template, Map<String, Object> params) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, params));
  }

  /**
   * The layout's model for a page titled by the bundle's {@code title.<title in lower case,
   * hyphenated>}, or {@code title} itself (data) when there is none.
   */
  PageModel model(Context ctx, Principal p, String title) {
    String key = "title." + title.toLowerCase(Locale.ROOT).replace(' ', '-');
    return model(ctx, p, m -> m.bundle().containsKey(key) ? m.t(key) : title);
  }

  PageModel model(Context ctx, Principal p, Function<Messages, String> title) {
    // no session is started for a page view: only the sign-in form needs a token before sign-in
    String csrf = Authn.csrfToken(ctx).orElse("");
    Messages messages = Messages.of(ctx);
    List<PageModel.NavItem> nav = new ArrayList<>();
    nav.add(new PageModel.NavItem("/", messages.t("nav./")));
    nav.add(new PageModel.NavItem("/map", messages.t("nav./map")));
    nav.add(new PageModel.NavItem("/timeline", messages.t("nav./timeline")));
    nav.add(new PageModel.NavItem("/findings", messages.t("nav./findings")));
    if (AccessPolicy.mayEverPerform(p, Permission.FILE_REPORT)) {
      nav.add(new PageModel.NavItem("/reports/new", messages.t("nav./reports/new")));
    }
    if (AccessPolicy.mayEverPerform(p, Permission.REVIEW_REPORT)) {
      nav.add(new PageModel.NavItem("/review", messages.t("nav./review")));
    }
    if (AccessPolicy.mayEverPerform(p, Permission.READ_OBLIGATIONS)) {
      nav.add(new PageModel.NavItem("/obligations", messages.t("nav./obligations")));
    }
    nav.add(new PageModel.NavItem("/agreements", messages.t("nav./agreements")));
    nav.add(new PageModel.NavItem("/provisions", messages.t("nav./provisions")));
    nav.add(new PageModel.NavItem("/daily", messages.t("nav./daily")));
    if (AccessPolicy.mayEverPerform(p, Permission.MANAGE_ACCOUNTS)) {
      nav.add(new PageModel.NavItem("/admin", messages.t("nav./admin")));
    }
    Optional<String> notice =
        Optional.ofNullable(ctx.queryParam("done"))
            .filter(d -> d.length() < 100)
            .map(
                d ->
                    messages.bundle().containsKey("done." + d)
                        ? messages.t("done." + d)
                        : messages.t("done.other"));
    return new PageModel(
        title.apply(messages),
        ctx.path(),
        p.account(),
        csrf,
        nav,
        notice,
        s.operations().enforcement().connected(),
        messages,
        here(ctx));
  }

  /**
   * The page {@code ctx} shows, as a link to show it again (in another language): see {@link
   * PageModel#here()}.
   */
  static String here(Context ctx) {
    String path = ctx.path();
    if (!"GET".equals(ctx.method().name())) {
      // a form post cannot be replayed by a link: its form's page
      return path.equals("/reports")
          ? "/reports/new"
          : path.startsWith("/reports/")
              ? "/review"
              : path.startsWith("/findings/")
                  ? path.replaceAll("/vote$", "")
                  : path.startsWith("/obligations/")
                      ? "/obligations"
                      : path.startsWith("/provisions/")
                          ? "/provisions"
                          : path.startsWith("/admin/") ? "/admin" : path;
    }
    String query =
        ctx.queryString() == null
            ? ""
            : Arrays.stream(ctx.queryString().split("&"))
                .filter(q -> !q.startsWith("lang=") && !q.startsWith("done=") && !q.isEmpty())
                .collect(Collectors.joining("&"));
    return query.isEmpty() ? path : path + "?" + query;
  }

  static String noticeFor(String done) {
    return switch (done) {
      case "filed" -> "Report filed.";
      case "reviewed" -> "Review recorded.";
      case "voted" -> "Vote recorded.";
      case "answered" -> "Answer recorded.";
      case "signed-in" -> "Signed in.";
      case "signed-out" -> "Signed out.";
      case "reported" -> "Level recorded.";
      case "created" -> "Account created.";
      case "disabled" -> "Account disabled: its sessions and tokens have ended.";
      case "password-set" -> "Password set: the account's sessions have ended.";
      default -> "Done.";
    };
  }

  // ---- pages ----------------------------------------------------------------------------------

  void loginForm(Context ctx, Principal p) {
    authn.csrfTokenForForm(ctx); // the form's pre-session: a signed cookie, no database row
    html(
        ctx,
        200,
        "login.jte",
        loginParams(ctx, p, "", "", Optional.ofNullable(ctx.queryParam("next"))));
  }

  private Map<String, Object> loginParams(
      Context ctx, Principal p, String username, String error, Optional<String> next) {
    Map<String, Object> m = new HashMap<>();
    m.put("page", model(ctx, p, "Sign in"));
    m.put("username", username);
    m.put("error", error);
    m.put("oidc", oidcName());
    m.put("next", next.map(ProblemResponses::localPath).orElse(""));
    m.put("expired", ctx.queryParam("expired") != null);
    return m;
  }

  /** The identity provider's name when OpenID Connect sign-in is on, else empty. */
  private String oidcName() {
    return s.options().oidc().map(o -> o.providerName()).orElse("");
  }

  void login(Context ctx, Principal p) {
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
    try {
      Logins.signIn(
          s, authn, ctx, username, Optional.ofNullable(ctx.formParam("password")).orElse(""), true);
    } catch (HttpProblem.Refused refused) {
      HttpProblem e = refused.problem();
      if (e.status() == 401 || e.status() == 429) {
        authn.csrfTokenForForm(ctx); // the form shown again needs its token
        Messages m = Messages.of(ctx);
        String said =
            e.status() == 401
                ? m.t("err.login")
                : m.f("err.throttled", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
        html(
            ctx,
            e.status(),
            "login.jte",
            loginParams(
                ctx,
                Principal.ANONYMOUS,
                username,
                said,
                Optional.ofNullable(ctx.formParam("next"))));
        return;
      }
      throw refused;
    }
    String next = ProblemResponses.localPath(form(ctx, "next"));
    ctx.redirect(
        next == null || next.isEmpty()
            ? "/?done=signed-in"
            : next.replaceAll("#.*", "") + (next.contains("?") ? "&" : "?") + "done=signed-in",
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx, Principal p) {
    Optional<URI> atProvider = Logins.signOut(s, authn, ctx, p);
    // a session started at the identity provider ends there too, which then sends the browser back
    // to /login
    ctx.redirect(
        atProvider.map(URI::toString).orElse("/login?done=signed-out"),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A day's counts by kind in words: "armed clash 1, mine 1" (largest first). */
  public static String kindCounts(Object kinds) {
    return kindCounts(kinds, k -> k.replace('_', ' '));
  }

  /** As {@link #kindCounts(Object)}, each key named in the reader's words by {@code names}. */
  public static String kindCounts(Object kinds, UnaryOperator<String> names) {
    if (!(kinds instanceof Map<?, ?> m)) {
      return "";
    }
    return m.entrySet().stream()
        .sorted(
            (a, b) ->
                Integer.compare(
                    ((Number) b.getValue()).intValue(), ((Number) a.getValue()).intValue()))
        .map(e -> names.apply(String.valueOf(e.getKey())) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  static String orDefault(String v, String d) {
    return v.isBlank() ? d : v;
  }
}
