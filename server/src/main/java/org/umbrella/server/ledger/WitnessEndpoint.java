package org.umbrella.server.ledger;

import java.net.URI;
import org.umbrella.ledger.CosignatureVerifier;
import org.umbrella.ledger.MalformedInputException;

/**
 * A witness the service submits its checkpoints to: the submission prefix of its {@code
 * tlog-witness} API and its cosignature key.
 *
 * @param url the submission prefix ({@code add-checkpoint} is appended)
 * @param key the witness's cosignature verifier key (type 0x04)
 */
public record WitnessEndpoint(URI url, CosignatureVerifier key) {
  /**
   * Parses {@code URL=VERIFIER_KEY}, as {@code serve --witness} takes it.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static WitnessEndpoint parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--witness must be URL=VERIFIER_KEY, was '" + spec + "'");
    }
    URI url;
    try {
      url = URI.create(spec.substring(0, eq));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--witness: '" + spec.substring(0, eq) + "' is not a URL");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "--witness: the URL must be http:// or https://, was '" + url + "'");
    }
    try {
      return new WitnessEndpoint(url, CosignatureVerifier.parse(spec.substring(eq + 1)));
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException("--witness " + url + ": " + e.getMessage());
    }
  }

  /** The {@code add-checkpoint} endpoint. */
  public URI addCheckpoint() {
    String base = url.toString();
    return URI.create(base.endsWith("/") ? base + "add-checkpoint" : base + "/add-checkpoint");
  }
}
