package org.umbrella.server.access;

import java.util.List;
import java.util.Optional;
import org.umbrella.server.InputRules;
import org.umbrella.server.app.DomainError;

/**
 * A request to create an account, validated once, when it is made: a {@code NewAccount} that exists
 * has a well-formed username, a display name of at most {@value #MAX_DISPLAY_NAME} characters, a
 * role, a party code or none, and a password {@link Passwords#checkNew} accepts. The API builds one
 * from a JSON body and the administration page from its form, so both refuse the same input with
 * the same {@link DomainError.Invalid}, naming the field as the API names it; {@link
 * Accounts#create(NewAccount, String)} checks only what depends on the state (that the username is
 * free).
 *
 * <p>It lives beside {@link Accounts} rather than among {@code org.umbrella.server.app.Command}'s
 * records because it needs {@link Role} and {@link Passwords}, which depend on {@code app}'s
 * errors: the other way round would make the two packages a cycle. Its {@link #toString} never
 * shows the password.
 *
 * @param username 2-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit
 * @param displayName the name shown to others (not blank)
 * @param role what the account may do
 * @param party the party it acts for, or empty for the mechanism's own staff
 * @param password the initial password
 */
public record NewAccount(
    String username, String displayName, Role role, Optional<String> party, String password) {
  /** The longest display name. */
  public static final int MAX_DISPLAY_NAME = 200;

  public NewAccount {
    if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      throw new DomainError.Invalid(
          "/username",
          "username must be 2-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    }
    if (displayName.isBlank()) {
      throw new DomainError.Invalid("/display-name", "display-name must not be blank");
    }
    if (displayName.length() > MAX_DISPLAY_NAME) {
      throw new DomainError.Invalid(
          "/display-name", "display-name must have at most " + MAX_DISPLAY_NAME + " characters");
    }
    InputRules.text("/display-name", displayName);
    if (party.isPresent() && !party.get().matches("[A-Z]{2,8}")) {
      throw new DomainError.Invalid(
          "/party", "party must be a party code such as US or GB, was '" + party.get() + "'");
    }
    Passwords.checkNew(password, List.of(username, displayName));
  }

  /** Never the password: a command may be logged. */
  @Override
  public String toString() {
    return "NewAccount[username="
        + username
        + ", displayName="
        + displayName
        + ", role="
        + role.slug()
        + ", party="
        + party.orElse("")
        + ", password=(hidden)]";
  }
}
