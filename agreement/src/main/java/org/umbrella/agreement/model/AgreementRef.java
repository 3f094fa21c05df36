package org.umbrella.agreement.model;

import java.util.Optional;

/**
 * A reference to one version of an agreement, written {@code id@version}.
 *
 * @param id the agreement id
 * @param version the version label
 */
public record AgreementRef(String id, String version) {
  /** Parses {@code id@version}; empty if either part is missing. */
  public static Optional<AgreementRef> parse(String text) {
    int at = text.indexOf('@');
    if (at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new AgreementRef(text.substring(0, at), text.substring(at + 1)));
  }

  /** {@code id@version}. */
  @Override
  public String toString() {
    return id + "@" + version;
  }
}
