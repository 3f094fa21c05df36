package org.umbrella.server.access;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.umbrella.server.InputRules;
import org.umbrella.server.app.DomainError;

/**
 * Argon2id password hashing with the OWASP minimum parameters (19 MiB, 2 iterations, 1 lane), and
 * the rules a new password must meet.
 *
 * <p>Hashes are PHC strings that carry their own parameters, so raising the cost later keeps old
 * hashes verifiable. A new password has {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters
 * (the same maximum sign-in accepts, so no account can be given a password it cannot sign in with)
 * and must not be easy to guess: it is scored by zxcvbn (Dropbox's estimator, in zxcvbn4j, MIT),
 * whose dictionaries include the 30,000 most common passwords of a 10-million-password breach
 * corpus (the list SecLists also publishes), English words, names, keyboard walks, repeats,
 * sequences and dates, and the words of the account itself (its username and name). Passwords it
 * estimates at fewer than 10^8 guesses (score below 3) are refused: {@code aaaaaaaaaaaa}, {@code
 * 1q2w3e4r5t6y}, {@code passwordpassword}. Thread-safe.
 */
public final class Passwords {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  /** The minimum length of a password chosen by a person. */
  public static final int MIN_LENGTH = 12;

  /** The maximum length of a password, at creation and at sign-in alike. */
  public static final int MAX_LENGTH = 1024;

  /** The lowest zxcvbn score (0-4) a new password may have: 3 is at least 10^8 guesses. */
  public static final int MIN_SCORE = 3;

  /** How much of a long password is scored: zxcvbn's matching grows fast with length. */
  private static final int SCORED_PREFIX = 128;

  private static final Zxcvbn ZXCVBN = new Zxcvbn();

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

  /**
   * Refuses a new password that sign-in could never accept or that is easy to guess.
   *
   * @param context words of the account itself (username, name): a password built on them is weak
   * @throws org.umbrella.server.app.DomainError 400 naming {@code /password}
   */
  public static void checkNew(String password, List<String> context) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new DomainError.Invalid(
          "/password", "password must have at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new DomainError.Invalid(
          "/password",
          "password must have at most "
              + MAX_LENGTH
              + " characters (the most sign-in accepts), had "
              + password.length());
    }
    InputRules.text("/password", password);
    List<String> words = new ArrayList<>(List.of("umbrella"));
    context.stream().filter(w -> w != null && !w.isBlank()).forEach(words::add);
    Strength strength;
    synchronized (ZXCVBN) {
      strength =
          ZXCVBN.measure(password.substring(0, Math.min(password.length(), SCORED_PREFIX)), words);
    }
    if (strength.getScore() < MIN_SCORE) {
      String why = strength.getFeedback().getWarning();
      throw new DomainError.Invalid(
          "/password",
          "password is too easy to guess"
              + (why == null || why.isBlank() ? "" : " (" + why.replaceAll("\\.$", "") + ")")
              + "; use a passphrase of several unrelated words, or a generated password");
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
