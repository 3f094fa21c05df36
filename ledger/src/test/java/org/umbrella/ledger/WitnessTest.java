package org.umbrella.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The witness's decisions ({@code tlog-witness} add-checkpoint), its cosignatures ({@code
 * tlog-cosignature}) checked by a verifier written here from the specification text, and witness
 * policies.
 */
class WitnessTest {
  static final String ORIGIN = "umbrella.test/log";
  static final SecureRandom RANDOM = new SecureRandom();
  final NoteSigner log = new NoteSigner(ORIGIN, Ed25519.generate(RANDOM));
  final KeyPair witnessKeys = Ed25519.generate(RANDOM);
  final Witness witness = new Witness(new CosignatureSigner("witness.test/w1", witnessKeys));

  static InMemoryLedger tree(int n, String salt) {
    InMemoryLedger l = new InMemoryLedger();
    for (int i = 0; i < n; i++) {
      l.append((salt + i).getBytes(StandardCharsets.UTF_8));
    }
    return l;
  }

  String signed(InMemoryLedger t, long size) {
    return log.sign(new Checkpoint(ORIGIN, size, t.rootAt(size)));
  }

  AddCheckpointRequest request(InMemoryLedger t, long old, long size) {
    List<byte[]> proof = old == 0 ? List.of() : t.consistencyProof(old, size);
    return AddCheckpointRequest.parse(
        new AddCheckpointRequest(old, proof, signed(t, size))
            .body()
            .getBytes(StandardCharsets.UTF_8));
  }

  Optional<WitnessedLog> fresh() {
    return Optional.of(WitnessedLog.fresh(ORIGIN, List.of(log.verifier())));
  }

  @Test
  void cosigns_aConsistentSequence_andItsCosignatureVerifiesBySpec() {
    InMemoryLedger t = tree(20, "a");
    Witness.Outcome first = witness.addCheckpoint(request(t, 0, 7), fresh(), 1_700_000_000L);
    assertThat(first).isInstanceOf(Witness.Cosigned.class);
    WitnessedLog state = ((Witness.Cosigned) first).next();
    assertThat(state.size()).isEqualTo(7);
    Witness.Outcome second =
        witness.addCheckpoint(request(t, 7, 20), Optional.of(state), 1_700_000_100L);
    Witness.Cosigned c = (Witness.Cosigned) second;
    assertThat(c.next().size()).isEqualTo(20);
    String checkpointText = new Checkpoint(ORIGIN, 20, t.rootAt(20)).body();
    assertThat(
            SpecCosignature.verify(
                c.signatureLines(), "witness.test/w1", witnessKeys, checkpointText))
        .isEqualTo(1_700_000_100L);
  }

  @Test
  void refuses_aSplitView_atTheSameSize_andAtALargerSize() {
    InMemoryLedger honest = tree(20, "a");
    InMemoryLedger fork = tree(20, "b");
    WitnessedLog saw =
        ((Witness.Cosigned) witness.addCheckpoint(request(honest, 0, 10), fresh(), 1)).next();
    Witness.Outcome same = witness.addCheckpoint(request(fork, 10, 10), Optional.of(saw), 2);
    assertThat(same)
        .isInstanceOfSatisfying(
            Witness.Refused.class,
            r -> {
              assertThat(r.status()).isEqualTo(422);
              assertThat(r.misbehaviour()).isTrue();
            });
    // the forked tree's own consistency proof from 10 to 15 does not start from the root the
    // witness saw
    AddCheckpointRequest forkReq =
        AddCheckpointRequest.parse(
            new AddCheckpointRequest(10, fork.consistencyProof(10, 15), signed(fork, 15))
                .body()
                .getBytes(StandardCharsets.UTF_8));
    assertThat(witness.addCheckpoint(forkReq, Optional.of(saw), 3))
        .isInstanceOfSatisfying(Witness.Refused.class, r -> assertThat(r.status()).isEqualTo(422));
  }

  @Test
  void refuses_withTheStatusesOfTheSpecification() {
    InMemoryLedger t = tree(20, "a");
    WitnessedLog saw =
        ((Witness.Cosigned) witness.addCheckpoint(request(t, 0, 10), fresh(), 1)).next();
    Witness.Refused stale =
        (Witness.Refused) witness.addCheckpoint(request(t, 5, 12), Optional.of(saw), 2);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.knownSize()).isEqualTo(10);
    assertThat(
            ((Witness.Refused) witness.addCheckpoint(request(t, 0, 12), Optional.empty(), 2))
                .status())
        .isEqualTo(404);
    NoteSigner stranger = new NoteSigner(ORIGIN, Ed25519.generate(RANDOM));
    AddCheckpointRequest forged =
        new AddCheckpointRequest(
            10,
            t.consistencyProof(10, 12),
            stranger.sign(new Checkpoint(ORIGIN, 12, t.rootAt(12))));
    assertThat(((Witness.Refused) witness.addCheckpoint(forged, Optional.of(saw), 2)).status())
        .isEqualTo(403);
    AddCheckpointRequest backwards = new AddCheckpointRequest(10, List.of(), signed(t, 8));
    assertThat(((Witness.Refused) witness.addCheckpoint(backwards, Optional.of(saw), 2)).status())
        .isEqualTo(400);
    AddCheckpointRequest proofFromZero =
        new AddCheckpointRequest(0, List.of(new byte[32]), signed(t, 3));
    assertThat(((Witness.Refused) witness.addCheckpoint(proofFromZero, fresh(), 2)).status())
        .isEqualTo(422);
    assertThatThrownBy(
            () -> AddCheckpointRequest.parse("old 01\n\nx".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(
            () ->
                AddCheckpointRequest.parse(
                    ("old 1\n"
                            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".repeat(64)
                            + "\nx")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("63");
  }

  @Test
  void keyRotation_handsTheLogOverToTheNewKey() {
    InMemoryLedger t = tree(20, "a");
    WitnessedLog saw =
        ((Witness.Cosigned) witness.addCheckpoint(request(t, 0, 10), fresh(), 1)).next();
    NoteSigner next = new NoteSigner(ORIGIN, Ed25519.generate(RANDOM));
    String body =
        new Checkpoint(
                ORIGIN, 12, t.rootAt(12), List.of(Witness.ROTATE_KEY + next.verifier().encoded()))
            .body();
    String handover = log.sign(body) + next.signatureLine(body);
    Witness.Cosigned c =
        (Witness.Cosigned)
            witness.addCheckpoint(
                new AddCheckpointRequest(10, t.consistencyProof(10, 12), handover),
                Optional.of(saw),
                2);
    assertThat(c.next().keys()).containsExactly(next.verifier());
    // the retired key alone no longer gets a cosignature
    AddCheckpointRequest old =
        new AddCheckpointRequest(12, t.consistencyProof(12, 14), signed(t, 14));
    assertThat(((Witness.Refused) witness.addCheckpoint(old, Optional.of(c.next()), 3)).status())
        .isEqualTo(403);
    AddCheckpointRequest fresh =
        new AddCheckpointRequest(
            12, t.consistencyProof(12, 14), next.sign(new Checkpoint(ORIGIN, 14, t.rootAt(14))));
    assertThat(witness.addCheckpoint(fresh, Optional.of(c.next()), 3))
        .isInstanceOf(Witness.Cosigned.class);
  }

  @Test
  void policy_needsTheQuorumOfDistinctTrustedWitnesses() {
    InMemoryLedger t = tree(5, "a");
    String note = signed(t, 5);
    String body = new Checkpoint(ORIGIN, 5, t.rootAt(5)).body();
    CosignatureSigner w1 = new CosignatureSigner("w1.test", Ed25519.generate(RANDOM));
    CosignatureSigner w2 = new CosignatureSigner("w2.test", Ed25519.generate(RANDOM));
    CosignatureSigner w3 = new CosignatureSigner("w3.test", Ed25519.generate(RANDOM));
    String twoOfThree = note + w1.cosign(body, 10) + w2.cosign(body, 11) + w1.cosign(body, 12);
    WitnessPolicy policy =
        new WitnessPolicy(List.of(w1.verifier(), w2.verifier(), w3.verifier()), 2);
    assertThat(policy.check(twoOfThree, List.of(log.verifier())).size()).isEqualTo(5);
    WitnessPolicy three = new WitnessPolicy(policy.witnesses(), 3);
    assertThatThrownBy(() -> three.check(twoOfThree, List.of(log.verifier())))
        .isInstanceOf(QuorumNotMetException.class)
        .hasMessageContaining("cosigned by 2 of the 3");
    // a cosignature over another checkpoint is invalid for this one: the whole note is refused
    String other = new Checkpoint(ORIGIN, 4, t.rootAt(4)).body();
    assertThatThrownBy(
            () ->
                policy.check(
                    note + w1.cosign(other, 10) + w2.cosign(body, 11), List.of(log.verifier())))
        .isInstanceOf(InvalidSignatureException.class);
    // cosignatures alone, without the log's own signature, are not enough
    assertThatThrownBy(
            () ->
                policy.check(
                    body + "\n" + w1.cosign(body, 10) + w2.cosign(body, 11),
                    List.of(log.verifier())))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("log");
  }

  @Test
  void cosignatureKey_roundTripsAsAType4VerifierKey() {
    CosignatureSigner w = new CosignatureSigner("w1.test", witnessKeys);
    String vkey = w.verifier().encoded();
    assertThat(CosignatureVerifier.parse(vkey)).isEqualTo(w.verifier());
    assertThat(NoteKey.parse(vkey)).isEqualTo(w.verifier());
    assertThat(Base64.getDecoder().decode(vkey.split("\\+", 3)[2])[0]).isEqualTo((byte) 4);
    assertThatThrownBy(() -> NoteVerifier.parse(vkey)).isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> CosignatureVerifier.parse(log.verifier().encoded()))
        .isInstanceOf(MalformedInputException.class);
  }

  /**
   * A cosignature verifier written from the tlog-cosignature text alone, sharing no code with the
   * ledger's: key id = SHA-256(name || 0x0A || 0x04 || key)[:4]; signature = u64 big-endian
   * timestamp || Ed25519 over "cosignature/v1\ntime T\n" || checkpoint text.
   */
  static final class SpecCosignature {
    static long verify(String line, String name, KeyPair key, String checkpointText) {
      try {
        assertThat(line).startsWith("\u2014 " + name + " ").endsWith("\n");
        byte[] raw =
            Base64.getDecoder().decode(line.substring(name.length() + 3, line.length() - 1));
        assertThat(raw).hasSize(4 + 8 + 64);
        byte[] spki = key.getPublic().getEncoded();
        byte[] pub = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x0a);
        sha.update((byte) 0x04);
        sha.update(pub);
        assertThat(java.util.Arrays.copyOf(raw, 4))
            .isEqualTo(java.util.Arrays.copyOf(sha.digest(), 4));
        long ts = ByteBuffer.wrap(raw, 4, 8).getLong();
        java.security.Signature ed = java.security.Signature.getInstance("Ed25519");
        ed.initVerify(key.getPublic());
        ed.update(
            ("cosignature/v1\ntime " + ts + "\n" + checkpointText)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ed.verify(java.util.Arrays.copyOfRange(raw, 12, 76)))
            .as("Ed25519 signature")
            .isTrue();
        return ts;
      } catch (java.security.GeneralSecurityException e) {
        throw new AssertionError(e);
      }
    }
  }
}
