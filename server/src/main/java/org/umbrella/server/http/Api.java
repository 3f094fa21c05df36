package org.umbrella.server.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.server.Services;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Role;
import org.umbrella.server.access.Scope;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.access.oidc.OidcAccounts;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Audit;
import org.umbrella.server.ops.Kinds;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;
import org.umbrella.store.RecordNotFoundException;

/** The JSON API under {@code /api/v1}: its route table and handlers. */
public final class Api {
  private final Services s;
  private final Authn authn;
  private final LedgerProofs proofs;

  public Api(Services services, Authn authn) {
    this.s = services;
    this.authn = authn;
    this.proofs = new LedgerProofs(services.operations(), services.jdbi());
  }

  /** Every API route, in the order of the OpenAPI document. */
  public List<Route> routes() {
    Route.ScopeResolver none = Route.ScopeResolver.NONE;
    return List.of(
        new Route(
            GET,
            "/api/v1/session",
            Permission.READ_PUBLIC,
            none,
            this::session,
            "The caller's account (if signed in) and CSRF token",
            null,
            false),
        new Route(
            POST,
            "/api/v1/session",
            Permission.READ_PUBLIC,
            none,
            this::login,
            "Sign in with username and password (sets the session cookie)",
            "Login",
            false),
        new Route(
            DELETE,
            "/api/v1/session",
            Permission.READ_PUBLIC,
            none,
            this::logout,
            "Sign out",
            null,
            false),
        new Route(
            GET,
            "/api/v1/reports",
            Permission.READ_PUBLIC,
            none,
            this::listReports,
            "Incident reports (public: verified only), newest first; filter by from, to, kind, status, bbox, actor (parties or none)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/reports",
            Permission.FILE_REPORT,
            none,
            this::fileReport,
            "File an incident report",
            "NewReport",
            false),
        new Route(
            GET,
            "/api/v1/reports/{id}",
            Permission.READ_PUBLIC,
            none,
            this::getReport,
            "One report",
            null,
            false),
        new Route(
            GET,
            "/api/v1/reports/{id}/proof",
            Permission.READ_PUBLIC,
            none,
            this::reportProof,
            "Offline-checkable proof that the report's current version is in the ledger (as 'umbrella ledger proof' writes it)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/reports/{id}/reviews",
            Permission.REVIEW_REPORT,
            none,
            this::review,
            "Review a report: corroborate, verify or reject; optionally attribute",
            "Review",
            false),
        new Route(
            GET,
            "/api/v1/timeline",
            Permission.READ_PUBLIC,
            none,
            this::timeline,
            "Reports per UTC day and kind",
            null,
            false),
        new Route(
            GET,
            "/api/v1/bodies",
            Permission.READ_PUBLIC,
            none,
            this::bodies,
            "Determining bodies and their members",
            null,
            false),
        new Route(
            GET,
            "/api/v1/findings",
            Permission.READ_PUBLIC,
            none,
            this::listFindings,
            "Findings: confirmed ones, plus candidates of the caller's bodies",
            null,
            false),
        new Route(
            GET,
            "/api/v1/findings/<id>",
            Permission.READ_PUBLIC,
            none,
            this::getFinding,
            "One finding (votes only for members of its body)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/findings/<id>/votes",
            Permission.VOTE,
            this::findingScope,
            this::vote,
            "Cast the caller's party's vote on a candidate finding",
            "Vote",
            false),
        new Route(
            GET,
            "/api/v1/obligations",
            Permission.READ_OBLIGATIONS,
            Route.ScopeResolver.CALLERS_PARTY,
            this::listObligations,
            "Obligations, soonest deadline first (a guarantor representative sees its party's)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/obligations/<id>",
            Permission.READ_OBLIGATIONS,
            this::obligationScope,
            this::getObligation,
            "One obligation",
            null,
            false),
        new Route(
            POST,
            "/api/v1/obligations/<id>/answers",
            Permission.ANSWER_OBLIGATION,
            this::obligationScope,
            this::answer,
            "Answer an obligation: fulfilled (with the decision) or waived",
            "Answer",
            false),
        new Route(
            GET,
            "/api/v1/places",
            Permission.READ_PUBLIC,
            none,
            this::places,
            "The enforced agreement's places (line of contact, zones) as GeoJSON",
            null,
            false),
        new Route(
            GET,
            "/api/v1/status",
            Permission.READ_PUBLIC,
            none,
            this::status,
            "Guarantee and provision status",
            null,
            false),
        new Route(
            POST,
            "/api/v1/provisions/{id}/reports",
            Permission.REPORT_PROVISION,
            none,
            this::reportProvision,
            "Report a provision's implementation level (0-3)",
            "ProvisionReport",
            false),
        new Route(
            GET,
            "/api/v1/ledger/checkpoint",
            Permission.READ_PUBLIC,
            none,
            this::checkpoint,
            "The ledger's latest signed tree head (checkpoint) and verifier key",
            null,
            false),
        new Route(
            GET,
            "/api/v1/ledger/checkpoint/cosigned",
            Permission.READ_PUBLIC,
            none,
            (ctx, p) -> WitnessedCheckpoints.latest(ctx, s.operations().ledger()),
            "The latest tree head the witnesses cosigned, with every cosignature (?witness=<vkey>...&quorum=N: the latest cosigned as that policy asks)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/ledger/proof/{leaf}",
            Permission.READ_PUBLIC,
            none,
            this::leafProof,
            "Offline-checkable proof of one ledger leaf, for callers who may read its record (?witness=<vkey>...&quorum=N: in the latest head cosigned as that policy asks)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/me",
            Permission.MANAGE_SELF,
            none,
            this::me,
            "The caller's account",
            null,
            false),
        new Route(
            GET,
            "/api/v1/me/tokens",
            Permission.MANAGE_SELF,
            none,
            this::listTokens,
            "The caller's API tokens (never their secrets)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/me/tokens",
            Permission.ISSUE_TOKENS,
            none,
            this::issueToken,
            "Issue an API token (its secret is shown once), optionally scoped and expiring",
            "NewToken",
            false),
        new Route(
            DELETE,
            "/api/v1/me/tokens/{id}",
            Permission.MANAGE_SELF,
            none,
            this::revokeToken,
            "Revoke one of the caller's API tokens",
            null,
            false),
        new Route(
            GET,
            "/api/v1/accounts",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::listAccounts,
            "All accounts",
            null,
            false),
        new Route(
            POST,
            "/api/v1/accounts",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::createAccount,
            "Create an account",
            "NewAccount",
            false),
        new Route(
            GET,
            "/api/v1/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::listIdentities,
            "The OpenID Connect identities linked to an account",
            null,
            false),
        new Route(
            POST,
            "/api/v1/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::linkIdentity,
            "Link an OpenID Connect identity (issuer, subject) to an account (audited, a ledger leaf)",
            "Identity",
            false),
        new Route(
            DELETE,
            "/api/v1/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            this::unlinkIdentity,
            "Unlink an OpenID Connect identity from an account: ?issuer=...&subject=... (audited, a ledger leaf)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/audit",
            Permission.READ_AUDIT,
            none,
            this::audit,
            "The audit trail, newest first (before=<id> pages back)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/webhooks",
            Permission.MANAGE_WEBHOOKS,
            none,
            this::listWebhooks,
            "Configured webhooks (never their secrets)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/webhooks",
            Permission.MANAGE_WEBHOOKS,
            none,
            this::createWebhook,
            "Add a webhook (a public http(s) URL, or one the deployment allows); events are signed with HMAC-SHA256",
            "NewWebhook",
            false),
        new Route(
            DELETE,
            "/api/v1/webhooks/{id}",
            Permission.MANAGE_WEBHOOKS,
            none,
            this::deleteWebhook,
            "Delete a webhook, its secret and its pending deliveries",
            null,
            false),
        new Route(
            GET,
            "/api/v1/webhooks/deliveries",
            Permission.MANAGE_WEBHOOKS,
            none,
            this::deliveries,
            "The webhook delivery log, newest first",
            null,
            false));
  }

  // ---- scopes ---------------------------------------------------------------------------------

  Scope findingScope(Context ctx, Principal p) {
    Operations.Finding f =
        s.operations()
            .finding(ctx.pathParam("id"))
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        "id", "no finding '" + ReportInput.clip(ctx.pathParam("id")) + "'"));
    if (f.body().isEmpty()) {
      throw new DomainError.Conflict(
          "id", "finding " + f.id() + " is determined automatically; there is no vote");
    }
    Operations.Body b = s.operations().body(f.body().get()).orElseThrow();
    return new Scope.OfBody(b.id(), b.members());
  }

  Scope obligationScope(Context ctx, Principal p) {
    return s.operations()
        .obligation(ctx.pathParam("id"))
        .<Scope>map(o -> new Scope.OfParty(o.party()))
        .orElseThrow(
            () ->
                new DomainError.NotFound(
                    "id", "no obligation '" + ReportInput.clip(ctx.pathParam("id")) + "'"));
  }

  // ---- session --------------------------------------------------------------------------------

  void session(Context ctx, Principal p) {
    // the script's sign-in form: a CSRF token (a pre-session for the public, no database row)
    String csrf = authn.csrfTokenForForm(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", p.account().map(Views::account).orElse(null));
    m.put("csrf-token", csrf);
    ctx.header("Cache-Control", "no-store");
    Json.respond(ctx, 200, m);
  }

  void login(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String username = body.path("username").asText("");
    String password = body.path("password").asText("");
    Account account = Logins.signIn(s, authn, ctx, username, password, false);
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", Views.account(account));
    m.put("csrf-token", Authn.session(ctx).map(Sessions.Session::csrfToken).orElse(null));
    Json.respond(ctx, 200, m);
  }

  void logout(Context ctx, Principal p) {
    // a session started at the identity provider: the script sends the browser there to end it too
    Logins.signOut(s, authn, ctx, p)
        .ifPresentOrElse(
            at -> Json.respond(ctx, 200, Map.of("provider-logout", at.toString())),
            () -> ctx.status(204));
  }

  // ---- reports --------------------------------------------------------------------------------

  void listReports(Context ctx, Principal p) {
    int limit = Params.limit(ctx);
    int offset = Params.offset(ctx);
    Operations.ReportFilter f =
        Params.reportFilter(ctx, Kinds.INCIDENT_KINDS, Kinds.REVIEW_STATUSES);
    List<String> visible = Visibility.reportStatuses(p);
    Set<String> statuses =
        f.statuses() == null
            ? new LinkedHashSet<>(visible)
            : f.statuses().stream()
                .filter(visible::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    if (statuses.isEmpty()) {
      Json.respond(ctx, 200, Views.page(List.of(), limit, offset));
      return;
    }
    Operations.ReportFilter scoped =
        new Operations.ReportFilter(f.from(), f.to(), f.kinds(), statuses, f.bbox(), f.actors());
    List<Map<String, Object>> items =
        s.operations().reports(scoped, limit, offset).stream().map(Views::report).toList();
    Json.respond(ctx, 200, Views.page(items, limit, offset));
  }

  void fileReport(Context ctx, Principal p) {
    ReportInput.NewReport input = ReportInput.parse(Json.body(ctx, s.options().maxBodyBytes()));
    Report r = s.operations().fileReport(input, p.name());
    ctx.header("Location", "/api/v1/reports/" + r.id());
    Json.respond(ctx, 201, Views.report(r));
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
    Json.respond(ctx, 200, Views.report(r));
  }

  void review(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    if (!body.isObject()) {
      throw new DomainError.Invalid("/", "the body must be a JSON object {status, actor?, note?}");
    }
    String status = body.path("status").isTextual() ? body.get("status").asText() : null;
    if (status == null) {
      throw new DomainError.Invalid(
          "/status", "status is required; one of " + Kinds.REVIEW_DECISIONS);
    }
    String party = "";
    double confidence = 0;
    JsonNode actor = body.get("actor");
    if (actor != null && !actor.isNull()) {
      if (!actor.isObject()) {
        throw new DomainError.Invalid("/actor", "actor must be an object {party, confidence}");
      }
      party = actor.path("party").isTextual() ? actor.get("party").asText() : "";
      if (!party.isEmpty() && !party.matches("[A-Z]{2,8}")) {
        throw new DomainError.Invalid(
            "/actor/party", "party must be a party code such as RU or UA");
      }
      JsonNode c = actor.get("confidence");
      if (c != null && (!c.isNumber() || c.asDouble() < 0 || c.asDouble() > 1)) {
        throw new DomainError.Invalid(
            "/actor/confidence", "confidence must be a number from 0 to 1");
      }
      confidence = c == null ? 0 : c.asDouble();
    }
    String note = body.path("note").isTextual() ? body.get("note").asText() : "";
    if (note.length() > 4000) {
      throw new DomainError.Invalid("/note", "note must have at most 4000 characters");
    }
    Report r =
        s.operations().review(ctx.pathParam("id"), status, party, confidence, note, p.name());
    Json.respond(ctx, 200, Views.report(r));
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
        Params.reportFilter(ctx, Kinds.INCIDENT_KINDS, Kinds.REVIEW_STATUSES);
    Operations.ReportFilter scoped =
        new Operations.ReportFilter(
            f.from(),
            f.to(),
            f.kinds(),
            new LinkedHashSet<>(Visibility.reportStatuses(p)),
            f.bbox());
    Json.respond(ctx, 200, Map.of("days", s.operations().reportsPerDay(scoped)));
  }

  // ---- findings -------------------------------------------------------------------------------

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
            .map(f -> Views.finding(f, Visibility.canDeliberate(p, f, ops)))
            .toList();
    Json.respond(ctx, 200, Views.page(items, limit, offset));
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
    Json.respond(ctx, 200, Views.finding(f, Visibility.canDeliberate(p, f, ops)));
  }

  void vote(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String vote = body.path("vote").isTextual() ? body.get("vote").asText() : null;
    if (vote == null) {
      throw new DomainError.Invalid("/vote", "vote is required; one of " + Kinds.VOTES);
    }
    Account a = p.account().orElseThrow();
    Operations.Finding f =
        s.operations().vote(ctx.pathParam("id"), a.party().orElseThrow(), vote, a.username());
    Json.respond(ctx, 200, Views.finding(f, true));
  }

  // ---- obligations ----------------------------------------------------------------------------

  void listObligations(Context ctx, Principal p) {
    int limit = Params.limit(ctx);
    int offset = Params.offset(ctx);
    Set<String> statuses =
        Params.list(ctx, "status", List.of("pending", "fulfilled", "breached", "waived"));
    if (statuses == null) {
      statuses = Set.of("pending", "fulfilled", "breached", "waived");
    }
    Optional<String> party =
        AccessPolicy.checkFor(p, Permission.READ_OBLIGATIONS) == AccessPolicy.Check.OWN_PARTY
            ? Optional.of(p.account().flatMap(Account::party).orElse("\u0000"))
            : Optional.empty();
    List<Map<String, Object>> items =
        s.operations().obligations(party, statuses, limit, offset).stream()
            .map(Views::obligation)
            .toList();
    Json.respond(ctx, 200, Views.page(items, limit, offset));
  }

  void getObligation(Context ctx, Principal p) {
    Json.respond(
        ctx, 200, Views.obligation(s.operations().obligation(ctx.pathParam("id")).orElseThrow()));
  }

  void answer(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String answer = body.path("answer").isTextual() ? body.get("answer").asText() : null;
    if (answer == null) {
      throw new DomainError.Invalid("/answer", "answer is required; one of " + Kinds.ANSWERS);
    }
    String decision = body.path("decision").isTextual() ? body.get("decision").asText() : "";
    String note = body.path("note").isTextual() ? body.get("note").asText() : "";
    if (decision.length() > 200) {
      throw new DomainError.Invalid("/decision", "decision must have at most 200 characters");
    }
    if (note.length() > 4000) {
      throw new DomainError.Invalid("/note", "note must have at most 4000 characters");
    }
    Operations.Obligation o =
        s.operations().answer(ctx.pathParam("id"), answer, decision, note, p.name());
    Json.respond(ctx, 200, Views.obligation(o));
  }

  void status(Context ctx, Principal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine-connected", s.operations().enforcement().connected());
    m.put("guarantees", s.operations().statuses("guarantee").stream().map(Views::status).toList());
    // a provision report's note is the mechanism's: the public sees the level it reported, not the
    // note
    boolean mechanism = AccessPolicy.allows(p, Permission.READ_REPORTS, Scope.NONE);
    m.put(
        "provisions",
        s.operations().statuses("provision").stream()
            .map(x -> Views.status(x, mechanism))
            .toList());
    Json.respond(ctx, 200, m);
  }

  void places(Context ctx, Principal p) {
    String geo =
        s.operations()
            .enforcement()
            .placesGeoJson()
            .orElse("{\"type\":\"FeatureCollection\",\"features\":[]}");
    ctx.contentType("application/geo+json").result(geo);
  }

  void reportProvision(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    JsonNode level = body.get("level");
    if (level == null || !level.isIntegralNumber()) {
      throw new DomainError.Invalid("/level", "level is required: 0, 1, 2 or 3");
    }
    String note = body.path("note").isTextual() ? body.get("note").asText() : "";
    if (note.length() > 4000) {
      throw new DomainError.Invalid("/note", "note must have at most 4000 characters");
    }
    if (!s.operations().enforcement().connected()) {
      throw new DomainError.Conflict(
          "id", "no agreement is enforced by this server, so provisions are unknown");
    }
    s.operations().reportProvision(ctx.pathParam("id"), level.asInt(), note, p.name());
    ctx.status(202);
  }

  // ---- self, accounts, audit, webhooks --------------------------------------------------------

  void me(Context ctx, Principal p) {
    Json.respond(ctx, 200, Views.account(p.account().orElseThrow()));
  }

  void listTokens(Context ctx, Principal p) {
    Json.respond(ctx, 200, Map.of("items", s.tokens().list(p.account().orElseThrow().id())));
  }

  void issueToken(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    if (!body.isObject()) {
      throw new DomainError.Invalid(
          "/", "the body must be a JSON object {label, scope?, expires-at?}");
    }
    String label = body.path("label").isTextual() ? body.get("label").asText() : null;
    if (label == null || label.isBlank() || label.length() > 100) {
      throw new DomainError.Invalid(
          "/label", "label is required: a name of at most 100 characters for this token");
    }
    Account a = p.account().orElseThrow();
    TokenRequest wanted = TokenRequest.parse(body, p, s.clock().instant());
    String token = s.tokens().issue(a.id(), label, wanted.scope(), wanted.expiresAt());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("label", label);
    detail.put("scope", wanted.scope().stream().map(Permission::slug).sorted().toList().toString());
    detail.put("expires-at", wanted.expiresAt().map(Object::toString).orElse("never"));
    detail.put("by", p instanceof Principal.Authenticated t && t.viaToken() ? "token" : "session");
    s.jdbi()
        .useHandle(
            h ->
                Audit.record(
                    h, s.clock().instant(), a.username(), "token.issued", a.username(), detail));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("token", token);
    m.put("label", label);
    m.put("scope", wanted.scope().stream().map(Permission::slug).sorted().toList());
    m.put("expires-at", wanted.expiresAt().map(Object::toString).orElse(null));
    m.put("note", "store this token now; it is not shown again");
    ctx.header("Cache-Control", "no-store");
    Json.respond(ctx, 201, m);
  }

  void revokeToken(Context ctx, Principal p) {
    long id = numericId(ctx, "token");
    Account a = p.account().orElseThrow();
    if (!s.tokens().revoke(a.id(), id)) {
      throw new DomainError.NotFound("id", "you have no live token " + id);
    }
    s.jdbi()
        .useHandle(
            h ->
                Audit.record(
                    h,
                    s.clock().instant(),
                    a.username(),
                    "token.revoked",
                    String.valueOf(id),
                    Map.of()));
    ctx.status(204);
  }

  void listAccounts(Context ctx, Principal p) {
    Json.respond(
        ctx, 200, Map.of("items", s.accounts().all().stream().map(Views::account).toList()));
  }

  void createAccount(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    // an absent text is the empty string, which the account, identity and webhook rules refuse with
    // the same problem as a malformed one
    String username = body.path("username").isTextual() ? body.get("username").asText() : "";
    String displayName =
        body.path("display-name").isTextual() ? body.get("display-name").asText() : username;
    Role role =
        Role.fromSlug(body.path("role").asText(""))
            .orElseThrow(
                () ->
                    new DomainError.Invalid(
                        "/role", "role must be one of " + List.of(Role.values())));
    Optional<String> party =
        body.path("party").isTextual() ? Optional.of(body.get("party").asText()) : Optional.empty();
    String password = body.path("password").isTextual() ? body.get("password").asText() : "";
    if (displayName != null && displayName.length() > 200) {
      throw new DomainError.Invalid(
          "/display-name", "display-name must have at most 200 characters");
    }
    // the email an OpenID Connect sign-in with a verified email is matched against (docs/server.md)
    Optional<String> email =
        body.path("email").isTextual() ? Optional.of(body.get("email").asText()) : Optional.empty();
    email.ifPresent(OidcAccounts::checkEmail);
    Account a =
        s.accounts()
            .create(
                username, displayName == null ? "" : displayName, role, party, password, p.name());
    if (email.isPresent()) {
      new OidcAccounts(s.jdbi(), s.accounts(), s.clock()).setEmail(a.id(), email, p.name());
    }
    Json.respond(ctx, 201, Views.account(a));
  }

  void listIdentities(Context ctx, Principal p) {
    long id = accountId(ctx);
    Json.respond(
        ctx,
        200,
        Map.of(
            "items",
            oidcAccounts().links(id).stream()
                .map(
                    l ->
                        Map.of(
                            "issuer",
                            l.issuer(),
                            "subject",
                            l.subject(),
                            "linked-at",
                            l.linkedAt().toString(),
                            "linked-by",
                            l.linkedBy()))
                .toList()));
  }

  void linkIdentity(Context ctx, Principal p) {
    long id = accountId(ctx);
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String issuer = body.path("issuer").isTextual() ? body.get("issuer").asText() : "";
    String subject = body.path("subject").isTextual() ? body.get("subject").asText() : "";
    oidcAccounts().link(id, issuer, subject, p.name());
    Json.respond(ctx, 201, Map.of("account", id, "issuer", issuer, "subject", subject));
  }

  void unlinkIdentity(Context ctx, Principal p) {
    oidcAccounts()
        .unlink(accountId(ctx), ctx.queryParam("issuer"), ctx.queryParam("subject"), p.name());
    ctx.status(204);
  }

  /** A route's numeric {@code {id}}; 400 naming it otherwise. */
  static long numericId(Context ctx, String what) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid("id", what + " id must be a number");
    }
  }

  /** The account a route's {@code {id}} names, which must exist. */
  public static long accountId(Context ctx, Services s) {
    long id = numericId(ctx, "account");
    if (s.accounts().all().stream().noneMatch(a -> a.id() == id)) {
      throw new DomainError.NotFound("id", "no account " + id);
    }
    return id;
  }

  private long accountId(Context ctx) {
    return accountId(ctx, s);
  }

  private OidcAccounts oidcAccounts() {
    return new OidcAccounts(s.jdbi(), s.accounts(), s.clock());
  }

  void audit(Context ctx, Principal p) {
    int limit = Params.limit(ctx);
    long before = Params.intParam(ctx, "before", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    Json.respond(ctx, 200, Map.of("items", Audit.latest(s.jdbi(), limit, before)));
  }

  void listWebhooks(Context ctx, Principal p) {
    Json.respond(ctx, 200, Map.of("items", s.webhooks().list()));
  }

  void createWebhook(Context ctx, Principal p) {
    JsonNode body = Json.body(ctx, s.options().maxBodyBytes());
    String url = body.path("url").isTextual() ? body.get("url").asText() : "";
    String secret = body.path("secret").isTextual() ? body.get("secret").asText() : "";
    String events = body.path("events").isTextual() ? body.get("events").asText() : "*";
    long id = s.webhooks().add(url, secret, events, p.name());
    Json.respond(ctx, 201, Map.of("id", id, "url", url, "events", events));
  }

  void deleteWebhook(Context ctx, Principal p) {
    long id = numericId(ctx, "webhook");
    if (!s.webhooks().delete(id, p.name())) {
      throw new DomainError.NotFound("id", "no webhook " + id);
    }
    ctx.status(204);
  }

  void deliveries(Context ctx, Principal p) {
    Json.respond(ctx, 200, Map.of("items", s.webhooks().deliveries(Params.limit(ctx))));
  }
}
