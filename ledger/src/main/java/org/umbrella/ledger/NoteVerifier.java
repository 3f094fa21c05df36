package org.umbrella.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The public half of a signed-note key (C2SP {@code signed-note}, Ed25519): a name and a public
 * key, written as the verifier key string {@code <name>+<hex key id>+<base64(0x01 || key)>}.
 *
 * <p>The key id is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key), so a signature
 * line names the key that made it. Thread-safe.
 *
 * @param name the key name (the log origin by convention); no '+', space or newline
 * @param publicKey the raw 32-byte Ed25519 public key
 */
public record NoteVerifier(String name, byte[] publicKey) implements NoteKey {
  static final byte ED25519 = 0x01;
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  public NoteVerifier {
    publicKey = NoteKey.checked(name, publicKey);
  }

  /** The verifier for a JDK Ed25519 public key. */
  public static NoteVerifier of(String name, PublicKey key) {
    return new NoteVerifier(name, rawPublicKey(key));
  }

  /**
   * Parses a verifier key string {@code name+hexid+base64}, exactly as written (nothing trimmed).
   *
   * @throws MalformedInputException if the string is malformed, the algorithm is not Ed25519 (0x01)
   *     or the key id does not match the name and key
   */
  public static NoteVerifier parse(String vkey) {
    VerifierKeyText k = VerifierKeyText.parse(vkey);
    if (k.type() != ED25519) {
      throw new MalformedInputException(
          "verifier key: a log key must be of type 0x01 (Ed25519), was " + k.type());
    }
    return new NoteVerifier(k.name(), k.key());
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte type() {
    return ED25519;
  }

  /** The verifier key string, {@code name+hexid+base64(0x01 || key)}. */
  @Override
  public String encoded() {
    return NoteKey.encode(name, ED25519, publicKey);
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  @Override
  public boolean verifies(byte[] message, byte[] signature) {
    return ed25519Verifies(publicKey, message, signature);
  }

  /** Whether {@code signature} is the Ed25519 signature of {@code message} by {@code publicKey}. */
  static boolean ed25519Verifies(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(jdkPublicKey(publicKey));
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** This key as a JDK public key. */
  public PublicKey jdkPublicKey() {
    return jdkPublicKey(publicKey);
  }

  /** A raw 32-byte Ed25519 public key as a JDK key. */
  static PublicKey jdkPublicKey(byte[] publicKey) {
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot decode an Ed25519 key", e);
    }
  }

  static byte[] rawPublicKey(PublicKey key) {
    byte[] enc = key.getEncoded();
    if ((!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()))
        || enc.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(enc, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(enc, SPKI_PREFIX.length, enc.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifier v
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
