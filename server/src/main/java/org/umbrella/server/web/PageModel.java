package org.umbrella.server.web;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.umbrella.server.access.Account;

/**
 * What every page's layout needs: title, the signed-in account, the CSRF token for forms, the
 * navigation the account may use, a one-line notice, and the reader's language.
 *
 * @param here the page to show again in another language: this page with its query (filters,
 *     paging) for a page read, the form's page for a form post shown again
 */
public record PageModel(
    String title,
    String path,
    Optional<Account> account,
    String csrf,
    List<NavItem> nav,
    Optional<String> notice,
    boolean engineConnected,
    Messages messages,
    String here) {

  /** The text for {@code key} in the reader's language. */
  public String t(String key) {
    return messages.t(key);
  }

  /** The language tag of the page ({@code <html lang>}). */
  public String lang() {
    return messages.lang();
  }

  /** This page in {@code language} (the switcher's link). */
  public String in(Locale language) {
    return here + (here.contains("?") ? "&" : "?") + "lang=" + language.getLanguage();
  }

  /** A navigation link. */
  public record NavItem(String href, String label) {}

  public boolean signedIn() {
    return account.isPresent();
  }

  public String who() {
    return account
        .map(a -> a.displayName() + " (" + a.role().slug() + ", " + a.affiliation() + ")")
        .orElse("");
  }

  /** The signed-in person's name (their own words: not translated). */
  public String whoName() {
    return account.map(Account::displayName).orElse("");
  }

  /** The signed-in account's role and party in the reader's language: "(verifier, mechanism)". */
  public String whoRole() {
    return account
        .map(
            a ->
                "("
                    + messages.code("role", a.role().slug())
                    + ", "
                    + a.party().orElse(messages.t("party.mechanism"))
                    + ")")
        .orElse("");
  }

  /** Shorthands for the templates: see {@link Messages}. */
  public String f(String key, Object... args) {
    return messages.f(key, args);
  }

  public String code(String group, String code) {
    return messages.code(group, code);
  }

  public String date(Instant t) {
    return messages.date(t);
  }

  public String num(long n) {
    return messages.num(n);
  }

  public String place(double lat, double lon) {
    return messages.place(lat, lon);
  }

  public String countdown(Instant now, Instant due) {
    return messages.countdown(now, due);
  }

  public String age(Instant then, Instant now) {
    return messages.age(then, now);
  }

  /**
   * {@link #f} for HTML: the bundle's text escaped, each argument escaped unless it is already
   * {@link #data} markup. For sentences that name user data, which must stay marked as such.
   */
  public String fh(String key, Object... args) {
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      safe[i] =
          args[i] instanceof Data d
              ? d.html()
              : args[i] instanceof String str ? escape(str) : args[i];
    }
    return new MessageFormat(escape(messages.t(key)).replace("'", "''"), messages.locale())
        .format(safe);
  }

  /** Markup for what a user wrote (a username, a name): not to be translated. */
  public record Data(String html) {}

  public Data data(String text) {
    return new Data("<span translate=\"no\">" + escape(text) + "</span>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /**
   * An audit action in words: "report filed", "finding now confirmed", "guarantee status changed".
   */
  public String audit(String action) {
    if (messages.bundle().containsKey("audit." + action)) {
      return messages.t("audit." + action);
    }
    int dot = action.indexOf('.');
    if (dot > 0 && messages.bundle().containsKey("audit.subject." + action.substring(0, dot))) {
      String subject = messages.t("audit.subject." + action.substring(0, dot));
      String rest = action.substring(dot + 1);
      return rest.equals("status")
          ? messages.f("audit.status", subject)
          : messages.f("audit.changed", subject, messages.code("status", rest));
    }
    return action;
  }

  /** A body's voting rule ("majority", "at least 2/3") in the reader's language. */
  public String rule(String rule) {
    return rule.startsWith("at least ")
        ? messages.f("rule.at-least", rule.substring("at least ".length()))
        : messages.code("rule", rule);
  }

  /** The actor's party, or "unattributed" in the reader's language. */
  public String actor(String party) {
    return party == null || party.isEmpty() ? messages.t("actor.none") : party;
  }

  public boolean current(String href) {
    return href.equals(path) || (!href.equals("/") && path.startsWith(href));
  }
}
