package org.umbrella.server.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do in the mechanism, independent of its party.
 *
 * <p>The slug is the stable spelling used in the API, the database and the documentation.
 */
public enum Role {
  /** Manages accounts, tokens and webhooks; reads the audit trail. Belongs to the mechanism. */
  ADMINISTRATOR("administrator"),
  /** Files incident reports (patrols, sensors, open sources). */
  MONITOR("monitor"),
  /** Reviews reports: corroborates, verifies or rejects, attributes. */
  VERIFIER("verifier"),
  /** Votes on candidate findings of the bodies its party sits on. */
  BODY_MEMBER("body-member"),
  /** Sees and answers its own party's obligations. */
  GUARANTOR_REPRESENTATIVE("guarantor-representative"),
  /** Reads what is public, signed in (for example a journalist or a researcher). */
  OBSERVER("observer");

  private final String slug;

  Role(String slug) {
    this.slug = slug;
  }

  /** The stable name of this role ({@code body-member}). */
  public String slug() {
    return slug;
  }

  /** The role with this slug, if any; case-insensitive. */
  public static Optional<Role> fromSlug(String slug) {
    String wanted = slug == null ? "" : slug.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.slug.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return slug;
  }
}
