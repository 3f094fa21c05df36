package org.umbrella.server.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what: the one table the router enforces and the authorization-matrix test reads.
 *
 * <p>Every {@link Permission} maps each role allowed to perform it to the scope check that applies
 * to that role. A role absent from an action's row is denied. {@link #PUBLIC} lists the actions the
 * public (no account) may perform. Nothing else grants access anywhere in the server.
 *
 * <p>Thread-safe and immutable.
 */
public final class AccessPolicy {

  /** How an allowed role is further restricted by what the request touches. */
  public enum Check {
    /** The role suffices. */
    ANY,
    /** The account must act for the party that owns the resource. */
    OWN_PARTY,
    /** The account's party must be a member of the body that owns the resource. */
    BODY_MEMBER
  }

  /** The actions open to everyone, signed in or not. */
  public static final Set<Permission> PUBLIC = Set.of(Permission.READ_PUBLIC);

  private static final Map<Permission, Map<Role, Check>> TABLE = table();

  /**
   * Who may perform {@code action}, by role: every action has a row (table() builds one per
   * action).
   */
  private static Map<Role, Check> tableRow(Permission action) {
    Map<Role, Check> row = TABLE.get(action);
    if (row == null) {
      throw new IllegalStateException("no row for " + action + " in the access table");
    }
    return row;
  }

  private static Map<Permission, Map<Role, Check>> table() {
    Map<Permission, Map<Role, Check>> t = new EnumMap<>(Permission.class);
    Map<Role, Check> everyone = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      everyone.put(r, Check.ANY);
    }
    t.put(Permission.READ_PUBLIC, everyone);
    t.put(Permission.MANAGE_SELF, everyone);
    t.put(
        Permission.READ_REPORTS,
        Map.of(
            Role.ADMINISTRATOR,
            Check.ANY,
            Role.MONITOR,
            Check.ANY,
            Role.VERIFIER,
            Check.ANY,
            Role.BODY_MEMBER,
            Check.ANY));
    t.put(Permission.FILE_REPORT, Map.of(Role.MONITOR, Check.ANY));
    t.put(Permission.REVIEW_REPORT, Map.of(Role.VERIFIER, Check.ANY));
    t.put(Permission.REPORT_PROVISION, Map.of(Role.VERIFIER, Check.ANY));
    // Deliberations are the body's own until it publishes: not even the administrator reads them.
    t.put(Permission.READ_DELIBERATION, Map.of(Role.BODY_MEMBER, Check.BODY_MEMBER));
    t.put(Permission.VOTE, Map.of(Role.BODY_MEMBER, Check.BODY_MEMBER));
    t.put(
        Permission.READ_OBLIGATIONS,
        Map.of(Role.ADMINISTRATOR, Check.ANY, Role.GUARANTOR_REPRESENTATIVE, Check.OWN_PARTY));
    t.put(Permission.ANSWER_OBLIGATION, Map.of(Role.GUARANTOR_REPRESENTATIVE, Check.OWN_PARTY));
    t.put(Permission.MANAGE_ACCOUNTS, Map.of(Role.ADMINISTRATOR, Check.ANY));
    t.put(Permission.READ_AUDIT, Map.of(Role.ADMINISTRATOR, Check.ANY));
    t.put(Permission.MANAGE_WEBHOOKS, Map.of(Role.ADMINISTRATOR, Check.ANY));
    // Metrics tell when votes, answers and reviews happen: the administrator's (or a token scoped
    // to read-metrics)
    t.put(Permission.READ_METRICS, Map.of(Role.ADMINISTRATOR, Check.ANY));
    t.put(Permission.ISSUE_TOKENS, everyone);
    for (Permission a : Permission.values()) {
      if (!t.containsKey(a)) {
        throw new IllegalStateException("access policy has no row for " + a);
      }
    }
    return Map.copyOf(t);
  }

  private AccessPolicy() {}

  /** The roles allowed to perform {@code action}, each with the scope check that applies. */
  public static Map<Role, Check> row(Permission action) {
    return Map.copyOf(tableRow(action));
  }

  /**
   * Whether {@code principal} may perform {@code action} on something in {@code scope}.
   *
   * <p>A scoped check ({@link Check#OWN_PARTY}, {@link Check#BODY_MEMBER}) with a scope of the
   * wrong kind denies: a route that forgot to resolve its scope fails closed.
   */
  public static boolean allows(Principal principal, Permission action, Scope scope) {
    if (principal.account().isEmpty()) {
      return PUBLIC.contains(action);
    }
    if (!principal.granted(action)) {
      return false; // an API token scoped narrower than its account
    }
    Account account = principal.account().get();
    Check check = tableRow(action).get(account.role());
    if (check == null) {
      return false;
    }
    return switch (check) {
      case ANY -> true;
      case OWN_PARTY -> scope instanceof Scope.OfParty p && account.actsFor(p.party());
      case BODY_MEMBER ->
          scope instanceof Scope.OfBody b
              && account.party().map(b.members()::contains).orElse(false);
    };
  }

  /**
   * Whether {@code principal} may perform {@code action} on some resource at all, before its scope
   * is known: used to decide between "forbidden" and "show a filtered list".
   */
  public static boolean mayEverPerform(Principal principal, Permission action) {
    if (principal.account().isEmpty()) {
      return PUBLIC.contains(action);
    }
    if (!principal.granted(action)) {
      return false;
    }
    return tableRow(action).containsKey(principal.account().get().role());
  }

  /**
   * The check that scopes {@code principal}'s {@code action}, or null when it may not act at all.
   */
  public static @Nullable Check checkFor(Principal principal, Permission action) {
    if (!principal.granted(action)) {
      return null;
    }
    return principal
        .account()
        .map(a -> tableRow(action).get(a.role()))
        .orElse(PUBLIC.contains(action) ? Check.ANY : null);
  }

  /**
   * The table as Markdown: one row per action, one column per role (and the public); "yes", "own
   * party", "body member" or blank. docs/server.md carries this text, checked by a test.
   */
  public static String markdown() {
    StringBuilder sb = new StringBuilder("| action | public |");
    for (Role r : Role.values()) {
      sb.append(' ').append(r.slug()).append(" |");
    }
    sb.append("\n|---|---|");
    for (int i = 0; i < Role.values().length; i++) {
      sb.append("---|");
    }
    sb.append('\n');
    for (Permission a : Permission.values()) {
      sb.append("| ")
          .append(a.slug())
          .append(" | ")
          .append(PUBLIC.contains(a) ? "yes" : "")
          .append(" |");
      for (Role r : Role.values()) {
        Check c = tableRow(a).get(r);
        sb.append(' ')
            .append(
                c == null
                    ? ""
                    : switch (c) {
                      case ANY -> "yes";
                      case OWN_PARTY -> "own party";
                      case BODY_MEMBER -> "body member";
                    })
            .append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
