package org.umbrella.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.json.CanonicalJson;

/** Signed notes and checkpoints interoperate with the Go signed-note implementation. */
class SignedCheckpointTest {
  // The published example of golang.org/x/mod/sumdb/note (package documentation).
  static final String GO_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String GO_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  static final String GO_NOTE =
      GO_TEXT
          + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  static KeyPair goKeyPair() throws Exception {
    byte[] typed = Base64.getDecoder().decode(GO_SKEY.split("\\+", 5)[4]);
    byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
    byte[] enc = Arrays.copyOf(pkcs8, pkcs8.length + 32);
    System.arraycopy(typed, 1, enc, pkcs8.length, 32);
    PrivateKey priv =
        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(enc));
    return new KeyPair(NoteVerifier.parse(GO_VKEY).jdkPublicKey(), priv);
  }

  @Test
  void sign_reproducesTheGoReferenceNoteByteForByte() throws Exception {
    NoteSigner signer = new NoteSigner("PeterNeumann", goKeyPair());
    assertThat(signer.verifier().encoded()).isEqualTo(GO_VKEY);
    assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
  }

  @Test
  void open_acceptsTheGoReferenceNoteAndRejectsAnyChange() {
    NoteVerifier v = NoteVerifier.parse(GO_VKEY);
    assertThat(SignedNotes.open(GO_NOTE, v)).isEqualTo(GO_TEXT);
    assertThatThrownBy(() -> SignedNotes.open(GO_NOTE.replace("cryptography", "cryptographY"), v))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void parse_rejectsAVerifierKeyWhoseIdDoesNotMatch() {
    assertThatThrownBy(() -> NoteVerifier.parse(GO_VKEY.replace("c74f20a3", "c74f20a4")))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void openCheckpoint_returnsTheSignedTreeHead_andRefusesAnotherKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    NoteSigner signer = new NoteSigner("umbrella.test/log", g.generateKeyPair());
    InMemoryLedger l = MerkleProofPropertiesTest.ledgerOf(10);
    Checkpoint cp =
        new Checkpoint("umbrella.test/log", 10, l.root(), List.of("time 2026-01-01T00:00:00Z"));
    String note = signer.sign(cp);
    assertThat(SignedNotes.openCheckpoint(note, signer.verifier())).isEqualTo(cp);
    NoteVerifier other = new NoteSigner("umbrella.test/log", g.generateKeyPair()).verifier();
    assertThatThrownBy(() -> SignedNotes.openCheckpoint(note, other))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("no signature by the key");
    assertThatThrownBy(
            () -> SignedNotes.openCheckpoint(note.replace("\n10\n", "\n11\n"), signer.verifier()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void parse_namesTheBadLine() {
    assertThatThrownBy(() -> Checkpoint.parse("log\nten\nAAAA\n"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void proofBundle_roundTripsAndVerifiesOffline() throws Exception {
    NoteSigner signer =
        new NoteSigner(
            "umbrella.test/log", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    InMemoryLedger l = new InMemoryLedger();
    for (int i = 0; i < 37; i++) {
      l.append(
          CanonicalJson.canonicalize("{\"n\":" + i + "}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String leaf = "{\"n\":17}";
    ProofBundle b =
        new ProofBundle(
            signer.verifier().encoded(),
            signer.sign(new Checkpoint("umbrella.test/log", 37, l.root())),
            17,
            leaf,
            l.inclusionProof(17, 37));
    ProofBundle read = ProofBundle.parse(b.toJson());
    assertThat(read.verify(signer.verifier()).size()).isEqualTo(37);
    ProofBundle forged =
        new ProofBundle(
            read.verifierKey(), read.signedCheckpoint(), 17, "{\"n\":18}", read.inclusionProof());
    assertThatThrownBy(() -> forged.verify(signer.verifier()))
        .isInstanceOf(InvalidProofException.class);
  }
}
