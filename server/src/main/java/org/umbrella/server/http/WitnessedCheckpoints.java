package org.umbrella.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.umbrella.ledger.CosignatureVerifier;
import org.umbrella.ledger.MalformedInputException;
import org.umbrella.ledger.WitnessPolicy;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.store.Cosignatures;

/**
 * The witnessed view of the ledger over the API: the latest cosigned checkpoint, and the witness
 * policy a caller states with {@code ?witness=<vkey>&witness=...&quorum=N} (which witnesses it
 * trusts, how many must have cosigned), which proofs then honour.
 */
final class WitnessedCheckpoints {
  /** At most this many witnesses in one policy. */
  static final int MAX_WITNESSES = 32;

  private WitnessedCheckpoints() {}

  /**
   * The policy the query states, if it names witnesses.
   *
   * @throws DomainError 400 naming {@code witness} or {@code quorum} when malformed
   */
  static Optional<WitnessPolicy> policy(Context ctx) {
    List<String> keys = ctx.queryParams("witness");
    if (keys.isEmpty()) {
      if (ctx.queryParam("quorum") != null) {
        throw new DomainError.Invalid(
            "quorum",
            "quorum needs the witnesses it counts: add witness=<verifier key> parameters");
      }
      return Optional.empty();
    }
    if (keys.size() > MAX_WITNESSES) {
      throw new DomainError.Invalid(
          "witness", "at most " + MAX_WITNESSES + " witnesses in a policy");
    }
    List<CosignatureVerifier> witnesses = new ArrayList<>();
    for (String k : keys) {
      try {
        witnesses.add(CosignatureVerifier.parse(k));
      } catch (MalformedInputException e) {
        throw new DomainError.Invalid(
            "witness", Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
    }
    int quorum = witnesses.size();
    String q = ctx.queryParam("quorum");
    if (q != null) {
      try {
        quorum = Integer.parseInt(q);
      } catch (NumberFormatException e) {
        throw new DomainError.Invalid(
            "quorum",
            "quorum must be a whole number, was '"
                + q.substring(0, Math.min(q.length(), 20))
                + "'");
      }
    }
    try {
      return Optional.of(new WitnessPolicy(witnesses, quorum));
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid(
          "quorum", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  /** {@code GET /api/v1/ledger/checkpoint/cosigned}. */
  static void latest(Context ctx, ServerLedger ledger) {
    Optional<WitnessPolicy> policy = policy(ctx);
    Cosignatures.CosignedHead head =
        (policy.isPresent()
                ? ledger.cosignatures().latest(policy.get(), ledger.verificationKeys())
                : ledger.cosignatures().latest())
            .orElseThrow(
                () ->
                    new DomainError.NotFound(
                        policy.isPresent() ? "quorum" : "ledger",
                        policy.isPresent()
                            ? "no tree head is cosigned by "
                                + policy.get().quorum()
                                + " of the witnesses named"
                            : "no witness has cosigned a tree head yet"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("checkpoint", head.note());
    m.put("tree-size", head.treeSize());
    m.put("cosignatures", head.cosignatures());
    m.put("verifier-keys", ledger.verificationKeys().stream().map(k -> k.encoded()).toList());
    Json.respond(ctx, 200, m);
  }
}
