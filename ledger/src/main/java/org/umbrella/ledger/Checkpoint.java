package org.umbrella.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A tree head in the C2SP {@code tlog-checkpoint} format: the log's origin line, the tree size in
 * decimal, the base64 root hash, then optional extension lines, each ending in a newline.
 *
 * <pre>
 * umbrella.example/ledger
 * 1042
 * 3Qq1cw0x6Q1x0GmI6qA6lUGmQfLQ5wS2E3bTq9Ew3qk=
 * </pre>
 *
 * @param origin the log's name; non-empty, no newline
 * @param size the number of leaves
 * @param rootHash the RFC 6962 root hash (32 bytes)
 * @param extensions further lines, each non-empty without newline (may be empty)
 */
// The hash is bytes by nature; the constructor and accessor copy it and equals/hashCode compare
// contents, which is what ArrayRecordComponent warns about.
@SuppressWarnings("ArrayRecordComponent")
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("checkpoint origin must be one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, was " + size);
    }
    if (!Hashes.isHash(rootHash)) {
      throw new IllegalArgumentException("root hash must be 32 bytes");
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      if (e.isEmpty() || e.contains("\n")) {
        throw new IllegalArgumentException("checkpoint extension lines must be non-empty lines");
      }
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, byte[] rootHash) {
    this(origin, size, rootHash, List.of());
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The note body: the text that is signed. */
  public String body() {
    StringBuilder b = new StringBuilder();
    b.append(origin).append('\n').append(size).append('\n');
    b.append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
    for (String e : extensions) {
      b.append(e).append('\n');
    }
    return b.toString();
  }

  /**
   * Parses a checkpoint body.
   *
   * @throws MalformedInputException naming the line that is wrong
   */
  public static Checkpoint parse(String body) {
    if (!body.endsWith("\n")) {
      throw new MalformedInputException("checkpoint must end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new MalformedInputException(
          "checkpoint needs at least 3 lines (origin, size, root hash), has " + lines.length);
    }
    long size;
    try {
      if (!lines[1].matches("0|[1-9][0-9]*")) {
        throw new NumberFormatException();
      }
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new MalformedInputException(
          "checkpoint line 2: tree size must be a decimal, was '" + lines[1] + "'");
    }
    byte[] root;
    try {
      root = StrictBase64.decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(
          "checkpoint line 3: root hash is not padded base64 (" + e.getMessage() + ")");
    }
    if (root.length != Hashes.SIZE) {
      throw new MalformedInputException(
          "checkpoint line 3: root hash must be 32 bytes, is " + root.length);
    }
    List<String> ext = new ArrayList<>();
    for (int i = 3; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new MalformedInputException("checkpoint line " + (i + 1) + " is empty");
      }
      ext.add(lines[i]);
    }
    if (lines[0].isEmpty()) {
      throw new MalformedInputException("checkpoint line 1: origin is empty");
    }
    return new Checkpoint(lines[0], size, root, ext);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && origin.equals(c.origin)
        && size == c.size
        && Arrays.equals(rootHash, c.rootHash)
        && extensions.equals(c.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", " + size + ", " + Hashes.hex(rootHash) + "]";
  }
}
