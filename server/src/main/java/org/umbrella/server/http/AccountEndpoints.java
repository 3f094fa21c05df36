package org.umbrella.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.NewAccount;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Role;
import org.umbrella.server.access.oidc.IdentityLink;
import org.umbrella.server.access.oidc.OidcAccounts;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.live.NewWebhook;
import org.umbrella.server.ops.Audit;

/**
 * The API's accounts: the caller's own account and tokens, administration of accounts and their
 * OpenID Connect identities, the audit log and webhooks. Not for sessions (sign-in is in {@link
 * Api}).
 */
final class AccountEndpoints {
  private final ServerComponents s;

  AccountEndpoints(ServerComponents s) {
    this.s = s;
  }

  void me(Context ctx, Principal p) {
    Json.respond(ctx, 200, ApiShapes.account(p.account().orElseThrow()));
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
    long id = Api.numericId(ctx, "token");
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
        ctx, 200, Map.of("items", s.accounts().all().stream().map(ApiShapes::account).toList()));
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
    NewAccount account = new NewAccount(username, displayName, role, party, password);
    // the email an OpenID Connect sign-in with a verified email is matched against (docs/server.md)
    Optional<String> email =
        body.path("email").isTextual() ? Optional.of(body.get("email").asText()) : Optional.empty();
    email.ifPresent(OidcAccounts::checkEmail);
    Account a = s.accounts().create(account, p.name());
    if (email.isPresent()) {
      new OidcAccounts(s.jdbi(), s.accounts(), s.clock()).setEmail(a.id(), email, p.name());
    }
    Json.respond(ctx, 201, ApiShapes.account(a));
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
    oidcAccounts().link(id, new IdentityLink(issuer, subject), p.name());
    Json.respond(ctx, 201, Map.of("account", id, "issuer", issuer, "subject", subject));
  }

  void unlinkIdentity(Context ctx, Principal p) {
    IdentityLink identity =
        new IdentityLink(
            Objects.requireNonNullElse(ctx.queryParam("issuer"), ""),
            Objects.requireNonNullElse(ctx.queryParam("subject"), ""));
    oidcAccounts().unlink(accountId(ctx), identity, p.name());
    ctx.status(204);
  }

  private long accountId(Context ctx) {
    return Api.accountId(ctx, s);
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
    long id = s.webhooks().add(new NewWebhook(url, secret, events), p.name());
    Json.respond(ctx, 201, Map.of("id", id, "url", url, "events", events));
  }

  void deleteWebhook(Context ctx, Principal p) {
    long id = Api.numericId(ctx, "webhook");
    if (!s.webhooks().delete(id, p.name())) {
      throw new DomainError.NotFound("id", "no webhook " + id);
    }
    ctx.status(204);
  }

  void deliveries(Context ctx, Principal p) {
    Json.respond(ctx, 200, Map.of("items", s.webhooks().deliveries(Params.limit(ctx))));
  }
}
