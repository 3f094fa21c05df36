package org.umbrella.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.Principal;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;
import org.umbrella.server.ops.ReportVocabulary;
import org.umbrella.store.RecordNotFoundException;

/**
 * The API's reports and the record: listing, filing, reading and reviewing reports, the timeline,
 * the places, and the ledger's checkpoint and proofs. Not for decisions on findings ({@link
 * DecisionEndpoints}) or accounts ({@link AccountEndpoints}).
 */
final class ReportEndpoints {
  private final ServerComponents s;
  private final LedgerProofs proofs;

  ReportEndpoints(ServerComponents s, LedgerProofs proofs) {
    this.s = s;
    this.proofs = proofs;
  }

  void listReports(Context ctx, Principal p) {
    int limit = Params.limit(ctx);
    int offset = Params.offset(ctx);
    Operations.ReportFilter f =
        Params.reportFilter(ctx, ReportVocabulary.INCIDENT_KINDS, ReportVocabulary.REVIEW_STATUSES);
    List<String> visible = Visibility.reportStatuses(p);
    Set<String> statuses =
        f.statuses() == null
            ? new LinkedHashSet<>(visible)
            : f.statuses().stream()
                .filter(visible::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    if (statuses.isEmpty()) {
      Json.respond(ctx, 200, ApiShapes.page(List.of(), limit, offset));
      return;
    }
    Operations.ReportFilter scoped =
        new Operations.ReportFilter(f.from(), f.to(), f.kinds(), statuses, f.bbox(), f.actors());
    List<Map<String, Object>> items =
        s.operations().reports(scoped, limit, offset).stream().map(ApiShapes::report).toList();
    Json.respond(ctx, 200, ApiShapes.page(items, limit, offset));
  }

  void fileReport(Context ctx, Principal p) {
    ReportInput.NewReport input = ReportInput.parse(Json.body(ctx, s.options().maxBodyBytes()));
    Report r = s.operations().fileReport(input, p.name());
    ctx.header("Location", "/api/v1/reports/" + r.id());
    Json.respond(ctx, 201, ApiShapes.report(r));
  }

  void getReport(Context ctx, Principal p) {
    Report r =
        s.operations()
            .report(ctx.pathParam("id"))
            .filter(x -> Visibility.canSee(p, x))
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "id", "no report '" + ReportInput.clip(ctx.pathParam("id")) + "'"));
    Json.respond(ctx, 200, ApiShapes.report(r));
  }

  void review(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    if (!body.isObject()) {
      throw new DomainError.Invalid("/", "the body must be a JSON object {status, actor?, note?}");
    }
    String status = body.path("status").isTextual() ? body.get("status").asText() : null;
    String party = "";
    double confidence = 0;
    JsonNode actor = body.get("actor");
    if (actor != null && !actor.isNull()) {
      if (!actor.isObject()) {
        throw new DomainError.Invalid("/actor", "actor must be an object {party, confidence}");
      }
      party = actor.path("party").isTextual() ? actor.get("party").asText() : "";
      JsonNode c = actor.get("confidence");
      if (c != null && !c.isNumber()) {
        throw new DomainError.Invalid(
            "/actor/confidence", "confidence must be a number from 0 to 1");
      }
      confidence = c == null ? 0 : c.asDouble();
    }
    String note = body.path("note").isTextual() ? body.get("note").asText() : "";
    Report r =
        s.operations()
            .review(
                Command.ReviewReport.of(
                    ctx.pathParam("id"), status, party, confidence, note, p.name()));
    Json.respond(ctx, 200, ApiShapes.report(r));
  }

  void reportProof(Context ctx, Principal p) {
    proof(ctx, proofs.reportLeaf(p, ctx.pathParam("id")));
  }

  void leafProof(Context ctx, Principal p) {
    long leaf;
    try {
      leaf = Long.parseLong(ctx.pathParam("leaf"));
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(
          "leaf",
          "leaf must be a whole number, was '" + ReportInput.clip(ctx.pathParam("leaf")) + "'");
    }
    proof(ctx, proofs.visibleLeaf(p, leaf));
  }

  private void proof(Context ctx, long leaf) {
    var policy = WitnessedCheckpoints.policy(ctx);
    var ledger = s.operations().ledger();
    try {
      ctx.contentType("application/json")
          .result(
              (policy.isPresent() ? ledger.proof(leaf, policy.get()) : ledger.proof(leaf))
                  .toJson());
    } catch (RecordNotFoundException e) {
      throw new DomainError.NotFound(
          policy.isPresent() ? "quorum" : "leaf",
          Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  void checkpoint(Context ctx, Principal p) {
    String note =
        s.operations()
            .ledger()
            .checkpoint()
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "ledger", "the ledger is empty: nothing has been recorded yet"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("checkpoint", note);
    m.put("tree-size", SignedNotes.openCheckpoint(note, s.operations().ledger().verifier()).size());
    m.put("verifier-key", s.operations().ledger().verifier().encoded());
    Json.respond(ctx, 200, m);
  }

  void timeline(Context ctx, Principal p) {
    Operations.ReportFilter f =
        Params.reportFilter(ctx, ReportVocabulary.INCIDENT_KINDS, ReportVocabulary.REVIEW_STATUSES);
    Operations.ReportFilter scoped =
        new Operations.ReportFilter(
            f.from(),
            f.to(),
            f.kinds(),
            new LinkedHashSet<>(Visibility.reportStatuses(p)),
            f.bbox());
    Json.respond(ctx, 200, Map.of("days", s.operations().reportsPerDay(scoped)));
  }

  void places(Context ctx, Principal p) {
    String geo =
        s.operations()
            .enforcement()
            .placesGeoJson()
            .orElse("{\"type\":\"FeatureCollection\",\"features\":[]}");
    ctx.contentType("application/geo+json").result(geo);
  }
}
