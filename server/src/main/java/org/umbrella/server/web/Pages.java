package org.umbrella.server.web;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.InputRules;
import org.umbrella.server.Services;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.AccountChanges;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Role;
import org.umbrella.server.access.Scope;
import org.umbrella.server.access.oidc.OidcAccounts;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.Api;
import org.umbrella.server.http.Authn;
import org.umbrella.server.http.HttpProblem;
import org.umbrella.server.http.Json;
import org.umbrella.server.http.Logins;
import org.umbrella.server.http.Params;
import org.umbrella.server.http.ProblemResponses;
import org.umbrella.server.http.Route;
import org.umbrella.server.http.Visibility;
import org.umbrella.server.ops.Audit;
import org.umbrella.server.ops.Kinds;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;

/**
 * The web application: server-rendered pages (jte templates compiled at build time, HTML-escaped by
 * default) and their form posts, which call the same workflow as the API.
 */
public final class Pages {
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          Pages.class.getClassLoader(),
          "org.umbrella.server.web.templates");

  private final Services s;
  private final Authn authn;
  private final Api api;
  private final Queues queues;

  /** The public's dashboard, built at most once a second and dropped on every public event. */
  private record CachedDashboard(Dashboard dashboard, long builtNanos, long generation) {}

  private volatile @Nullable CachedDashboard publicDashboard;
  private final AtomicLong publicGeneration = new AtomicLong();
  private static final long PUBLIC_DASHBOARD_NANOS = 1_000_000_000L;

  public Pages(Services services, Authn authn, Api api) {
    this.s = services;
    this.authn = authn;
    this.api = api;
    this.queues = new Queues(services.operations());
    services
        .events()
        .subscribe(
            e -> {
              if (e.audience().equals("public")) {
                publicGeneration.incrementAndGet();
              }
            });
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
        new Route(GET, "/", Permission.READ_PUBLIC, none, this::dashboard, "Dashboard", null, true),
        new Route(
            GET,
            "/fragments/dashboard",
            Permission.READ_PUBLIC,
            none,
            this::dashboardFragment,
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
        new Route(GET, "/map", Permission.READ_PUBLIC, none, this::map, "Map", null, true),
        new Route(
            GET,
            "/map/count",
            Permission.READ_PUBLIC,
            none,
            this::mapCount,
            "How many reports the map's filters (from, to, kind, status, actor) select (for \"N of M shown\")",
            null,
            true),
        new Route(
            GET,
            "/export/reports.csv",
            Permission.READ_PUBLIC,
            none,
            (ctx, p) -> export(ctx, p, false),
            "The reports the caller may read as CSV (filters as the map's: from, to, kind, status)",
            null,
            true),
        new Route(
            GET,
            "/export/reports.geojson",
            Permission.READ_PUBLIC,
            none,
            (ctx, p) -> export(ctx, p, true),
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
            this::favicon,
            "The site icon",
            null,
            true),
        new Route(
            GET, "/timeline", Permission.READ_PUBLIC, none, this::timeline, "Timeline", null, true),
        new Route(
            GET, "/daily", Permission.READ_PUBLIC, none, this::daily, "Daily report", null, true),
        new Route(
            GET,
            "/agreements",
            Permission.READ_PUBLIC,
            none,
            this::agreements,
            "Agreements",
            null,
            true),
        new Route(
            GET,
            "/reports/new",
            Permission.FILE_REPORT,
            none,
            this::reportForm,
            "Report form",
            null,
            true),
        new Route(
            POST,
            "/reports",
            Permission.FILE_REPORT,
            none,
            this::fileReport,
            "File a report",
            null,
            true),
        new Route(
            GET,
            "/reports/{id}",
            Permission.READ_PUBLIC,
            none,
            this::report,
            "One report",
            null,
            true),
        new Route(
            GET,
            "/review",
            Permission.REVIEW_REPORT,
            none,
            this::reviewQueue,
            "Review queue",
            null,
            true),
        new Route(
            POST,
            "/reports/{id}/review",
            Permission.REVIEW_REPORT,
            none,
            this::review,
            "Review a report",
            null,
            true),
        new Route(
            GET,
            "/findings",
            Permission.READ_PUBLIC,
            none,
            this::findings,
            "Findings and voting",
            null,
            true),
        new Route(
            POST, "/findings/<id>/vote", Permission.VOTE, finding, this::vote, "Vote", null, true),
        new Route(
            GET,
            "/findings/<id>",
            Permission.READ_PUBLIC,
            none,
            this::finding,
            "One finding: evidence, tally, deadline and causal chain",
            null,
            true),
        new Route(
            GET,
            "/obligations",
            Permission.READ_OBLIGATIONS,
            Route.ScopeResolver.CALLERS_PARTY,
            this::obligations,
            "Obligations",
            null,
            true),
        new Route(
            POST,
            "/obligations/<id>/answer",
            Permission.ANSWER_OBLIGATION,
            obligation,
            this::answer,
            "Answer an obligation",
            null,
            true),
        new Route(
            GET,
            "/provisions",
            Permission.READ_PUBLIC,
            none,
            this::provisions,
            "Provisions: the 0-3 implementation matrix, and the verifiers' form",
            null,
            true),
        new Route(
            POST,
            "/provisions/{id}/report",
            Permission.REPORT_PROVISION,
            none,
            this::reportProvision,
            "Report a provision's implementation level (0-3)",
            null,
            true),
        new Route(
            GET,
            "/admin",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::admin,
            "Administration",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::createAccount,
            "Create an account",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/disable",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::disableAccount,
            "Disable an account (its sessions and tokens end)",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/password",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::resetPassword,
            "Set a new password for an account (its sessions end)",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::linkIdentity,
            "Link an OpenID Connect identity to an account",
            null,
            true),
        new Route(
            POST,
            "/admin/accounts/{id}/identities/unlink",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::unlinkIdentity,
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

  private void html(Context ctx, int status, String template, Map<String, Object> params) {
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

  Dashboard dashboardFor(Principal p) {
    if (p.account().isEmpty()) {
      // The public's view is the same for everyone and changes only with public events (a
      // verified report, a confirmed finding, a status), which drop it; under load the queries
      // behind it then run once a second instead of once a read.
      CachedDashboard cached = publicDashboard;
      long generation = publicGeneration.get();
      long now = System.nanoTime();
      if (cached != null
          && cached.generation() == generation
          && now - cached.builtNanos() < PUBLIC_DASHBOARD_NANOS) {
        return cached.dashboard();
      }
      Dashboard fresh = buildDashboard(p);
      publicDashboard =
          new CachedDashboard(
              fresh, now, generation); // a public event meanwhile bumped the generation: not reused
      return fresh;
    }
    return buildDashboard(p);
  }

  private Dashboard buildDashboard(Principal p) {
    Operations ops = s.operations();
    Optional<List<Operations.Obligation>> obligations = Optional.empty();
    AccessPolicy.Check check = AccessPolicy.checkFor(p, Permission.READ_OBLIGATIONS);
    if (check != null) {
      Optional<String> party =
          check == AccessPolicy.Check.OWN_PARTY
              ? Optional.of(p.account().flatMap(Account::party).orElse("\u0000"))
              : Optional.empty();
      obligations = Optional.of(ops.obligations(party, Set.of("pending", "breached"), 20, 0));
    }
    List<Operations.Finding> findings =
        ops.findings(Visibility.findingStatuses(p), 50, 0).stream()
            .filter(f -> Visibility.canSee(p, f, ops))
            .limit(10)
            .toList();
    List<Report> reports =
        ops.reports(
            new Operations.ReportFilter(
                null, null, null, new LinkedHashSet<>(Visibility.reportStatuses(p)), null),
            10,
            0);
    return new Dashboard(
        ops.statuses("guarantee"),
        ops.statuses("provision"),
        obligations,
        findings,
        reports,
        s.clock().instant());
  }

  // ---- pages ----------------------------------------------------------------------------------

  void dashboard(Context ctx, Principal p) {
    html(
        ctx,
        200,
        "dashboard.jte",
        Map.of("page", model(ctx, p, "Dashboard"), "d", dashboardFor(p)));
  }

  void dashboardFragment(Context ctx, Principal p) {
    html(
        ctx,
        200,
        "dashboard-live.jte",
        Map.of("page", model(ctx, p, "Dashboard"), "d", dashboardFor(p)));
  }

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

  void map(Context ctx, Principal p) {
    Queues.Filter filter =
        new Queues.Filter(
            new LinkedHashSet<>(Visibility.reportStatuses(p)), null, null, null, null);
    html(
        ctx,
        200,
        "map.jte",
        Map.of(
            "page",
            model(ctx, p, "Map"),
            "total",
            queues.count(filter),
            "pageSize",
            MAP_PAGE,
            "statuses",
            Visibility.reportStatuses(p),
            "parties",
            s.library().parties()));
  }

  /** The most reports the map draws at once. */
  static final int MAP_PAGE = 500;

  /**
   * {@code {"total": n}}: the reports the map's filters (from, to, kind, status) select that the
   * caller may see.
   */
  void mapCount(Context ctx, Principal p) {
    Operations.ReportFilter f =
        Params.reportFilter(ctx, Kinds.INCIDENT_KINDS, Kinds.REVIEW_STATUSES);
    List<String> visible = Visibility.reportStatuses(p);
    Set<String> statuses =
        f.statuses() == null
            ? new LinkedHashSet<>(visible)
            : f.statuses().stream()
                .filter(visible::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    long total =
        statuses.isEmpty()
            ? 0
            : queues.count(
                new Queues.Filter(statuses, f.kinds(), f.from(), f.to(), null, f.actors()));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result("{\"total\":" + total + "}");
  }

  /**
   * The reports the caller may read, filtered as the map is, as a CSV or GeoJSON download (at most
   * {@link Exports#MAX}).
   */
  void export(Context ctx, Principal p, boolean geo) {
    Operations.ReportFilter f =
        Params.reportFilter(ctx, Kinds.INCIDENT_KINDS, Kinds.REVIEW_STATUSES);
    List<String> visible = Visibility.reportStatuses(p);
    Set<String> statuses =
        f.statuses() == null
            ? new LinkedHashSet<>(visible)
            : f.statuses().stream()
                .filter(visible::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    List<Report> reports =
        statuses.isEmpty()
            ? List.of()
            : s.operations()
                .reports(
                    new Operations.ReportFilter(
                        f.from(), f.to(), f.kinds(), statuses, f.bbox(), f.actors()),
                    Exports.MAX + 1,
                    0);
    if (reports.size() > Exports.MAX) {
      ctx.header(
          "X-Umbrella-Truncated",
          "only the newest " + Exports.MAX + " reports; narrow the dates to export the rest");
      reports = reports.subList(0, Exports.MAX);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"umbrella-reports." + (geo ? "geojson" : "csv") + "\"");
    ctx.contentType(geo ? "application/geo+json" : "text/csv; charset=utf-8")
        .result(geo ? Exports.geoJson(reports) : Exports.csv(reports));
  }

  private static final byte[] FAVICON =
      ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
              + "<path d=\"M16 3C8 3 2 9 2 16h28C30 9 24 3 16 3z\" fill=\"#0b4f9c\"/>"
              + "<path d=\"M16 16v10a3 3 0 0 1-6 0\" fill=\"none\" stroke=\"#0b4f9c\" stroke-width=\"2.5\"/></svg>")
          .getBytes(StandardCharsets.UTF_8);

  /**
   * The site icon (an umbrella, SVG), so that browsers' automatic {@code /favicon.ico} finds one.
   */
  void favicon(Context ctx, Principal p) {
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("image/svg+xml").result(FAVICON);
  }

  /** The most days the timeline draws (the latest with incidents). */
  static final int TIMELINE_DAYS = 60;

  void timeline(Context ctx, Principal p) {
    List<Report> reports =
        s.operations()
            .reports(
                new Operations.ReportFilter(
                    null, null, null, new LinkedHashSet<>(Visibility.reportStatuses(p)), null),
                100_000,
                0);
    Map<String, Map<String, Integer>> kinds = new TreeMap<>();
    Map<String, Map<String, Integer>> regions = new TreeMap<>();
    Gazetteer places = Gazetteer.shipped();
    for (Report r : reports) {
      String day = r.time().toString().substring(0, 10);
      kinds.computeIfAbsent(day, d -> new TreeMap<>()).merge(r.kind(), 1, Integer::sum);
      String region =
          places
              .nearest(r.lat(), r.lon())
              .map(x -> x.settlement().region())
              .filter(x -> !x.isEmpty())
              .orElse("unknown");
      regions.computeIfAbsent(day, d -> new TreeMap<>()).merge(region, 1, Integer::sum);
    }
    List<String> all = new ArrayList<>(kinds.keySet());
    List<String> days = all.subList(Math.max(0, all.size() - TIMELINE_DAYS), all.size());
    Map<String, Object> params = new HashMap<>();
    params.put("page", model(ctx, p, "Timeline"));
    params.put("byKind", StackedChart.of(days, kinds));
    params.put("byRegion", StackedChart.of(days, regions));
    params.put("shownDays", days.size());
    params.put("allDays", all.size());
    html(ctx, 200, "timeline.jte", params);
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

  void daily(Context ctx, Principal p) {
    LocalDate date;
    String q = ctx.queryParam("date");
    try {
      date =
          q == null || q.isEmpty()
              ? LocalDate.ofInstant(s.clock().instant(), ZoneOffset.UTC)
              : LocalDate.parse(q);
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid("?date", "date must be YYYY-MM-DD");
    }
    if (date.getYear() < 1583 || date.getYear() > 9999) {
      throw new DomainError.Invalid("?date", "date must be in the years 1583 to 9999");
    }
    Instant now = s.clock().instant();
    if (date.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
      throw new DomainError.NotFound(
          "?date",
          "the daily report for "
              + date
              + " is not out yet: a day's report is issued from 19:30 UTC that day");
    }
    Instant end = date.atTime(19, 30).toInstant(ZoneOffset.UTC);
    Instant start = end.minusSeconds(24 * 3600);
    if (!InputRules.inRange(start)) {
      throw new DomainError.Invalid("?date", "date must be from 1583-01-02 on");
    }
    List<Report> reports =
        new ArrayList<>(
            s.operations()
                .reports(
                    new Operations.ReportFilter(start, end, null, Set.of("verified"), null),
                    500,
                    0));
    // as of the cut-off: a report verified only after it is not in this day's report
    Map<String, Instant> verifiedAt = queues.verifiedAt(reports.stream().map(Report::id).toList());
    reports.removeIf(r -> verifiedAt.getOrDefault(r.id(), Instant.MAX).isAfter(end));
    reports.sort(Comparator.comparing(Report::time));
    Map<String, Long> byKind =
        reports.stream()
            .collect(Collectors.groupingBy(Report::kind, TreeMap::new, Collectors.counting()));
    // the previous period, as of its own cut-off, for the per-region comparison
    List<Report> previous =
        new ArrayList<>(
            s.operations()
                .reports(
                    new Operations.ReportFilter(
                        start.minusSeconds(24 * 3600), start, null, Set.of("verified"), null),
                    500,
                    0));
    Map<String, Instant> previousVerifiedAt =
        queues.verifiedAt(previous.stream().map(Report::id).toList());
    previous.removeIf(r -> previousVerifiedAt.getOrDefault(r.id(), Instant.MAX).isAfter(start));
    RegionTable regions = RegionTable.of(reports, previous, Gazetteer.shipped());
    List<Operations.Finding> findings =
        s.operations().findings(Set.of("confirmed"), 100, 0).stream()
            .filter(
                f -> f.decidedAt().map(t -> !t.isBefore(start) && t.isBefore(end)).orElse(false))
            .toList();
    Map<String, Object> params = new HashMap<>();
    LocalDate day = date;
    params.put("page", model(ctx, p, m -> m.f("title.daily", m.longDay(day))));
    params.put("date", date.toString());
    params.put("issuedAt", end.isAfter(now) ? now : end);
    params.put("provisional", end.isAfter(now));
    params.put("cutoff", end);
    params.put("reports", reports);
    params.put("byKind", byKind);
    params.put("regions", regions);
    params.put("findings", findings);
    params.put("statuses", s.operations().statuses("guarantee"));
    html(ctx, 200, "daily.jte", params);
  }

  void agreements(Context ctx, Principal p) {
    html(
        ctx,
        200,
        "agreements.jte",
        Map.of(
            "page",
            model(ctx, p, "Agreements"),
            "library",
            s.library(),
            "bodies",
            s.operations().bodies()));
  }

  void reportForm(Context ctx, Principal p) {
    Map<String, String> errors =
        "too-large".equals(ctx.queryParam("error"))
            ? Map.of(
                FormErrors.FORM, FormErrors.tooLarge(s.options().maxBodyBytes(), Messages.of(ctx)))
            : Map.of();
    reportFormPage(ctx, p, errors.isEmpty() ? 200 : 413, Map.of(), errors);
  }

  private void reportFormPage(
      Context ctx,
      Principal p,
      int status,
      Map<String, String> values,
      Map<String, String> errors) {
    html(
        ctx,
        status,
        "report-form.jte",
        Map.of(
            "page",
            model(ctx, p, "File a report"),
            "values",
            values,
            "errors",
            errors,
            "parties",
            s.library().parties()));
  }

  /** The report form's fields as posted, to show again with what went wrong. */
  static Map<String, String> reportValues(Context ctx) {
    Map<String, String> v = new HashMap<>();
    for (String f :
        List.of(
            "time",
            "time-precision",
            "kind",
            "lat",
            "lon",
            "place-precision",
            "actor",
            "confidence",
            "target",
            "fatalities-low",
            "fatalities-best",
            "fatalities-high",
            "sources",
            "summary")) {
      v.put(f, form(ctx, f));
    }
    return v;
  }

  void fileReport(Context ctx, Principal p) {
    ReportInput.NewReport input;
    try {
      input = ReportInput.parse(reportJson(ctx));
      if (input.lat() == 0 && input.lon() == 0) {
        // 0, 0 is where an empty or lost position lands (the Gulf of Guinea), never a place of this
        // mission
        reportFormPage(
            ctx, p, 400, reportValues(ctx), Map.of("lat", Messages.of(ctx).t("err.zero")));
        return;
      }
    } catch (DomainError e) {
      reportFormPage(ctx, p, 400, reportValues(ctx), FormErrors.report(e, Messages.of(ctx)));
      return;
    }
    Report r;
    try {
      // the claimed time is judged against the record time inside fileReport (ReportTimes)
      r = s.operations().fileReport(input, p.name());
    } catch (DomainError e) {
      if (!(e instanceof DomainError.Invalid)) {
        throw e;
      }
      reportFormPage(ctx, p, 400, reportValues(ctx), FormErrors.report(e, Messages.of(ctx)));
      return;
    }
    ctx.redirect("/reports/" + r.id() + "?done=filed", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The report form's fields as the API's JSON body, so both are validated by the same code. */
  static ObjectNode reportJson(Context ctx) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("time", normaliseTime(form(ctx, "time")));
    o.put("time-precision", form(ctx, "time-precision"));
    o.put("kind", form(ctx, "kind"));
    ObjectNode place = o.putObject("place");
    number(place, "lat", form(ctx, "lat"), "/place/lat");
    number(place, "lon", form(ctx, "lon"), "/place/lon");
    place.put("precision", form(ctx, "place-precision"));
    ObjectNode actor = o.putObject("actor");
    actor.put("party", form(ctx, "actor").trim().toUpperCase(Locale.ROOT));
    number(actor, "confidence", orDefault(form(ctx, "confidence"), "0"), "/actor/confidence");
    o.put("target", form(ctx, "target"));
    ObjectNode fat = o.putObject("fatalities");
    integer(fat, "low", orDefault(form(ctx, "fatalities-low"), "0"), "/fatalities/low");
    integer(fat, "best", orDefault(form(ctx, "fatalities-best"), "0"), "/fatalities/best");
    integer(fat, "high", orDefault(form(ctx, "fatalities-high"), "0"), "/fatalities/high");
    ArrayNode sources = o.putArray("sources");
    for (String line : form(ctx, "sources").split("\\R", -1)) { // blank lines are skipped below
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",", 3);
      ObjectNode src = sources.addObject();
      src.put("id", parts[0].trim());
      src.put("kind", parts.length > 1 ? parts[1].trim() : "other");
      src.put("group", parts.length > 2 ? parts[2].trim() : parts[0].trim());
    }
    o.put("summary", form(ctx, "summary"));
    return o;
  }

  static String normaliseTime(String t) {
    String v = t.trim();
    return v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z") ? v.replace("Z", ":00Z") : v;
  }

  static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  static String orDefault(String v, String d) {
    return v.isBlank() ? d : v;
  }

  static void number(ObjectNode o, String field, String value, String pointer) {
    try {
      o.put(field, Double.parseDouble(value.trim()));
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(
          pointer, field + " must be a number, was '" + ReportInput.clip(value) + "'");
    }
  }

  static void integer(ObjectNode o, String field, String value, String pointer) {
    try {
      o.put(field, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(
          pointer, field + " must be a whole number, was '" + ReportInput.clip(value) + "'");
    }
  }

  void report(Context ctx, Principal p) {
    Report r =
        s.operations()
            .report(ctx.pathParam("id"))
            .filter(x -> Visibility.canSee(p, x))
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "id", "no report '" + ReportInput.clip(ctx.pathParam("id")) + "'"));
    boolean canReview =
        AccessPolicy.allows(p, Permission.REVIEW_REPORT, Scope.NONE)
            && !"verified".equals(r.status())
            && !"rejected".equals(r.status());
    html(
        ctx,
        200,
        "report.jte",
        Map.of(
            "page",
            model(ctx, p, m -> m.f("report.title", r.id())),
            "r",
            r,
            "canReview",
            canReview,
            "leaf",
            s.operations().ledger().reportLeaf(r.id()),
            "parties",
            s.library().parties()));
  }

  void reviewQueue(Context ctx, Principal p) {
    reviewPage(ctx, p, 200, Map.of());
  }

  /**
   * The review queue page as {@code ctx}'s query asks; {@code errors} maps a report id to what went
   * wrong reviewing it.
   */
  private void reviewPage(Context ctx, Principal p, int status, Map<String, String> errors) {
    ReviewQuery q = ReviewQuery.of(ctx, s.clock().instant());
    Queues.Page<Queues.Item> page = queues.reviewQueue(q.filter(), q.offset());
    Map<String, Object> params = new HashMap<>();
    params.put("page", model(ctx, p, "Review queue"));
    params.put("queue", page);
    params.put("q", q);
    params.put("errors", errors);
    params.put(
        "notes",
        errors.isEmpty()
            ? Map.of()
            : Map.of(ctx.pathParamMap().getOrDefault("id", ""), form(ctx, "note")));
    params.put("parties", s.library().parties());
    html(ctx, status, "review.jte", params);
  }

  void review(Context ctx, Principal p) {
    String status = form(ctx, "status");
    String actor = form(ctx, "actor").trim().toUpperCase(Locale.ROOT);
    String id = ctx.pathParam("id");
    Messages m = Messages.of(ctx);
    String problem = null;
    double confidence = 0;
    try {
      confidence = Double.parseDouble(orDefault(form(ctx, "confidence"), "0"));
    } catch (NumberFormatException e) {
      problem = m.t("err.confidence");
    }
    String note = form(ctx, "note");
    if (!Kinds.REVIEW_DECISIONS.contains(status)) {
      problem = m.t("err.decision");
    } else if (!actor.isEmpty() && !actor.matches("[A-Z]{2,8}")) {
      problem = m.t("err.actor");
    } else if (!(confidence >= 0 && confidence <= 1)) {
      problem = m.t("err.confidence");
    } else if (note.length() > 4000) {
      problem = m.f("err.note-length", note.length());
    } else if ("rejected".equals(status) && note.isBlank()) {
      problem = m.t("err.reject-reason");
    }
    if (problem == null) {
      try {
        Report r = s.operations().review(id, status, actor, confidence, note, p.name());
        String back =
            Optional.ofNullable(ProblemResponses.localPath(form(ctx, "back")))
                .filter(b -> b.startsWith("/review"))
                .orElse("/review");
        ctx.redirect(
            back + (back.contains("?") ? "&" : "?") + "done=reviewed#q-" + Urls.id(r.id()),
            io.javalin.http.HttpStatus.SEE_OTHER);
        return;
      } catch (DomainError e) {
        if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
          throw e;
        }
        problem = m.f("err.review", Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
    }
    reviewPage(ctx, p, 400, Map.of(id, problem));
  }

  void findings(Context ctx, Principal p) {
    Operations ops = s.operations();
    List<Operations.Finding> visible =
        ops.findings(Visibility.findingStatuses(p), 200, 0).stream()
            .filter(f -> Visibility.canSee(p, f, ops))
            .toList();
    Set<String> deliberating = new LinkedHashSet<>();
    Set<String> votable = new LinkedHashSet<>();
    for (Operations.Finding f : visible) {
      if (Visibility.canDeliberate(p, f, ops)) {
        deliberating.add(f.id());
        Operations.Body b = ops.body(f.body().orElseThrow()).orElseThrow();
        if ("candidate".equals(f.status())
            && AccessPolicy.allows(p, Permission.VOTE, new Scope.OfBody(b.id(), b.members()))
            && !p.account().flatMap(Account::party).orElse("").equals(f.actor())) {
          votable.add(f.id());
        }
      }
    }
    String party = p.account().flatMap(Account::party).orElse("");
    Optional<Agreement> agreement = FindingPage.agreement(s);
    List<Awaiting> awaiting =
        visible.stream()
            .filter(f -> votable.contains(f.id()) && !f.votes().containsKey(party))
            .map(f -> new Awaiting(f, FindingPage.due(agreement, f)))
            .sorted(Comparator.comparing((Awaiting w) -> w.due().orElse(Instant.MAX)))
            .toList();
    html(
        ctx,
        200,
        "findings.jte",
        Map.of(
            "page",
            model(ctx, p, "Findings"),
            "findings",
            visible,
            "votable",
            votable,
            "deliberating",
            deliberating,
            "awaiting",
            awaiting,
            "now",
            s.clock().instant()));
  }

  /** A candidate the caller's party has not voted on yet, with its decision deadline. */
  public record Awaiting(Operations.Finding finding, Optional<Instant> due) {}

  void finding(Context ctx, Principal p) {
    Operations ops = s.operations();
    Operations.Finding f =
        ops.finding(ctx.pathParam("id"))
            .filter(x -> Visibility.canSee(p, x, ops))
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "id",
                        "no finding '" + ReportInput.clip(ctx.pathParam("id")) + "' you may see"));
    FindingPage v = FindingPage.of(s, p, f);
    html(ctx, 200, "finding.jte", Map.of("page", model(ctx, p, f.title()), "v", v));
  }

  void vote(Context ctx, Principal p) {
    Account a = p.account().orElseThrow();
    s.operations()
        .vote(ctx.pathParam("id"), a.party().orElseThrow(), form(ctx, "vote"), a.username());
    String back =
        Optional.ofNullable(ProblemResponses.localPath(form(ctx, "back")))
            .filter(b -> b.startsWith("/findings"))
            .orElse("/findings");
    ctx.redirect(
        back + (back.contains("?") ? "&" : "?") + "done=voted",
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void obligations(Context ctx, Principal p) {
    obligationsPage(ctx, p, 200, Map.of(), Map.of());
  }

  private void obligationsPage(
      Context ctx,
      Principal p,
      int status,
      Map<String, String> errors,
      Map<String, Map<String, String>> typed) {
    AccessPolicy.Check check = AccessPolicy.checkFor(p, Permission.READ_OBLIGATIONS);
    Optional<String> party =
        check == AccessPolicy.Check.OWN_PARTY
            ? Optional.of(p.account().flatMap(Account::party).orElse("\u0000"))
            : Optional.empty();
    List<Operations.Obligation> list =
        s.operations()
            .obligations(party, Set.of("pending", "fulfilled", "breached", "waived"), 200, 0);
    Set<String> answerable =
        list.stream()
            .filter(
                o ->
                    "pending".equals(o.status())
                        && AccessPolicy.allows(
                            p, Permission.ANSWER_OBLIGATION, new Scope.OfParty(o.party())))
            .map(Operations.Obligation::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, List<String>> options = new HashMap<>();
    list.forEach(o -> options.put(o.id(), s.operations().enforcement().decisionOptions(o)));
    Map<String, Object> params = new HashMap<>();
    params.put("page", model(ctx, p, "Obligations"));
    params.put("d", dashboardFor(p));
    params.put(
        "groups", ObligationGroups.of(list, s.operations().findings(Set.of("confirmed"), 1000, 0)));
    params.put("answerable", answerable);
    params.put("options", options);
    params.put("errors", errors);
    params.put("typed", typed);
    html(ctx, status, "obligations.jte", params);
  }

  void answer(Context ctx, Principal p) {
    String decision = form(ctx, "decision");
    String note = form(ctx, "note");
    if (decision.length() > 200 || note.length() > 4000) {
      throw new DomainError.Invalid(
          "decision", "decision at most 200 and note at most 4000 characters");
    }
    String answer = form(ctx, "answer");
    String id = ctx.pathParam("id");
    Messages m = Messages.of(ctx);
    String problem = null;
    if (!Kinds.ANSWERS.contains(answer)) {
      problem = m.t("err.answer");
    } else {
      try {
        s.operations().answer(id, answer, decision, note, p.name());
      } catch (DomainError e) {
        if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
          throw e;
        }
        problem =
            "fulfilled".equals(answer) && decision.isBlank()
                ? m.t("js.need-decision")
                : m.f(
                    "err.answer-not-recorded",
                    Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
    }
    if (problem != null) {
      obligationsPage(
          ctx,
          p,
          400,
          Map.of(id, problem),
          Map.of(id, Map.of("answer", answer, "decision", decision, "note", note)));
      return;
    }
    ctx.redirect("/obligations?done=answered", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void admin(Context ctx, Principal p) {
    adminPage(ctx, p, 200, Map.of(), Map.of());
  }

  /**
   * The administration page; {@code errors} maps "create" or an account id to what went wrong,
   * {@code typed} keeps the create form's fields.
   */
  private void adminPage(
      Context ctx, Principal p, int status, Map<String, String> errors, Map<String, String> typed) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", model(ctx, p, "Administration"));
    List<Account> accounts = s.accounts().all();
    params.put("accounts", accounts);
    OidcAccounts oidc = new OidcAccounts(s.jdbi(), s.accounts(), s.clock());
    Map<Long, List<OidcAccounts.Link>> links = new LinkedHashMap<>();
    accounts.forEach(a -> links.put(a.id(), oidc.links(a.id())));
    params.put("links", links);
    params.put("issuer", s.options().oidc().map(c -> c.issuer().toString()).orElse(""));
    params.put("audit", Audit.latest(s.jdbi(), 100, Long.MAX_VALUE));
    params.put("disabled", new AccountChanges(s.jdbi(), s.clock()).disabled());
    params.put("roles", Arrays.stream(Role.values()).map(Role::slug).toList());
    params.put("parties", s.library().parties());
    params.put("errors", errors);
    params.put("typed", typed);
    html(ctx, status, "admin.jte", params);
  }

  void createAccount(Context ctx, Principal p) {
    Map<String, String> typed = new HashMap<>();
    for (String f : List.of("username", "display-name", "role", "party")) {
      typed.put(f, form(ctx, f));
    }
    String displayName = form(ctx, "display-name");
    Messages m = Messages.of(ctx);
    String problem;
    Optional<Role> role =
        Arrays.stream(Role.values()).filter(r -> r.slug().equals(typed.get("role"))).findFirst();
    if (role.isEmpty()) {
      problem = m.t("err.role");
    } else if (displayName.isBlank() || displayName.length() > 200) {
      problem = m.t("err.name");
    } else {
      try {
        s.accounts()
            .create(
                form(ctx, "username").trim(),
                displayName.trim(),
                role.get(),
                Optional.of(form(ctx, "party")).filter(x -> !x.isBlank()),
                form(ctx, "password"),
                p.name());
        ctx.redirect("/admin?done=created", io.javalin.http.HttpStatus.SEE_OTHER);
        return;
      } catch (DomainError e) {
        if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
          throw e;
        }
        problem = m.f("err.account", Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
    }
    adminPage(ctx, p, 400, Map.of("create", problem), typed);
  }

  void disableAccount(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    try {
      new AccountChanges(s.jdbi(), s.clock()).disable(id, p.name());
    } catch (DomainError e) {
      if (!(e instanceof DomainError.Conflict)) {
        throw e;
      }
      adminPage(ctx, p, 409, Map.of(Long.toString(id), e.getMessage()), Map.of());
      return;
    }
    ctx.redirect("/admin?done=disabled", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void resetPassword(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    try {
      new AccountChanges(s.jdbi(), s.clock()).resetPassword(id, form(ctx, "password"), p.name());
    } catch (DomainError e) {
      if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
        throw e;
      }
      adminPage(
          ctx,
          p,
          400,
          Map.of(
              Long.toString(id),
              Messages.of(ctx)
                  .f("err.password", Objects.requireNonNullElse(e.getMessage(), e.toString()))),
          Map.of());
      return;
    }
    ctx.redirect("/admin?done=password-set", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void provisions(Context ctx, Principal p) {
    provisionsPage(ctx, p, 200, Map.of(), Map.of());
  }

  private void provisionsPage(
      Context ctx, Principal p, int status, Map<String, String> errors, Map<String, String> typed) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", model(ctx, p, "Provisions"));
    params.put(
        "rows", ProvisionRows.of(FindingPage.agreement(s), s.operations().statuses("provision")));
    params.put("canReport", AccessPolicy.allows(p, Permission.REPORT_PROVISION, Scope.NONE));
    params.put("errors", errors);
    params.put("typed", typed);
    html(ctx, status, "provisions.jte", params);
  }

  void reportProvision(Context ctx, Principal p) {
    String id = ctx.pathParam("id");
    String level = form(ctx, "level");
    String note = form(ctx, "note");
    Messages m = Messages.of(ctx);
    String problem = null;
    if (!level.matches("[0-3]")) {
      problem = m.t("err.level");
    } else if (note.length() > 4000) {
      problem = m.f("err.note-length", note.length());
    } else if (!s.operations().enforcement().connected()) {
      problem = m.t("err.no-agreement");
    } else {
      try {
        s.operations().reportProvision(id, Integer.parseInt(level), note, p.name());
      } catch (DomainError e) {
        if (!(e instanceof DomainError.Invalid || e instanceof DomainError.NotFound)) {
          throw e;
        }
        problem =
            m.f("err.level-not-recorded", Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
    }
    if (problem != null) {
      provisionsPage(
          ctx, p, 400, Map.of(id, problem), Map.of(id + "/level", level, id + "/note", note));
      return;
    }
    ctx.redirect("/provisions?done=reported#p-" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void linkIdentity(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    try {
      new OidcAccounts(s.jdbi(), s.accounts(), s.clock())
          .link(id, form(ctx, "issuer"), form(ctx, "subject"), p.name());
    } catch (DomainError e) {
      if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
        throw e;
      }
      // beside the account, as the other account changes do, rather than a bare error page
      adminPage(
          ctx,
          p,
          FormErrors.status(e),
          Map.of(
              Long.toString(id),
              Messages.of(ctx)
                  .f("err.link", Objects.requireNonNullElse(e.getMessage(), e.toString()))),
          Map.of());
      return;
    }
    ctx.redirect("/admin?done=linked", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  void unlinkIdentity(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    new OidcAccounts(s.jdbi(), s.accounts(), s.clock())
        .unlink(id, form(ctx, "issuer"), form(ctx, "subject"), p.name());
    ctx.redirect("/admin?done=unlinked", io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
