package org.umbrella.server.access;

import java.util.List;
import org.umbrella.server.app.DomainError;

/**
 * An administrator's new password for an account, validated once, when it is made, as far as the
 * password alone can be judged: its length, its characters and its strength against common words.
 * Whether it is too close to the account's own names needs the stored account, so {@link
 * AccountChanges#resetPassword(PasswordReset, String)} checks that in its transaction, with the
 * same {@link DomainError.Invalid} naming {@code /password}.
 *
 * <p>Its {@link #toString} never shows the password.
 *
 * @param accountId the account whose password is set
 * @param password the new password
 */
public record PasswordReset(long accountId, String password) {
  public PasswordReset {
    if (accountId <= 0) {
      throw new DomainError.NotFound("/id", "no account " + accountId);
    }
    Passwords.checkNew(password, List.of());
  }

  /** Never the password: a command may be logged. */
  @Override
  public String toString() {
    return "PasswordReset[accountId=" + accountId + ", password=(hidden)]";
  }
}
