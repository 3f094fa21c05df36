package org.umbrella.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.AccountChanges;
import org.umbrella.server.access.NewAccount;
import org.umbrella.server.access.PasswordReset;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Role;
import org.umbrella.server.access.oidc.IdentityLink;
import org.umbrella.server.access.oidc.OidcAccounts;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.Api;
import org.umbrella.server.ops.Audit;

/**
 * The administrator's page: accounts (create, disable, new password) and the OpenID Connect
 * identities linked to them. Not for a user's own account ({@code /api/v1/me}).
 */
final class AdminPages {
  private final Pages pages;
  private final ServerComponents s;

  AdminPages(Pages pages, ServerComponents s) {
    this.pages = pages;
    this.s = s;
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
    params.put("page", pages.model(ctx, p, "Administration"));
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
    pages.html(ctx, status, "admin.jte", params);
  }

  void createAccount(Context ctx, Principal p) {
    Map<String, String> typed = new HashMap<>();
    for (String f : List.of("username", "display-name", "role", "party")) {
      typed.put(f, Pages.form(ctx, f));
    }
    String displayName = Pages.form(ctx, "display-name");
    Messages m = Messages.of(ctx);
    String problem;
    Optional<Role> role =
        Arrays.stream(Role.values()).filter(r -> r.slug().equals(typed.get("role"))).findFirst();
    if (role.isEmpty()) {
      problem = m.t("err.role");
    } else {
      try {
        NewAccount account =
            new NewAccount(
                Pages.form(ctx, "username").trim(),
                displayName.trim(),
                role.get(),
                Optional.of(Pages.form(ctx, "party")).filter(x -> !x.isBlank()),
                Pages.form(ctx, "password"));
        s.accounts().create(account, p.name());
        ctx.redirect("/admin?done=created", HttpStatus.SEE_OTHER);
        return;
      } catch (DomainError.Invalid e) {
        // the one rule worded for this form in the reader's language; the rest as the API words
        // them
        problem =
            e.field().equals(Optional.of("/display-name"))
                ? m.t("err.name")
                : m.f("err.account", Objects.requireNonNullElse(e.getMessage(), e.toString()));
      } catch (DomainError.Conflict e) {
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
    ctx.redirect("/admin?done=disabled", HttpStatus.SEE_OTHER);
  }

  void resetPassword(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    try {
      new AccountChanges(s.jdbi(), s.clock())
          .resetPassword(new PasswordReset(id, Pages.form(ctx, "password")), p.name());
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
    ctx.redirect("/admin?done=password-set", HttpStatus.SEE_OTHER);
  }

  void linkIdentity(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    try {
      new OidcAccounts(s.jdbi(), s.accounts(), s.clock())
          .link(
              id,
              new IdentityLink(Pages.form(ctx, "issuer"), Pages.form(ctx, "subject")),
              p.name());
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
    ctx.redirect("/admin?done=linked", HttpStatus.SEE_OTHER);
  }

  void unlinkIdentity(Context ctx, Principal p) {
    long id = Api.accountId(ctx, s);
    new OidcAccounts(s.jdbi(), s.accounts(), s.clock())
        .unlink(
            id, new IdentityLink(Pages.form(ctx, "issuer"), Pages.form(ctx, "subject")), p.name());
    ctx.redirect("/admin?done=unlinked", HttpStatus.SEE_OTHER);
  }
}
