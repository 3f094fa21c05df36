package org.umbrella.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.umbrella.json.CanonicalJson;
import org.umbrella.json.JsonTextException;

/**
 * An offline-checkable proof that one record is in the log: the signed checkpoint, the leaf (the
 * record's canonical JSON), its index and the inclusion proof. Anyone holding the log's public key
 * can check it without the database.
 *
 * <p>The file is canonical JSON:
 *
 * <pre>{"checkpoint":"...signed note...","format":"umbrella-inclusion-proof/1",
 * "inclusion_proof":["base64",...],"leaf":"{...canonical JSON...}","leaf_index":17,
 * "verifier_key":"name+id+key"}</pre>
 *
 * @param verifierKey the log's verifier key as the log stated it (trust it only after comparing it
 *     with the key published out of band)
 * @param signedCheckpoint the signed note text of the checkpoint
 * @param leafIndex the leaf's index
 * @param leaf the leaf: canonical JSON text
 * @param inclusionProof the RFC 9162 inclusion proof of the leaf in the checkpoint's tree
 */
public record ProofBundle(
    String verifierKey,
    String signedCheckpoint,
    long leafIndex,
    String leaf,
    List<byte[]> inclusionProof) {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "umbrella-inclusion-proof/1";

  public ProofBundle {
    inclusionProof = inclusionProof.stream().map(byte[]::clone).toList();
  }

  /** The bundle as canonical JSON text (with a final newline). */
  public String toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("verifier_key", verifierKey);
    o.put("checkpoint", signedCheckpoint);
    o.put("leaf_index", leafIndex);
    o.put("leaf", leaf);
    ArrayNode p = o.putArray("inclusion_proof");
    inclusionProof.forEach(h -> p.add(Base64.getEncoder().encodeToString(h)));
    return CanonicalJson.write(o) + "\n";
  }

  /**
   * Reads a bundle written by {@link #toJson()}.
   *
   * @throws MalformedInputException naming the member that is missing or wrong
   */
  public static ProofBundle parse(String json) {
    JsonNode o;
    try {
      o = CanonicalJson.parse(json);
    } catch (JsonTextException e) {
      throw new MalformedInputException("proof file: " + e.getMessage(), e);
    }
    if (!o.isObject()) {
      throw new MalformedInputException("a proof file must be a JSON object");
    }
    if (!FORMAT.equals(o.path("format").asText())) {
      throw new MalformedInputException(
          "proof file: 'format' must be '" + FORMAT + "', was '" + o.path("format").asText() + "'");
    }
    List<byte[]> proof = new ArrayList<>();
    JsonNode arr = o.path("inclusion_proof");
    if (!arr.isArray()) {
      throw new MalformedInputException(
          "proof file: 'inclusion_proof' must be an array of base64 hashes");
    }
    for (int i = 0; i < arr.size(); i++) {
      try {
        proof.add(Base64.getDecoder().decode(arr.get(i).asText()));
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("proof file: inclusion_proof[" + i + "] is not base64");
      }
    }
    JsonNode index = o.path("leaf_index");
    if (!index.canConvertToLong() || !index.isIntegralNumber()) {
      throw new MalformedInputException("proof file: 'leaf_index' must be an integer");
    }
    return new ProofBundle(
        text(o, "verifier_key"), text(o, "checkpoint"), index.longValue(), text(o, "leaf"), proof);
  }

  /**
   * Checks the bundle: the checkpoint is signed by {@code trustedKey}, the leaf is canonical JSON,
   * and the inclusion proof takes the leaf to the checkpoint's root.
   *
   * @return the verified checkpoint
   * @throws LedgerException saying which check failed
   */
  public Checkpoint verify(NoteVerifier trustedKey) {
    return verify(List.of(trustedKey), WitnessPolicy.logOnly());
  }

  /**
   * Checks the bundle as {@link #verify(NoteVerifier)} does, accepting a checkpoint signed by any
   * of {@code logKeys} (the current key and those rotated out) and requiring the witness
   * cosignatures {@code policy} asks for.
   *
   * @return the verified checkpoint
   * @throws LedgerException saying which check failed ({@link QuorumNotMetException} for too few
   *     cosignatures)
   */
  public Checkpoint verify(List<NoteVerifier> logKeys, WitnessPolicy policy) {
    Checkpoint cp = policy.check(signedCheckpoint, logKeys);
    if (!isCanonical(leaf)) {
      throw new MalformedInputException("the leaf is not in canonical JSON form");
    }
    Proofs.verifyInclusion(
        leafIndex,
        cp.size(),
        Hashes.leafHash(leaf.getBytes(StandardCharsets.UTF_8)),
        inclusionProof,
        cp.rootHash());
    return cp;
  }

  private static boolean isCanonical(String leaf) {
    try {
      return CanonicalJson.canonicalize(leaf).equals(leaf);
    } catch (JsonTextException e) {
      return false;
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw new MalformedInputException("proof file: '" + field + "' must be a string");
    }
    return n.textValue();
  }
}
