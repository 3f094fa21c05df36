package org.umbrella.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP {@code tlog-witness} {@code add-checkpoint} request: an {@code old <size>}
 * line, up to 63 consistency proof lines (base64 hashes), an empty line, then the signed
 * checkpoint.
 *
 * @param oldSize the size of the checkpoint the client believes the witness last cosigned
 * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
 * @param note the signed checkpoint, as sent
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, String note) {
  /** The most proof lines a client may send. */
  public static final int MAX_PROOF_LINES = 63;

  public AddCheckpointRequest {
    proof = proof.stream().map(byte[]::clone).toList();
  }

  /** The request body. */
  public String body() {
    StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
    proof.forEach(h -> b.append(Base64.getEncoder().encodeToString(h)).append('\n'));
    return b.append('\n').append(note).toString();
  }

  /**
   * Parses a request body.
   *
   * @throws MalformedInputException naming the line that is wrong
   */
  public static AddCheckpointRequest parse(byte[] body) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedInputException("add-checkpoint: the body is not valid UTF-8");
    }
    int blank = text.indexOf("\n\n");
    if (blank < 0) {
      throw new MalformedInputException(
          "add-checkpoint: no empty line between the proof and the checkpoint");
    }
    String[] head = text.substring(0, blank).split("\n", -1);
    if (!head[0].matches("old (0|[1-9][0-9]{0,18})")) {
      throw new MalformedInputException(
          "add-checkpoint line 1: must be 'old <size>' in decimal without leading zeros");
    }
    long old;
    try {
      old = Long.parseLong(head[0].substring(4));
    } catch (NumberFormatException e) {
      throw new MalformedInputException("add-checkpoint line 1: the old size is out of range");
    }
    if (head.length - 1 > MAX_PROOF_LINES) {
      throw new MalformedInputException(
          "add-checkpoint: more than " + MAX_PROOF_LINES + " consistency proof lines");
    }
    List<byte[]> proof = new ArrayList<>();
    for (int i = 1; i < head.length; i++) {
      byte[] h;
      try {
        h = StrictBase64.decode(head[i]);
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("add-checkpoint line " + (i + 1) + ": not a base64 hash");
      }
      if (h.length != Hashes.SIZE) {
        throw new MalformedInputException(
            "add-checkpoint line " + (i + 1) + ": a hash is 32 bytes, this is " + h.length);
      }
      proof.add(h);
    }
    return new AddCheckpointRequest(old, proof, text.substring(blank + 2));
  }

  /** The origin the checkpoint claims (its first line), before any signature is checked. */
  public String claimedOrigin() {
    int nl = note.indexOf('\n');
    return nl < 0 ? note : note.substring(0, nl);
  }
}
