package org.umbrella.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A witness's public key for timestamped Ed25519 checkpoint cosignatures (C2SP {@code
 * tlog-cosignature}, signature type 0x04).
 *
 * <p>A cosignature line's signature is 72 bytes: a big-endian u64 POSIX timestamp, then the Ed25519
 * signature of {@code "cosignature/v1\ntime <timestamp>\n"} followed by the checkpoint's note text.
 * The key id is SHA-256(name || 0x0A || 0x04 || key)[:4]. Thread-safe.
 *
 * @param name the cosigner's name (a schema-less URL by convention)
 * @param publicKey the raw 32-byte Ed25519 public key
 */
// A key is bytes by nature; the accessor copies it and equals/hashCode compare contents, which is
// what ArrayRecordComponent warns about.
@SuppressWarnings("ArrayRecordComponent")
public record CosignatureVerifier(String name, byte[] publicKey) implements NoteKey {
  /** The signature type of Ed25519 cosignatures. */
  public static final byte TYPE = 0x04;

  public CosignatureVerifier {
    publicKey = NoteKey.checked(name, publicKey);
  }

  /**
   * Parses a cosignature verifier key ({@code name+id+base64(0x04 || key)}).
   *
   * @throws MalformedInputException if it is malformed or not of type 0x04
   */
  public static CosignatureVerifier parse(String vkey) {
    VerifierKeyText k = VerifierKeyText.parse(vkey);
    if (k.type() != TYPE) {
      throw new MalformedInputException(
          "verifier key: a witness key must be of type 0x04 (Ed25519 cosignature), was "
              + k.type());
    }
    return new CosignatureVerifier(k.name(), k.key());
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte type() {
    return TYPE;
  }

  @Override
  public String encoded() {
    return NoteKey.encode(name, TYPE, publicKey);
  }

  @Override
  public boolean verifies(byte[] text, byte[] signature) {
    if (signature.length != 72 || timestamp(signature) < 0) {
      return false;
    }
    return NoteVerifier.ed25519Verifies(
        publicKey, signedMessage(text, timestamp(signature)), Arrays.copyOfRange(signature, 8, 72));
  }

  /**
   * The timestamp (POSIX seconds) a cosignature's signature bytes carry; negative if above 2^63-1.
   */
  public static long timestamp(byte[] signature) {
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t = t << 8 | (signature[i] & 0xff);
    }
    return t;
  }

  /** The message a cosignature signs: the v1 header, the time line, then the checkpoint text. */
  static byte[] signedMessage(byte[] text, long timestamp) {
    byte[] head = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] m = Arrays.copyOf(head, head.length + text.length);
    System.arraycopy(text, 0, m, head.length, text.length);
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosignatureVerifier v
        && name.equals(v.name)
        && Arrays.equals(publicKey, v.publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return encoded();
  }
}
