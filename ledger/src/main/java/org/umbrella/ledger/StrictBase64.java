package org.umbrella.ledger;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 section 4) read strictly, as the signed-note and checkpoint
 * specifications write it: padded to a multiple of four characters, only the standard alphabet,
 * nothing before or after. The JDK's decoder alone would also take unpadded text.
 */
public final class StrictBase64 {
  private StrictBase64() {}

  /**
   * The bytes {@code text} encodes.
   *
   * @throws IllegalArgumentException if {@code text} is not padded standard base64
   */
  public static byte[] decode(String text) {
    int n = text.length();
    if (n % 4 != 0) {
      throw new IllegalArgumentException(
          "base64 must be padded to a multiple of 4 characters, has " + n);
    }
    int pad = n > 0 && text.charAt(n - 1) == '=' ? (n > 1 && text.charAt(n - 2) == '=' ? 2 : 1) : 0;
    for (int i = 0; i < n - pad; i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/')) {
        throw new IllegalArgumentException("not a base64 character at " + i + ": '" + c + "'");
      }
    }
    return Base64.getDecoder().decode(text);
  }
}
