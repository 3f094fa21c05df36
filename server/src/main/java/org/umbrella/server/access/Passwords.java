package org.umbrella.server.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;

/**
 * Argon2id password hashing with the OWASP minimum parameters (19 MiB, 2 iterations, 1 lane).
 *
 * <p>Hashes are PHC strings that carry their own parameters, so raising the cost later keeps old
 * hashes verifiable. Thread-safe.
 */
public final class Passwords {
  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  /** The minimum length of a password chosen by a person. */
  public static final int MIN_LENGTH = 12;

  private Passwords() {}

  /** The Argon2id hash of {@code password}, with a fresh random salt. */
  public static String hash(CharSequence password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  /** Whether {@code password} matches {@code hash}; false for a malformed hash. */
  public static boolean matches(CharSequence password, String hash) {
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  /** A random password of 20 characters from an unambiguous alphabet (about 116 bits). */
  public static String generate() {
    StringBuilder sb = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
