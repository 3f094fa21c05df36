package org.umbrella.ledger;

/**
 * Signed-note key names (C2SP {@code signed-note}): non-empty, no Unicode space and no plus sign.
 *
 * <p>"Unicode space" is Go's {@code unicode.IsSpace}, which the reference implementation uses: the
 * ASCII tab, newline, vertical tab, form feed, carriage return and space, U+0085 (NEL), and every
 * character of the Unicode categories Zs, Zl and Zp (U+00A0, U+2003, U+3000, ...). Java's {@code
 * \s} and {@link Character#isWhitespace} miss several of them, so the check is spelled out.
 */
public final class KeyNames {
  private KeyNames() {}

  /** Whether {@code name} is a valid key name. */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+'
          || isUnicodeSpace(cp)
          || (Character.isSurrogate(name.charAt(i)) && Character.charCount(cp) == 1)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isUnicodeSpace(int cp) {
    return (cp >= '\t' && cp <= '\r') || cp == ' ' || cp == 0x85 || Character.isSpaceChar(cp);
  }
}
