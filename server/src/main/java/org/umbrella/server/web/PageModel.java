package org.umbrella.server.web;

import java.util.List;
import java.util.Optional;
import org.umbrella.server.access.Account;

/**
 * What every page's layout needs: title, the signed-in account, the CSRF token for forms, the
 * navigation the account may use, a one-line notice, and the reader's language.
 */
public record PageModel(String title, String path, Optional<Account> account, String csrf, List<NavItem> nav,
    Optional<String> notice, boolean engineConnected, Messages messages) {

  /** The text for {@code key} in the reader's language. */
  public String t(String key) {
    return messages.t(key);
  }

  /** The language tag of the page ({@code <html lang>}). */
  public String lang() {
    return messages.lang();
  }

  /** This page in {@code language} (the switcher's link). */
  public String in(java.util.Locale language) {
    return path + "?lang=" + language.getLanguage();
  }

  /** A navigation link. */
  public record NavItem(String href, String label) {}

  public boolean signedIn() {
    return account.isPresent();
  }

  public String who() {
    return account.map(a -> a.displayName() + " (" + a.role().slug() + ", " + a.affiliation() + ")").orElse("");
  }

  public boolean current(String href) {
    return href.equals(path) || (!href.equals("/") && path.startsWith(href));
  }
}
