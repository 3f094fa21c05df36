package org.umbrella.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Opens signed notes (C2SP {@code signed-note}) exactly as the Go reference ({@code
 * golang.org/x/mod/sumdb/note.Open}) does, and signed checkpoints.
 *
 * <p>A note is malformed ({@link MalformedInputException}) if it is not valid UTF-8, holds an ASCII
 * control character other than newline, has no empty line before its signature block, a signature
 * block that does not end in a newline, a line there that is not {@code — <name> <base64>} with a
 * valid key name and padded base64 of at least five bytes, or more than 100 signature lines. Lines
 * whose name and key id match no known key are kept as unverified and not judged. A line that
 * matches a known key must verify, else the whole note is rejected ({@link
 * InvalidSignatureException}); a repeated line of a key already seen is ignored, as in Go. A note
 * that no known key signed is rejected.
 */
public final class SignedNotes {
  /** The em dash that starts every signature line. */
  public static final String DASH = "\u2014";

  /** At most this many signature lines (Go's limit; the specification asks for at least 16). */
  public static final int MAX_SIGNATURES = 100;

  private static final String PREFIX = DASH + " ";

  private SignedNotes() {}

  /**
   * Opens a note given as bytes, which must be strict UTF-8.
   *
   * @throws MalformedInputException if the note is malformed
   * @throws InvalidSignatureException if a known key's signature fails or no known key signed
   */
  public static OpenedNote open(byte[] note, Collection<? extends NoteKey> known) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(note))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedInputException("malformed note: not valid UTF-8");
    }
    return open(text, known);
  }

  /**
   * Opens a note, checking its signatures against the {@code known} keys.
   *
   * @throws MalformedInputException if the note is malformed
   * @throws InvalidSignatureException if a known key's signature fails or no known key signed
   */
  public static OpenedNote open(String note, Collection<? extends NoteKey> known) {
    for (int i = 0; i < note.length(); ) {
      int cp = note.codePointAt(i);
      if (cp < 0x20 && cp != '\n') {
        throw new MalformedInputException(
            "malformed note: control character U+" + String.format("%04X", cp) + " at offset " + i);
      }
      if (Character.isSurrogate((char) cp)) { // a lone surrogate: no UTF-8 encodes it
        throw new MalformedInputException("malformed note: not valid UTF-8 at offset " + i);
      }
      i += Character.charCount(cp);
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new MalformedInputException("malformed note: no empty line before the signatures");
    }
    String text = note.substring(0, split + 1);
    String sigs = note.substring(split + 2);
    if (sigs.isEmpty() || !sigs.endsWith("\n")) {
      throw new MalformedInputException(
          "malformed note: the signature block must end with a newline");
    }
    byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
    List<OpenedNote.Verified> verified = new ArrayList<>();
    List<NoteSignature> unverified = new ArrayList<>();
    Set<String> seenLines = new HashSet<>();
    Set<String> seenKeys = new HashSet<>();
    String[] lines = sigs.substring(0, sigs.length() - 1).split("\n", -1);
    int lineNo = text.split("\n", -1).length; // the empty line's number; signature lines follow
    int count = 0;
    for (String line : lines) {
      lineNo++;
      NoteSignature sig = parseLine(line, lineNo);
      if (++count > MAX_SIGNATURES) {
        throw new MalformedInputException(
            "malformed note: more than " + MAX_SIGNATURES + " signatures");
      }
      byte[] id = ByteBuffer.allocate(4).putInt(sig.keyId()).array();
      List<NoteKey> matching =
          known.stream().filter(k -> k.matches(sig.name(), id)).map(k -> (NoteKey) k).toList();
      String nameId = sig.name() + "+" + HexFormat.of().formatHex(id);
      if (matching.isEmpty()) {
        if (seenLines.add(line)) {
          unverified.add(sig);
        }
        continue;
      }
      if (matching.size() > 1) {
        throw new MalformedInputException(
            "ambiguous key " + nameId + ": two trusted keys share its name and id");
      }
      if (!seenKeys.add(nameId)) {
        continue; // a repeated signature by one key: Go ignores all but the first
      }
      NoteKey key = matching.getFirst();
      if (!key.verifies(textBytes, sig.signature())) {
        throw new InvalidSignatureException(
            "invalid signature for key "
                + nameId
                + " (line "
                + lineNo
                + "): the note was altered or forged");
      }
      verified.add(new OpenedNote.Verified(key, sig));
    }
    if (verified.isEmpty()) {
      throw new InvalidSignatureException(
          "note has no verifiable signatures: it carries no signature by "
              + (known.isEmpty()
                  ? "any trusted key"
                  : "the key"
                      + (known.size() > 1 ? "s " : " ")
                      + String.join(", ", known.stream().map(NoteKey::encoded).toList())));
    }
    return new OpenedNote(text, verified, unverified);
  }

  private static NoteSignature parseLine(String line, int lineNo) {
    if (!line.startsWith(PREFIX)) {
      throw new MalformedInputException(
          "malformed note: line " + lineNo + " is not a signature line ('— name base64')");
    }
    String rest = line.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    String name = space < 0 ? rest : rest.substring(0, space);
    String b64 = space < 0 ? "" : rest.substring(space + 1);
    if (!KeyNames.isValid(name)) {
      throw new MalformedInputException(
          "malformed note: line " + lineNo + ": invalid key name '" + name + "'");
    }
    byte[] raw;
    try {
      raw = StrictBase64.decode(b64);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(
          "malformed note: line " + lineNo + ": the signature is not padded base64");
    }
    if (b64.isEmpty() || raw.length < 5) {
      throw new MalformedInputException(
          "malformed note: line " + lineNo + ": the signature is too short");
    }
    return new NoteSignature(name, ByteBuffer.wrap(raw, 0, 4).getInt(), b64);
  }

  /**
   * Returns the verified text of a note signed by {@code key}.
   *
   * @throws MalformedInputException if the text is not a signed note
   * @throws InvalidSignatureException if {@code key} did not validly sign it
   */
  public static String open(String note, NoteVerifier key) {
    return open(note, List.of(key)).text();
  }

  /**
   * Verifies a signed checkpoint and returns it.
   *
   * @throws MalformedInputException if the note or the checkpoint in it is malformed
   * @throws InvalidSignatureException if it is not validly signed by {@code key}
   */
  public static Checkpoint openCheckpoint(String note, NoteVerifier key) {
    return Checkpoint.parse(open(note, key));
  }

  /**
   * Verifies a checkpoint signed by any of the log's keys (the current one and those it rotated
   * out), returning it.
   *
   * @throws MalformedInputException if the note or the checkpoint in it is malformed
   * @throws InvalidSignatureException if none of {@code logKeys} validly signed it
   */
  public static Checkpoint openCheckpoint(String note, Collection<NoteVerifier> logKeys) {
    return Checkpoint.parse(open(note, logKeys).text());
  }

  /** The signature lines of a note, unparsed (everything after its last empty line). */
  public static List<String> signatureLines(String note) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      return List.of();
    }
    return Arrays.stream(note.substring(split + 2).split("\n"))
        .filter(l -> !l.isEmpty())
        .map(l -> l + "\n")
        .toList();
  }
}
