package org.umbrella.ledger;

import java.util.Arrays;

/**
 * One signature line of a signed note: {@code — <name> <base64(key id || signature)>}.
 *
 * @param name the key name
 * @param keyId the key id (the first four bytes, big-endian)
 * @param base64 the base64 text exactly as in the note
 */
public record NoteSignature(String name, int keyId, String base64) {
  /** The line, with its newline. */
  public String line() {
    return SignedNotes.DASH + " " + name + " " + base64 + "\n";
  }

  /** The signature bytes after the key id. */
  public byte[] signature() {
    byte[] raw = StrictBase64.decode(base64);
    return Arrays.copyOfRange(raw, 4, raw.length);
  }
}
