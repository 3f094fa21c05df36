package org.umbrella.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.Json;
import org.umbrella.server.http.ProblemResponses;
import org.umbrella.server.http.Visibility;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;

/**
 * The report pages: filing a report (the form, its values kept on error), one report, and the
 * review queue with its review form. They call the same workflow as the API; not for reading the
 * record (see {@link OverviewPages}).
 */
final class ReportPages {
  private final Pages pages;
  private final ServerComponents s;
  private final Queues queues;

  ReportPages(Pages pages, ServerComponents s, Queues queues) {
    this.pages = pages;
    this.s = s;
    this.queues = queues;
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
    pages.html(
        ctx,
        status,
        "report-form.jte",
        Map.of(
            "page",
            pages.model(ctx, p, "File a report"),
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
      v.put(f, Pages.form(ctx, f));
    }
    return v;
  }

  void fileReport(Context ctx, Principal p) {
    ReportInput.NewReport input;
    try {
      input = ReportInput.parse(reportJson(ctx));
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
    ctx.redirect("/reports/" + r.id() + "?done=filed", HttpStatus.SEE_OTHER);
  }

  /** The report form's fields as the API's JSON body, so both are validated by the same code. */
  static ObjectNode reportJson(Context ctx) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("time", normaliseTime(Pages.form(ctx, "time")));
    o.put("time-precision", Pages.form(ctx, "time-precision"));
    o.put("kind", Pages.form(ctx, "kind"));
    ObjectNode place = o.putObject("place");
    number(place, "lat", Pages.form(ctx, "lat"), "/place/lat");
    number(place, "lon", Pages.form(ctx, "lon"), "/place/lon");
    place.put("precision", Pages.form(ctx, "place-precision"));
    ObjectNode actor = o.putObject("actor");
    actor.put("party", Pages.form(ctx, "actor").trim().toUpperCase(Locale.ROOT));
    number(
        actor,
        "confidence",
        Pages.orDefault(Pages.form(ctx, "confidence"), "0"),
        "/actor/confidence");
    o.put("target", Pages.form(ctx, "target"));
    ObjectNode fat = o.putObject("fatalities");
    integer(fat, "low", Pages.orDefault(Pages.form(ctx, "fatalities-low"), "0"), "/fatalities/low");
    integer(
        fat, "best", Pages.orDefault(Pages.form(ctx, "fatalities-best"), "0"), "/fatalities/best");
    integer(
        fat, "high", Pages.orDefault(Pages.form(ctx, "fatalities-high"), "0"), "/fatalities/high");
    ArrayNode sources = o.putArray("sources");
    for (String line :
        Pages.form(ctx, "sources").split("\\R", -1)) { // blank lines are skipped below
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",", 3);
      ObjectNode src = sources.addObject();
      src.put("id", parts[0].trim());
      src.put("kind", parts.length > 1 ? parts[1].trim() : "other");
      src.put("group", parts.length > 2 ? parts[2].trim() : parts[0].trim());
    }
    o.put("summary", Pages.form(ctx, "summary"));
    return o;
  }

  static String normaliseTime(String t) {
    String v = t.trim();
    return v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z") ? v.replace("Z", ":00Z") : v;
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
            && r.status() != ReviewStatus.VERIFIED
            && r.status() != ReviewStatus.REJECTED;
    pages.html(
        ctx,
        200,
        "report.jte",
        Map.of(
            "page",
            pages.model(ctx, p, m -> m.f("report.title", r.id())),
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
    params.put("page", pages.model(ctx, p, "Review queue"));
    params.put("queue", page);
    params.put("q", q);
    params.put("errors", errors);
    params.put(
        "notes",
        errors.isEmpty()
            ? Map.of()
            : Map.of(ctx.pathParamMap().getOrDefault("id", ""), Pages.form(ctx, "note")));
    params.put("parties", s.library().parties());
    pages.html(ctx, status, "review.jte", params);
  }

  void review(Context ctx, Principal p) {
    String status = Pages.form(ctx, "status");
    String actor = Pages.form(ctx, "actor").trim().toUpperCase(Locale.ROOT);
    String id = ctx.pathParam("id");
    Messages m = Messages.of(ctx);
    String problem = null;
    double confidence = 0;
    try {
      confidence = Double.parseDouble(Pages.orDefault(Pages.form(ctx, "confidence"), "0"));
    } catch (NumberFormatException e) {
      problem = m.t("err.confidence");
    }
    String note = Pages.form(ctx, "note");
    if (problem == null) {
      try {
        // the command checks the review's rules, as it does for the API; the page only words them
        Report r =
            s.operations()
                .review(Command.ReviewReport.of(id, status, actor, confidence, note, p.name()));
        String back =
            Optional.ofNullable(ProblemResponses.localPath(Pages.form(ctx, "back")))
                .filter(b -> b.startsWith("/review"))
                .orElse("/review");
        ctx.redirect(
            back + (back.contains("?") ? "&" : "?") + "done=reviewed#q-" + Urls.id(r.id()),
            HttpStatus.SEE_OTHER);
        return;
      } catch (DomainError e) {
        if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
          throw e;
        }
        problem = FormErrors.commandOr(e, note, m, "err.review");
      }
    }
    reviewPage(ctx, p, 400, Map.of(id, problem));
  }
}
