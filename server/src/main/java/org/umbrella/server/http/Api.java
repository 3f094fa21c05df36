package org.umbrella.server.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * The JSON API under {@code /api/v1}: its route table, the scopes its routes are checked against,
 * and sessions. The handlers are {@link ReportEndpoints}, {@link DecisionEndpoints} and {@link
 * AccountEndpoints}. The route table (about 330 lines, one {@link Route} per operation with its
 * permission, request schema and description, from which the gate, the OpenAPI document and the
 * access matrix are made) is kept whole and in the OpenAPI document's order.
 */
public final class Api {
  private final ServerComponents s;
  private final Authn authn;
  private final ReportEndpoints reports;
  private final DecisionEndpoints decisions;
  private final AccountEndpoints accounts;

  public Api(ServerComponents services, Authn authn) {
    this.s = services;
    this.authn = authn;
    this.reports =
        new ReportEndpoints(services, new LedgerProofs(services.operations(), services.jdbi()));
    this.decisions = new DecisionEndpoints(services);
    this.accounts = new AccountEndpoints(services);
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
            reports::listReports,
            "Incident reports (public: verified only), newest first; filter by from, to, kind, status, bbox, actor (parties or none)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/reports",
            Permission.FILE_REPORT,
            none,
            reports::fileReport,
            "File an incident report",
            "NewReport",
            false),
        new Route(
            GET,
            "/api/v1/reports/{id}",
            Permission.READ_PUBLIC,
            none,
            reports::getReport,
            "One report",
            null,
            false),
        new Route(
            GET,
            "/api/v1/reports/{id}/proof",
            Permission.READ_PUBLIC,
            none,
            reports::reportProof,
            "Offline-checkable proof that the report's current version is in the ledger (as 'umbrella ledger proof' writes it)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/reports/{id}/reviews",
            Permission.REVIEW_REPORT,
            none,
            reports::review,
            "Review a report: corroborate, verify or reject; optionally attribute",
            "Review",
            false),
        new Route(
            GET,
            "/api/v1/timeline",
            Permission.READ_PUBLIC,
            none,
            reports::timeline,
            "Reports per UTC day and kind",
            null,
            false),
        new Route(
            GET,
            "/api/v1/bodies",
            Permission.READ_PUBLIC,
            none,
            decisions::bodies,
            "Determining bodies and their members",
            null,
            false),
        new Route(
            GET,
            "/api/v1/findings",
            Permission.READ_PUBLIC,
            none,
            decisions::listFindings,
            "Findings: confirmed ones, plus candidates of the caller's bodies",
            null,
            false),
        new Route(
            GET,
            "/api/v1/findings/<id>",
            Permission.READ_PUBLIC,
            none,
            decisions::getFinding,
            "One finding (votes only for members of its body)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/findings/<id>/votes",
            Permission.VOTE,
            this::findingScope,
            decisions::vote,
            "Cast the caller's party's vote on a candidate finding",
            "Vote",
            false),
        new Route(
            GET,
            "/api/v1/obligations",
            Permission.READ_OBLIGATIONS,
            Route.ScopeResolver.CALLERS_PARTY,
            decisions::listObligations,
            "Obligations, soonest deadline first (a guarantor representative sees its party's)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/obligations/<id>",
            Permission.READ_OBLIGATIONS,
            this::obligationScope,
            decisions::getObligation,
            "One obligation",
            null,
            false),
        new Route(
            POST,
            "/api/v1/obligations/<id>/answers",
            Permission.ANSWER_OBLIGATION,
            this::obligationScope,
            decisions::answer,
            "Answer an obligation: fulfilled (with the decision) or waived",
            "Answer",
            false),
        new Route(
            GET,
            "/api/v1/places",
            Permission.READ_PUBLIC,
            none,
            reports::places,
            "The enforced agreement's places (line of contact, zones) as GeoJSON",
            null,
            false),
        new Route(
            GET,
            "/api/v1/status",
            Permission.READ_PUBLIC,
            none,
            decisions::status,
            "Guarantee and provision status",
            null,
            false),
        new Route(
            POST,
            "/api/v1/provisions/{id}/reports",
            Permission.REPORT_PROVISION,
            none,
            decisions::reportProvision,
            "Report a provision's implementation level (0-3)",
            "ProvisionReport",
            false),
        new Route(
            GET,
            "/api/v1/ledger/checkpoint",
            Permission.READ_PUBLIC,
            none,
            reports::checkpoint,
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
            reports::leafProof,
            "Offline-checkable proof of one ledger leaf, for callers who may read its record (?witness=<vkey>...&quorum=N: in the latest head cosigned as that policy asks)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/me",
            Permission.MANAGE_SELF,
            none,
            accounts::me,
            "The caller's account",
            null,
            false),
        new Route(
            GET,
            "/api/v1/me/tokens",
            Permission.MANAGE_SELF,
            none,
            accounts::listTokens,
            "The caller's API tokens (never their secrets)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/me/tokens",
            Permission.ISSUE_TOKENS,
            none,
            accounts::issueToken,
            "Issue an API token (its secret is shown once), optionally scoped and expiring",
            "NewToken",
            false),
        new Route(
            DELETE,
            "/api/v1/me/tokens/{id}",
            Permission.MANAGE_SELF,
            none,
            accounts::revokeToken,
            "Revoke one of the caller's API tokens",
            null,
            false),
        new Route(
            GET,
            "/api/v1/accounts",
            Permission.MANAGE_ACCOUNTS,
            none,
            accounts::listAccounts,
            "All accounts",
            null,
            false),
        new Route(
            POST,
            "/api/v1/accounts",
            Permission.MANAGE_ACCOUNTS,
            none,
            accounts::createAccount,
            "Create an account",
            "NewAccount",
            false),
        new Route(
            GET,
            "/api/v1/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            accounts::listIdentities,
            "The OpenID Connect identities linked to an account",
            null,
            false),
        new Route(
            POST,
            "/api/v1/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            accounts::linkIdentity,
            "Link an OpenID Connect identity (issuer, subject) to an account (audited, a ledger leaf)",
            "Identity",
            false),
        new Route(
            DELETE,
            "/api/v1/accounts/{id}/identities",
            Permission.MANAGE_ACCOUNTS,
            none,
            accounts::unlinkIdentity,
            "Unlink an OpenID Connect identity from an account: ?issuer=...&subject=... (audited, a ledger leaf)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/audit",
            Permission.READ_AUDIT,
            none,
            accounts::audit,
            "The audit trail, newest first (before=<id> pages back)",
            null,
            false),
        new Route(
            GET,
            "/api/v1/webhooks",
            Permission.MANAGE_WEBHOOKS,
            none,
            accounts::listWebhooks,
            "Configured webhooks (never their secrets)",
            null,
            false),
        new Route(
            POST,
            "/api/v1/webhooks",
            Permission.MANAGE_WEBHOOKS,
            none,
            accounts::createWebhook,
            "Add a webhook (a public http(s) URL, or one the deployment allows); events are signed with HMAC-SHA256",
            "NewWebhook",
            false),
        new Route(
            DELETE,
            "/api/v1/webhooks/{id}",
            Permission.MANAGE_WEBHOOKS,
            none,
            accounts::deleteWebhook,
            "Delete a webhook, its secret and its pending deliveries",
            null,
            false),
        new Route(
            GET,
            "/api/v1/webhooks/deliveries",
            Permission.MANAGE_WEBHOOKS,
            none,
            accounts::deliveries,
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
    m.put("account", p.account().map(ApiShapes::account).orElse(null));
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
    m.put("account", ApiShapes.account(account));
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

  // ---- findings -------------------------------------------------------------------------------

  // ---- obligations ----------------------------------------------------------------------------

  // ---- self, accounts, audit, webhooks --------------------------------------------------------

  /** A route's numeric {@code {id}}; 400 naming it otherwise. */
  static long numericId(Context ctx, String what) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid("id", what + " id must be a number");
    }
  }

  /** The account a route's {@code {id}} names, which must exist. */
  public static long accountId(Context ctx, ServerComponents s) {
    long id = numericId(ctx, "account");
    if (s.accounts().all().stream().noneMatch(a -> a.id() == id)) {
      throw new DomainError.NotFound("id", "no account " + id);
    }
    return id;
  }
}
