package org.umbrella.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * The API's decisions: bodies, findings and their votes, obligations and their answers, the
 * guarantee and provision status and provision reports. Not for reports ({@link ReportEndpoints}).
 */
final class DecisionEndpoints {
  /** The obligation statuses a {@code status} query may name, as spelt on the wire. */
  private static final List<String> OBLIGATION_STATUSES =
      Arrays.stream(ObligationStatus.values()).map(ObligationStatus::wireName).toList();

  private final ServerComponents s;

  DecisionEndpoints(ServerComponents s) {
    this.s = s;
  }

  void bodies(Context ctx, Principal p) {
    Json.respond(
        ctx,
        200,
        Map.of(
            "items",
            s.operations().bodies().stream()
                .map(b -> Map.of("id", b.id(), "title", b.title(), "members", b.members()))
                .toList()));
  }

  void listFindings(Context ctx, Principal p) {
    int limit = Params.limit(ctx);
    int offset = Params.offset(ctx);
    Operations ops = s.operations();
    List<Map<String, Object>> items =
        ops.findings(Visibility.findingStatuses(p), Params.MAX_LIMIT * 4, 0).stream()
            .filter(f -> Visibility.canSee(p, f, ops))
            .skip(offset)
            .limit(limit)
            .map(f -> ApiShapes.finding(f, Visibility.canDeliberate(p, f, ops)))
            .toList();
    Json.respond(ctx, 200, ApiShapes.page(items, limit, offset));
  }

  void getFinding(Context ctx, Principal p) {
    Operations ops = s.operations();
    Operations.Finding f =
        ops.finding(ctx.pathParam("id"))
            .filter(x -> Visibility.canSee(p, x, ops))
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "id", "no finding '" + ReportInput.clip(ctx.pathParam("id")) + "'"));
    Json.respond(ctx, 200, ApiShapes.finding(f, Visibility.canDeliberate(p, f, ops)));
  }

  void vote(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String vote = body.path("vote").isTextual() ? body.get("vote").asText() : null;
    Account a = p.account().orElseThrow();
    Operations.Finding f =
        s.operations()
            .vote(
                Command.CastVote.of(
                    ctx.pathParam("id"), a.party().orElseThrow(), vote, a.username()));
    Json.respond(ctx, 200, ApiShapes.finding(f, true));
  }

  void listObligations(Context ctx, Principal p) {
    int limit = Params.limit(ctx);
    int offset = Params.offset(ctx);
    Set<String> asked = Params.list(ctx, "status", OBLIGATION_STATUSES);
    Set<ObligationStatus> statuses =
        asked == null
            ? EnumSet.allOf(ObligationStatus.class)
            : asked.stream()
                .map(w -> ObligationStatus.fromWire(w).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ObligationStatus.class)));
    Optional<String> party =
        AccessPolicy.checkFor(p, Permission.READ_OBLIGATIONS) == AccessPolicy.Check.OWN_PARTY
            ? Optional.of(p.account().flatMap(Account::party).orElse("\u0000"))
            : Optional.empty();
    List<Map<String, Object>> items =
        s.operations().obligations(party, statuses, limit, offset).stream()
            .map(ApiShapes::obligation)
            .toList();
    Json.respond(ctx, 200, ApiShapes.page(items, limit, offset));
  }

  void getObligation(Context ctx, Principal p) {
    Json.respond(
        ctx,
        200,
        ApiShapes.obligation(s.operations().obligation(ctx.pathParam("id")).orElseThrow()));
  }

  void answer(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String answer = body.path("answer").isTextual() ? body.get("answer").asText() : null;
    String decision = body.path("decision").isTextual() ? body.get("decision").asText() : "";
    String note = body.path("note").isTextual() ? body.get("note").asText() : "";
    Operations.Obligation o =
        s.operations()
            .answer(
                Command.AnswerObligation.of(ctx.pathParam("id"), answer, decision, note, p.name()));
    Json.respond(ctx, 200, ApiShapes.obligation(o));
  }

  void status(Context ctx, Principal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine-connected", s.operations().enforcement().connected());
    m.put(
        "guarantees",
        s.operations().statuses("guarantee").stream().map(ApiShapes::status).toList());
    // a provision report's note is the mechanism's: the public sees the level it reported, not the
    // note
    boolean mechanism = AccessPolicy.allows(p, Permission.READ_REPORTS, Scope.NONE);
    m.put(
        "provisions",
        s.operations().statuses("provision").stream()
            .map(x -> ApiShapes.status(x, mechanism))
            .toList());
    Json.respond(ctx, 200, m);
  }

  void reportProvision(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    JsonNode level = body.get("level");
    if (level == null || !level.isIntegralNumber()) {
      throw new DomainError.Invalid("/level", "level is required: 0, 1, 2 or 3");
    }
    String note = body.path("note").isTextual() ? body.get("note").asText() : "";
    Command.ReportProvision report =
        new Command.ReportProvision(ctx.pathParam("id"), level.asInt(), note, p.name());
    if (!s.operations().enforcement().connected()) {
      throw new DomainError.Conflict(
          "id", "no agreement is enforced by this server, so provisions are unknown");
    }
    s.operations().reportProvision(report);
    ctx.status(202);
  }
}
