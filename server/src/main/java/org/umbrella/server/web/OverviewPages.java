package org.umbrella.server.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.InputRules;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.Params;
import org.umbrella.server.http.Visibility;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportVocabulary;

/**
 * The pages that show the record to everyone: the dashboard (cached for the public), the map and
 * its exports, the timeline, the daily report and the agreements. Not for forms that change
 * anything: those are {@link ReportPages}, {@link DecisionPages} and {@link AdminPages}.
 */
final class OverviewPages {
  private final Pages pages;
  private final ServerComponents s;
  private final Queues queues;

  /** The public's dashboard, built at most once a second and dropped on every public event. */
  private record CachedDashboard(Dashboard dashboard, long builtNanos, long generation) {}

  private volatile @Nullable CachedDashboard publicDashboard;
  private final AtomicLong publicGeneration = new AtomicLong();
  private static final long PUBLIC_DASHBOARD_NANOS = 1_000_000_000L;

  OverviewPages(Pages pages, ServerComponents s, Queues queues) {
    this.pages = pages;
    this.s = s;
    this.queues = queues;
    s.events()
        .subscribe(
            e -> {
              if (e.audience().equals("public")) {
                publicGeneration.incrementAndGet();
              }
            });
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
      obligations =
          Optional.of(
              ops.obligations(
                  party, EnumSet.of(ObligationStatus.PENDING, ObligationStatus.BREACHED), 20, 0));
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

  void dashboard(Context ctx, Principal p) {
    pages.html(
        ctx,
        200,
        "dashboard.jte",
        Map.of("page", pages.model(ctx, p, "Dashboard"), "d", dashboardFor(p)));
  }

  void dashboardFragment(Context ctx, Principal p) {
    pages.html(
        ctx,
        200,
        "dashboard-live.jte",
        Map.of("page", pages.model(ctx, p, "Dashboard"), "d", dashboardFor(p)));
  }

  void map(Context ctx, Principal p) {
    Queues.Filter filter =
        new Queues.Filter(
            new LinkedHashSet<>(Visibility.reportStatuses(p)), null, null, null, null);
    pages.html(
        ctx,
        200,
        "map.jte",
        Map.of(
            "page",
            pages.model(ctx, p, "Map"),
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
        Params.reportFilter(ctx, ReportVocabulary.INCIDENT_KINDS, ReportVocabulary.REVIEW_STATUSES);
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
        Params.reportFilter(ctx, ReportVocabulary.INCIDENT_KINDS, ReportVocabulary.REVIEW_STATUSES);
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
      kinds.computeIfAbsent(day, d -> new TreeMap<>()).merge(r.kind().wireName(), 1, Integer::sum);
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
    params.put("page", pages.model(ctx, p, "Timeline"));
    params.put("byKind", StackedChart.of(days, kinds));
    params.put("byRegion", StackedChart.of(days, regions));
    params.put("shownDays", days.size());
    params.put("allDays", all.size());
    pages.html(ctx, 200, "timeline.jte", params);
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
            .collect(
                Collectors.groupingBy(
                    r -> r.kind().wireName(), TreeMap::new, Collectors.counting()));
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
        s.operations().findings(EnumSet.of(FindingStatus.CONFIRMED), 100, 0).stream()
            .filter(
                f -> f.decidedAt().map(t -> !t.isBefore(start) && t.isBefore(end)).orElse(false))
            .toList();
    Map<String, Object> params = new HashMap<>();
    LocalDate day = date;
    params.put("page", pages.model(ctx, p, m -> m.f("title.daily", m.longDay(day))));
    params.put("date", date.toString());
    params.put("issuedAt", end.isAfter(now) ? now : end);
    params.put("provisional", end.isAfter(now));
    params.put("cutoff", end);
    params.put("reports", reports);
    params.put("byKind", byKind);
    params.put("regions", regions);
    params.put("findings", findings);
    params.put("statuses", s.operations().statuses("guarantee"));
    pages.html(ctx, 200, "daily.jte", params);
  }

  void agreements(Context ctx, Principal p) {
    pages.html(
        ctx,
        200,
        "agreements.jte",
        Map.of(
            "page",
            pages.model(ctx, p, "Agreements"),
            "library",
            s.library(),
            "bodies",
            s.operations().bodies()));
  }
}
