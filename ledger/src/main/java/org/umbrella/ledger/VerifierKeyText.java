package org.umbrella.ledger;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The three parts of a verifier key string, {@code <name>+<hex key id>+<base64(type || key)>},
 * checked as strictly as the Go reference ({@code note.NewVerifier}) and the C2SP text: a valid key
 * name, exactly eight lower-case hex digits, padded base64, a 32-byte Ed25519 key, and a key id
 * that matches. Nothing is trimmed: a key with a trailing newline or space is malformed.
 */
record VerifierKeyText(String name, byte type, byte[] key) {
  static VerifierKeyText parse(String vkey) {
    if (vkey == null) {
      throw new MalformedInputException("verifier key is missing");
    }
    int a = vkey.indexOf('+');
    int b = a < 0 ? -1 : vkey.indexOf('+', a + 1);
    if (a < 0 || b < 0) {
      throw new MalformedInputException(
          "verifier key must be name+keyid+key, was '" + clip(vkey) + "'");
    }
    String name = vkey.substring(0, a);
    String id = vkey.substring(a + 1, b);
    String key64 = vkey.substring(b + 1);
    if (!KeyNames.isValid(name)) {
      throw new MalformedInputException(
          "verifier key: the name must be non-empty without spaces or '+', was '"
              + clip(name)
              + "'");
    }
    if (!id.matches("[0-9a-f]{8}")) {
      throw new MalformedInputException(
          "verifier key: the key id must be 8 lower-case hex digits, was '" + clip(id) + "'");
    }
    byte[] typed;
    try {
      typed = StrictBase64.decode(key64);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(
          "verifier key: the key part is not padded base64 (" + e.getMessage() + ")");
    }
    if (typed.length != 33) {
      throw new MalformedInputException(
          "verifier key: only Ed25519 keys (type byte and 32 bytes) are supported, got "
              + typed.length
              + " bytes");
    }
    byte type = typed[0];
    byte[] key = Arrays.copyOfRange(typed, 1, 33);
    if (!HexFormat.of().formatHex(NoteKey.keyId(name, type, key)).equals(id)) {
      throw new MalformedInputException(
          "verifier key: key id " + id + " does not match the name and key");
    }
    return new VerifierKeyText(name, type, key);
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
