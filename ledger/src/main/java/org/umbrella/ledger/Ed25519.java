package org.umbrella.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 signing and the text form in which the shells keep a private key: base64 of its PKCS#8
 * encoding. Pure: the caller reads and writes the files and supplies randomness for new keys.
 */
public final class Ed25519 {
  private Ed25519() {}

  /** A new key pair from {@code random}. */
  public static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  /** The private key as one line of text: base64(PKCS#8). */
  public static String privateKeyText(KeyPair keys) {
    return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
  }

  /**
   * The key pair whose private half {@link #privateKeyText} wrote (the public half derived).
   *
   * @throws MalformedInputException if the text is not a base64 PKCS#8 Ed25519 private key
   */
  public static KeyPair fromPrivateKeyText(String text) {
    try {
      PrivateKey priv =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text.strip())));
      byte[] enc = priv.getEncoded();
      byte[] seed = Arrays.copyOfRange(enc, enc.length - 32, enc.length);
      // The JDK derives no public key from a private one; regenerating the pair from the seed
      // (a "random" source that yields exactly the seed) does.
      return new KeyPair(generate(new FixedSeed(seed)).getPublic(), priv);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new MalformedInputException(
          "not a base64 PKCS#8 Ed25519 private key: " + e.getMessage(), e);
    }
  }

  /** The Ed25519 signature of {@code message}. */
  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** A SecureRandom that yields one fixed seed: only to re-derive a key pair from its seed. */
  private static final class FixedSeed extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
    }
  }
}
