package org.umbrella.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A public key that can check one kind of signature line of a signed note (C2SP {@code
 * signed-note}): a log's Ed25519 key ({@link NoteVerifier}, type 0x01) or a witness's timestamped
 * cosignature key ({@link CosignatureVerifier}, type 0x04).
 *
 * <p>A signature line belongs to a key when both its name and its 4-byte key id match; lines that
 * match no key are ignored by {@link SignedNotes#open}.
 */
public sealed interface NoteKey permits NoteVerifier, CosignatureVerifier {
  /** The key name. */
  String name();

  /** The signature type byte of the {@code signed-note} registry. */
  byte type();

  /** The raw 32-byte Ed25519 public key. */
  byte[] publicKey();

  /** The 4-byte key id: SHA-256(name || 0x0A || type || public key)[:4]. */
  default byte[] keyId() {
    return keyId(name(), type(), publicKey());
  }

  /** The verifier key string, {@code name+hex(key id)+base64(type || key)}. */
  String encoded();

  /** Whether {@code signature} (the line's bytes after the key id) signs the note {@code text}. */
  boolean verifies(byte[] text, byte[] signature);

  /** Whether a signature line with this name and key id belongs to this key. */
  default boolean matches(String lineName, byte[] lineKeyId) {
    return name().equals(lineName) && Arrays.equals(keyId(), lineKeyId);
  }

  /**
   * Parses a verifier key of either supported type.
   *
   * @throws MalformedInputException if the string is not a valid Ed25519 (0x01) or cosignature
   *     (0x04) verifier key
   */
  static NoteKey parse(String vkey) {
    VerifierKeyText k = VerifierKeyText.parse(vkey);
    return switch (k.type()) {
      case NoteVerifier.ED25519 -> new NoteVerifier(k.name(), k.key());
      case CosignatureVerifier.TYPE -> new CosignatureVerifier(k.name(), k.key());
      default ->
          throw new MalformedInputException("verifier key: unsupported signature type " + k.type());
    };
  }

  /**
   * Checks a key's name and raw Ed25519 key, returning a copy of the key.
   *
   * @throws IllegalArgumentException if the name is not a valid key name or the key is not 32 bytes
   */
  static byte[] checked(String name, byte[] publicKey) {
    if (!KeyNames.isValid(name)) {
      throw new IllegalArgumentException(
          "key name must be non-empty without '+' or Unicode spaces");
    }
    if (publicKey == null || publicKey.length != 32) {
      throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
    }
    return publicKey.clone();
  }

  /** SHA-256(name || 0x0A || type || key)[:4]. */
  static byte[] keyId(String name, byte type, byte[] key) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[n.length + 2 + key.length];
    System.arraycopy(n, 0, in, 0, n.length);
    in[n.length] = '\n';
    in[n.length + 1] = type;
    System.arraycopy(key, 0, in, n.length + 2, key.length);
    return Arrays.copyOf(Hashes.sha256(in), 4);
  }

  /** {@code name+hex(id)+base64(type || key)}. */
  static String encode(String name, byte type, byte[] key) {
    byte[] typed = new byte[key.length + 1];
    typed[0] = type;
    System.arraycopy(key, 0, typed, 1, key.length);
    return name
        + "+"
        + HexFormat.of().formatHex(keyId(name, type, key))
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }
}
