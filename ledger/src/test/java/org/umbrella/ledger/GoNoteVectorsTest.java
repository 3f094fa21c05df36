package org.umbrella.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every case of the Go reference's {@code TestOpen} and {@code TestNewVerifier} ({@code
 * golang.org/x/mod/sumdb/note/note_test.go}) with the same inputs and outcome, and each leniency
 * the old code had (issue 17, item 5) as its own test: each of those failed before the strict
 * parser.
 */
class GoNoteVectorsTest {
  static final String PETER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String PETER_SIG =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
  static final NoteVerifier PETER = NoteVerifier.parse(PETER_KEY);
  static final NoteVerifier ENOCH = NoteVerifier.parse(ENOCH_KEY);
  static final NoteSignature PETER_S =
      new NoteSignature(
          "PeterNeumann",
          0xc74f20a3,
          "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");
  static final NoteSignature ENOCH_S =
      new NoteSignature(
          "EnochRoot",
          0xaf0cfe78,
          "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=");

  /** Go's {@code sig[:60] + "ABCD" + sig[60:]}, which counts bytes (the em dash is three). */
  static String abcdAt60(String sig) {
    byte[] b = sig.getBytes(StandardCharsets.UTF_8);
    return new String(b, 0, 60, StandardCharsets.UTF_8)
        + "ABCD"
        + new String(b, 60, b.length - 60, StandardCharsets.UTF_8);
  }

  static List<NoteSignature> sigs(OpenedNote n) {
    return n.verified().stream().map(OpenedNote.Verified::signature).toList();
  }

  @Test
  void open_oneVerifiedOneNot() {
    OpenedNote n = SignedNotes.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(PETER));
    assertThat(n.text()).isEqualTo(TEXT);
    assertThat(sigs(n)).containsExactly(PETER_S);
    assertThat(n.unverified()).containsExactly(ENOCH_S);
  }

  @Test
  void open_bothVerified() {
    OpenedNote n = SignedNotes.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of(PETER, ENOCH));
    assertThat(sigs(n)).containsExactly(PETER_S, ENOCH_S);
    assertThat(n.unverified()).isEmpty();
  }

  @Test
  void open_bothUnverified_isRejected() {
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG, List.of()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("no verifiable signatures");
  }

  @Test
  void open_duplicatedVerifier_isAmbiguous_unlessUnused() {
    assertThatThrownBy(
            () -> SignedNotes.open(TEXT + "\n" + ENOCH_SIG, List.of(ENOCH, PETER, ENOCH)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("ambiguous key EnochRoot+af0cfe78");
    assertThat(sigs(SignedNotes.open(TEXT + "\n" + PETER_SIG, List.of(ENOCH, PETER, ENOCH))))
        .containsExactly(PETER_S);
  }

  @Test
  void open_tooManySignatures_isMalformed() {
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + PETER_SIG.repeat(101), List.of(PETER)))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + PETER_SIG.repeat(101), List.of()))
        .isInstanceOf(MalformedInputException.class);
    assertThat(sigs(SignedNotes.open(TEXT + "\n" + PETER_SIG.repeat(100), List.of(PETER))))
        .containsExactly(PETER_S);
  }

  @Test
  void open_invalidSignature_isRejected() {
    String bad = abcdAt60(PETER_SIG);
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + bad, List.of(PETER)))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("invalid signature for key PeterNeumann+c74f20a3");
  }

  @Test
  void open_duplicatedVerifiedAndUnverifiedSignatures_areKeptOnce() {
    String enochAbcd = abcdAt60(ENOCH_SIG);
    OpenedNote n =
        SignedNotes.open(
            TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enochAbcd,
            List.of(PETER));
    assertThat(sigs(n)).containsExactly(PETER_S);
    assertThat(n.unverified())
        .containsExactly(
            ENOCH_S,
            new NoteSignature(
                "EnochRoot",
                0xaf0cfe78,
                "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5nABCD2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ="));
  }

  @Test
  void open_invalidEncodedMessageSyntax_isMalformed() {
    List<byte[]> bad = new ArrayList<>();
    for (String s :
        List.of(
            TEXT,
            TEXT + "\n",
            TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
            "\u0001" + TEXT + "\n" + PETER_SIG,
            TEXT
                + "\n"
                + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            TEXT + "\n" + PETER_SIG + "Unexpected line.\n")) {
      bad.add(s.getBytes(StandardCharsets.UTF_8));
    }
    byte[] ff = ("\u0000" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
    ff[0] = (byte) 0xff; // "\xff" + text: not UTF-8
    bad.add(ff);
    for (byte[] msg : bad) {
      assertThatThrownBy(() -> SignedNotes.open(msg, List.of(PETER)))
          .as(new String(msg, StandardCharsets.UTF_8))
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void open_signatureOfAnotherNameOrHash_isNotThePetersKey() {
    // Go's fixedVerifier cases: a verifier returned for the wrong name or hash is refused. Here the
    // key set is matched by name and id, so such a line is simply not Peter's: no signature
    // verifies.
    String misnamed = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + misnamed, List.of(PETER)))
        .isInstanceOf(InvalidSignatureException.class);
    String wrongHash = PETER_SIG.replace("x08g", "xxxx");
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + wrongHash, List.of(PETER)))
        .isInstanceOf(InvalidSignatureException.class);
  }

  // ---- the leniencies of issue 17, item 5: each failed before ------------------------------

  @Test
  void leniency_unexpectedLineAfterAValidSignature_isMalformed() {
    assertThatThrownBy(
            () -> SignedNotes.open(TEXT + "\n" + PETER_SIG + "Unexpected line.\n", PETER))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void leniency_moreThan100Signatures_isMalformed() {
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + PETER_SIG.repeat(101), PETER))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("more than 100");
  }

  @Test
  void leniency_badSignatureFollowedByAGoodOne_isRejected() {
    String bad = abcdAt60(PETER_SIG);
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + bad + PETER_SIG, PETER))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void leniency_trailingSpaceAfterTheBase64_isMalformed() {
    assertThatThrownBy(
            () -> SignedNotes.open(TEXT + "\n" + PETER_SIG.replace("=\n", "= \n"), PETER))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void leniency_unpaddedBase64Signature_isMalformed() {
    assertThatThrownBy(() -> SignedNotes.open(TEXT + "\n" + PETER_SIG.replace("=\n", "\n"), PETER))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void leniency_controlCharacterInTheSignedText_isMalformed() {
    for (String c : List.of("\u0001", "\t", "\r", "\u001f")) {
      assertThatThrownBy(() -> SignedNotes.open("x" + c + TEXT + "\n" + PETER_SIG, PETER))
          .as("U+%04X", (int) c.charAt(0))
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void leniency_keyNamesWithUnicodeSpaces_areRefused() {
    for (String space : List.of("\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "\u202f")) {
      String name = "Peter" + space + "Neumann";
      assertThat(KeyNames.isValid(name)).as("U+%04X", (int) space.charAt(0)).isFalse();
      assertThatThrownBy(() -> new NoteVerifier(name, PETER.publicKey()))
          .isInstanceOf(IllegalArgumentException.class);
      String vkey = NoteKey.encode(name, (byte) 1, PETER.publicKey());
      assertThatThrownBy(() -> NoteVerifier.parse(vkey))
          .isInstanceOf(MalformedInputException.class);
      String note = TEXT + "\n" + PETER_SIG.replace("PeterNeumann", name);
      assertThatThrownBy(() -> SignedNotes.open(note, PETER))
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void leniency_verifierKeyWithTrailingNewlineOrSpace_isMalformed() {
    assertThatThrownBy(() -> NoteVerifier.parse(PETER_KEY + "\n"))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> NoteVerifier.parse(PETER_KEY + " "))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> NoteVerifier.parse(" " + PETER_KEY))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void leniency_checkpointRootWithoutBase64Padding_isMalformed() {
    String root = java.util.Base64.getEncoder().encodeToString(Hashes.emptyRoot());
    assertThat(Checkpoint.parse("o\n1\n" + root + "\n").size()).isEqualTo(1);
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + root.replace("=", "") + "\n"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void leniency_emptyNameVerifierKey_isMalformedInput_notIllegalArgument() {
    assertThatThrownBy(
            () -> NoteVerifier.parse("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .isInstanceOf(MalformedInputException.class);
  }

  // ---- TestNewVerifier ----------------------------------------------------------------------

  @Test
  void newVerifier_everyMangling_isRefused() {
    byte[] b = PETER_KEY.getBytes(StandardCharsets.UTF_8);
    int refused = 0;
    for (int i = 0; i <= b.length; i++) {
      for (int j = i + 1; j <= b.length; j++) {
        if (i != 0 || j != b.length) {
          refused += refuses(new String(b, i, j - i, StandardCharsets.UTF_8));
        }
      }
    }
    for (int i = 0; i < b.length; i++) {
      b[i]++;
      refused += refuses(new String(b, StandardCharsets.UTF_8));
      b[i]--;
    }
    refused +=
        refuses("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
    refused += refuses("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    int n = PETER_KEY.length();
    assertThat(refused).isEqualTo(n * (n + 1) / 2 - 1 + n + 2);
  }

  private static int refuses(String vkey) {
    assertThatThrownBy(() -> NoteVerifier.parse(vkey))
        .as(vkey)
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> NoteKey.parse(vkey))
        .as(vkey)
        .isInstanceOf(MalformedInputException.class);
    return 1;
  }
}
