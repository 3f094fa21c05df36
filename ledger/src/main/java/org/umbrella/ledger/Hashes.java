package org.umbrella.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * RFC 6962 hashing: a leaf hashes as SHA-256(0x00 || data), an interior node as SHA-256(0x01 ||
 * left || right), and the empty tree as SHA-256 of nothing.
 *
 * <p>Thread-safe; every call uses its own digest.
 */
public final class Hashes {
  /** Length in bytes of every hash in the log. */
  public static final int SIZE = 32;

  private static final MessageDigest PROTOTYPE;

  static {
    try {
      PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final byte[] EMPTY_ROOT = digest().digest();

  private Hashes() {}

  /** The root hash of the empty tree, SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** The hash of a leaf holding {@code data}: SHA-256(0x00 || data). */
  public static byte[] leafHash(byte[] data) {
    MessageDigest md = digest();
    md.update((byte) 0);
    md.update(data);
    return md.digest();
  }

  /** The hash of an interior node: SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = digest();
    md.update((byte) 1);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** Plain SHA-256 of {@code data}, for content addresses and key identifiers. */
  public static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  /** Lower-case hexadecimal. */
  public static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  /** Whether two hashes are equal, in time independent of where they differ. */
  public static boolean same(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  static boolean isHash(byte[] h) {
    return h != null && h.length == SIZE;
  }

  static byte[] copy(byte[] h) {
    return Arrays.copyOf(h, h.length);
  }

  private static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
    }
  }
}
