package org.umbrella.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opens signed notes (C2SP {@code signed-note}) and signed checkpoints: splits the body from the
 * signature lines and checks that one of them is a valid signature by the expected key.
 */
public final class SignedNotes {
  /** The em dash that starts every signature line. */
  public static final String DASH = "\u2014";

  private SignedNotes() {}

  /**
   * Returns the verified body of a signed note.
   *
   * @throws MalformedInputException if the text is not a signed note
   * @throws InvalidSignatureException if no signature line is a valid signature by {@code key}
   */
  public static String open(String note, NoteVerifier key) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new MalformedInputException("a signed note needs an empty line before its signatures");
    }
    String body = note.substring(0, split + 1);
    String sigs = note.substring(split + 2);
    if (sigs.isEmpty() || !sigs.endsWith("\n")) {
      throw new MalformedInputException("a signed note needs at least one signature line ending in a newline");
    }
    boolean seenKey = false;
    for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
      String[] parts = line.split(" ");
      if (parts.length != 3 || !parts[0].equals(DASH)) {
        throw new MalformedInputException("malformed signature line: '" + line + "'");
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(parts[2]);
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("signature line is not base64: '" + line + "'");
      }
      if (raw.length < 5) {
        throw new MalformedInputException("signature line too short: '" + line + "'");
      }
      if (!parts[1].equals(key.name()) || !Arrays.equals(raw, 0, 4, key.keyId(), 0, 4)) {
        continue; // another witness's or log's signature; not ours to judge
      }
      seenKey = true;
      if (key.verifies(body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(raw, 4, raw.length))) {
        return body;
      }
    }
    throw new InvalidSignatureException(
        seenKey
            ? "the signature by " + key.name() + " does not verify: the note was altered or forged"
            : "the note carries no signature by the key " + key.encoded());
  }

  /**
   * Verifies a signed checkpoint and returns it.
   *
   * @throws MalformedInputException if the note or the checkpoint in it is malformed
   * @throws InvalidSignatureException if it is not validly signed by {@code key}
   */
  public static Checkpoint openCheckpoint(String note, NoteVerifier key) {
    return Checkpoint.parse(open(note, key));
  }
}
