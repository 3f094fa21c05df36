package org.umbrella.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

/**
 * Signs note bodies (C2SP {@code signed-note}) with an Ed25519 key pair passed in by the caller;
 * the ledger never makes keys itself. Thread-safe.
 */
public final class NoteSigner {
  private final KeyPair keys;
  private final NoteVerifier verifier;

  /**
   * A signer named {@code name} (by convention the log origin).
   *
   * @throws IllegalArgumentException if the pair is not Ed25519 or the name is not a valid key name
   */
  public NoteSigner(String name, KeyPair keys) {
    this.keys = keys;
    this.verifier = NoteVerifier.of(name, keys.getPublic());
  }

  /** The public half, to publish. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /**
   * The signed note: the body, an empty line, and this key's signature line {@code — <name>
   * <base64(key id || signature)>}.
   *
   * @throws IllegalArgumentException if the body does not end with a newline
   */
  public String sign(String body) {
    if (!body.endsWith("\n")) {
      throw new IllegalArgumentException("a note body must end with a newline");
    }
    byte[] sig = Ed25519.sign(keys.getPrivate(), body.getBytes(StandardCharsets.UTF_8));
    byte[] id = verifier.keyId();
    byte[] both = new byte[id.length + sig.length];
    System.arraycopy(id, 0, both, 0, id.length);
    System.arraycopy(sig, 0, both, id.length, sig.length);
    return body
        + "\n"
        + SignedNotes.DASH
        + " "
        + verifier.name()
        + " "
        + Base64.getEncoder().encodeToString(both)
        + "\n";
  }

  /**
   * This key's signature line alone ({@code — <name> <base64>}, newline-terminated), to add to a
   * note another key signed.
   */
  public String signatureLine(String body) {
    String note = sign(body);
    return note.substring(body.length() + 1);
  }

  /** Signs a checkpoint, returning the signed note text. */
  public String sign(Checkpoint checkpoint) {
    return sign(checkpoint.body());
  }
}
