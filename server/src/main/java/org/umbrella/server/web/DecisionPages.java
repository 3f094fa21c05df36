package org.umbrella.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.ProblemResponses;
import org.umbrella.server.http.Visibility;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * The pages where bodies and guarantors act: findings and their votes, obligations and their
 * answers, provisions and their implementation levels. Not for filing or reviewing reports ({@link
 * ReportPages}).
 */
final class DecisionPages {
  private final Pages pages;
  private final ServerComponents s;

  DecisionPages(Pages pages, ServerComponents s) {
    this.pages = pages;
    this.s = s;
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
        if (f.status() == FindingStatus.CANDIDATE
            && AccessPolicy.allows(p, Permission.VOTE, new Scope.OfBody(b.id(), b.members()))
            && !p.account().flatMap(Account::party).orElse("").equals(f.actor())) {
          votable.add(f.id());
        }
      }
    }
    String party = p.account().flatMap(Account::party).orElse("");
    Optional<Agreement> agreement = FindingPage.agreement(s);
    List<AwaitingVote> awaiting =
        visible.stream()
            .filter(f -> votable.contains(f.id()) && !f.votes().containsKey(party))
            .map(f -> new AwaitingVote(f, FindingPage.due(agreement, f)))
            .sorted(Comparator.comparing((AwaitingVote w) -> w.due().orElse(Instant.MAX)))
            .toList();
    pages.html(
        ctx,
        200,
        "findings.jte",
        Map.of(
            "page",
            pages.model(ctx, p, "Findings"),
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
    pages.html(ctx, 200, "finding.jte", Map.of("page", pages.model(ctx, p, f.title()), "v", v));
  }

  void vote(Context ctx, Principal p) {
    Account a = p.account().orElseThrow();
    s.operations()
        .vote(ctx.pathParam("id"), a.party().orElseThrow(), Pages.form(ctx, "vote"), a.username());
    String back =
        Optional.ofNullable(ProblemResponses.localPath(Pages.form(ctx, "back")))
            .filter(b -> b.startsWith("/findings"))
            .orElse("/findings");
    ctx.redirect(back + (back.contains("?") ? "&" : "?") + "done=voted", HttpStatus.SEE_OTHER);
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
        s.operations().obligations(party, EnumSet.allOf(ObligationStatus.class), 200, 0);
    Set<String> answerable =
        list.stream()
            .filter(
                o ->
                    o.status() == ObligationStatus.PENDING
                        && AccessPolicy.allows(
                            p, Permission.ANSWER_OBLIGATION, new Scope.OfParty(o.party())))
            .map(Operations.Obligation::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, List<String>> options = new HashMap<>();
    list.forEach(o -> options.put(o.id(), s.operations().enforcement().decisionOptions(o)));
    Map<String, Object> params = new HashMap<>();
    params.put("page", pages.model(ctx, p, "Obligations"));
    params.put("d", pages.dashboardFor(p));
    params.put(
        "groups",
        ObligationGroups.of(
            list, s.operations().findings(EnumSet.of(FindingStatus.CONFIRMED), 1000, 0)));
    params.put("answerable", answerable);
    params.put("options", options);
    params.put("errors", errors);
    params.put("typed", typed);
    pages.html(ctx, status, "obligations.jte", params);
  }

  void answer(Context ctx, Principal p) {
    String decision = Pages.form(ctx, "decision");
    String note = Pages.form(ctx, "note");
    String answer = Pages.form(ctx, "answer");
    String id = ctx.pathParam("id");
    Messages m = Messages.of(ctx);
    String problem = null;
    try {
      // the command checks the answer's rules, as it does for the API; the page only words them
      s.operations().answer(Command.AnswerObligation.of(id, answer, decision, note, p.name()));
    } catch (DomainError e) {
      if (!(e instanceof DomainError.Invalid || e instanceof DomainError.Conflict)) {
        throw e;
      }
      boolean needsDecision = Answer.FULFILLED.wireName().equals(answer) && decision.isBlank();
      problem =
          needsDecision && FormErrors.command(e, note, m).isEmpty()
              ? m.t("js.need-decision")
              : FormErrors.commandOr(e, note, m, "err.answer-not-recorded");
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
    ctx.redirect("/obligations?done=answered", HttpStatus.SEE_OTHER);
  }

  void provisions(Context ctx, Principal p) {
    provisionsPage(ctx, p, 200, Map.of(), Map.of());
  }

  private void provisionsPage(
      Context ctx, Principal p, int status, Map<String, String> errors, Map<String, String> typed) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", pages.model(ctx, p, "Provisions"));
    params.put(
        "rows", ProvisionRows.of(FindingPage.agreement(s), s.operations().statuses("provision")));
    params.put("canReport", AccessPolicy.allows(p, Permission.REPORT_PROVISION, Scope.NONE));
    params.put("errors", errors);
    params.put("typed", typed);
    pages.html(ctx, status, "provisions.jte", params);
  }

  void reportProvision(Context ctx, Principal p) {
    String id = ctx.pathParam("id");
    String level = Pages.form(ctx, "level");
    String note = Pages.form(ctx, "note");
    Messages m = Messages.of(ctx);
    String problem = null;
    if (!level.matches("[0-9]{1,2}")) {
      problem = m.t("err.level"); // not a number: the command's range check needs one
    } else if (!s.operations().enforcement().connected()) {
      problem = m.t("err.no-agreement");
    } else {
      try {
        s.operations()
            .reportProvision(
                new Command.ReportProvision(id, Integer.parseInt(level), note, p.name()));
      } catch (DomainError e) {
        if (!(e instanceof DomainError.Invalid || e instanceof DomainError.NotFound)) {
          throw e;
        }
        problem = FormErrors.commandOr(e, note, m, "err.level-not-recorded");
      }
    }
    if (problem != null) {
      provisionsPage(
          ctx, p, 400, Map.of(id, problem), Map.of(id + "/level", level, id + "/note", note));
      return;
    }
    ctx.redirect("/provisions?done=reported#p-" + id, HttpStatus.SEE_OTHER);
  }
}
