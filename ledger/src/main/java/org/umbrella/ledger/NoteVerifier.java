package org.umbrella.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;

/**
 * The public half of a signed-note key (C2SP {@code signed-note}, Ed25519): a name and a public
 * key, written as the verifier key string {@code <name>+<hex key id>+<base64(0x01 || key)>}.
 *
 * <p>The key id is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key), so a
 * signature line names the key that made it. Thread-safe.
 *
 * @param name the key name (the log origin by convention); no '+', space or newline
 * @param publicKey the raw 32-byte Ed25519 public key
 */
public record NoteVerifier(String name, byte[] publicKey) {
  static final byte ED25519 = 0x01;
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  public NoteVerifier {
    if (name == null || name.isEmpty() || name.matches(".*[+\\s].*")) {
      throw new IllegalArgumentException("key name must be non-empty without '+' or spaces");
    }
    if (publicKey == null || publicKey.length != 32) {
      throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
    }
    publicKey = publicKey.clone();
  }

  /** The verifier for a JDK Ed25519 public key. */
  public static NoteVerifier of(String name, PublicKey key) {
    return new NoteVerifier(name, rawPublicKey(key));
  }

  /**
   * Parses a verifier key string {@code name+hexid+base64}.
   *
   * @throws MalformedInputException if the string is malformed, the algorithm is not Ed25519 or
   *     the key id does not match the name and key
   */
  public static NoteVerifier parse(String vkey) {
    String[] parts = vkey.strip().split("\\+", 3); // base64 may itself contain '+'
    if (parts.length != 3) {
      throw new MalformedInputException("verifier key must be name+keyid+key, was '" + vkey.strip() + "'");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException("verifier key: key part is not base64");
    }
    if (key.length != 33 || key[0] != ED25519) {
      throw new MalformedInputException("verifier key: only Ed25519 keys (type 0x01, 32 bytes) are supported");
    }
    NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, 33));
    if (!HexFormat.of().formatHex(v.keyId()).equals(parts[1])) {
      throw new MalformedInputException("verifier key: key id " + parts[1] + " does not match the name and key");
    }
    return v;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The 4-byte key id. */
  public byte[] keyId() {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[n.length + 2 + 32];
    System.arraycopy(n, 0, in, 0, n.length);
    in[n.length] = '\n';
    in[n.length + 1] = ED25519;
    System.arraycopy(publicKey, 0, in, n.length + 2, 32);
    return Arrays.copyOf(Hashes.sha256(in), 4);
  }

  /** The verifier key string, {@code name+hexid+base64(0x01 || key)}. */
  public String encoded() {
    byte[] typed = new byte[33];
    typed[0] = ED25519;
    System.arraycopy(publicKey, 0, typed, 1, 32);
    return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(jdkPublicKey());
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** This key as a JDK public key. */
  public PublicKey jdkPublicKey() {
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
    if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
        || enc.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(enc, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return Arrays.copyOfRange(enc, SPKI_PREFIX.length, enc.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifier v && name.equals(v.name) && Arrays.equals(publicKey, v.publicKey);
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
