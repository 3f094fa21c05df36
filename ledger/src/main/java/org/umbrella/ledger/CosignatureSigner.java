package org.umbrella.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

/**
 * Makes timestamped Ed25519 cosignatures (C2SP {@code tlog-cosignature}, type 0x04) with a key pair
 * passed in; the time is passed in too. Thread-safe.
 */
public final class CosignatureSigner {
  private final KeyPair keys;
  private final CosignatureVerifier verifier;

  /**
   * A cosigner named {@code name}.
   *
   * @throws IllegalArgumentException if the pair is not Ed25519 or the name is not a valid key name
   */
  public CosignatureSigner(String name, KeyPair keys) {
    this.keys = keys;
    this.verifier = new CosignatureVerifier(name, NoteVerifier.rawPublicKey(keys.getPublic()));
  }

  /** The public half, to publish. */
  public CosignatureVerifier verifier() {
    return verifier;
  }

  /**
   * The cosignature line {@code — <name> base64(key id || timestamp || signature)} over the
   * checkpoint note text {@code text}, at {@code timestamp} (POSIX seconds).
   *
   * @throws IllegalArgumentException if the timestamp is not positive or the text does not end in a
   *     newline
   */
  public String cosign(String text, long timestamp) {
    if (timestamp <= 0) {
      throw new IllegalArgumentException(
          "a cosignature's timestamp must be positive, was " + timestamp);
    }
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a note text must end with a newline");
    }
    byte[] sig =
        Ed25519.sign(
            keys.getPrivate(),
            CosignatureVerifier.signedMessage(text.getBytes(StandardCharsets.UTF_8), timestamp));
    byte[] out = new byte[4 + 8 + 64];
    System.arraycopy(verifier.keyId(), 0, out, 0, 4);
    for (int i = 0; i < 8; i++) {
      out[4 + i] = (byte) (timestamp >>> (56 - 8 * i));
    }
    System.arraycopy(sig, 0, out, 12, 64);
    return SignedNotes.DASH
        + " "
        + verifier.name()
        + " "
        + Base64.getEncoder().encodeToString(out)
        + "\n";
  }
}
