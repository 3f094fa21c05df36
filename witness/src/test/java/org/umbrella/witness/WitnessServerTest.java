package org.umbrella.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.ledger.AddCheckpointRequest;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.CosignatureSigner;
import org.umbrella.ledger.Ed25519;
import org.umbrella.ledger.InMemoryLedger;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.Witness;
import org.umbrella.ledger.WitnessPolicy;

/** The witness over HTTP: statuses, the state kept across a restart, evidence of a split view. */
class WitnessServerTest {
  static final String ORIGIN = "umbrella.test/log";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  final NoteSigner log = new NoteSigner(ORIGIN, Ed25519.generate(new SecureRandom()));
  final HttpClient http = HttpClient.newHttpClient();

  static InMemoryLedger tree(int n, String salt) {
    InMemoryLedger l = new InMemoryLedger();
    for (int i = 0; i < n; i++) {
      l.append((salt + i).getBytes(StandardCharsets.UTF_8));
    }
    return l;
  }

  WitnessServer start(Path dir) {
    CosignatureSigner key = WitnessKey.loadOrCreate(dir, "witness.test/a");
    WitnessState state = WitnessState.load(dir, Map.of(ORIGIN, List.of(log.verifier())));
    return WitnessServer.start(
        new InetSocketAddress("127.0.0.1", 0), new Witness(key), state, dir, CLOCK);
  }

  HttpResponse<String> post(WitnessServer w, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + w.port() + "/add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String req(InMemoryLedger t, long old, long size) {
    return new AddCheckpointRequest(
            old,
            old == 0 ? List.of() : t.consistencyProof(old, size),
            log.sign(new Checkpoint(ORIGIN, size, t.rootAt(size))))
        .body();
  }

  @Test
  void cosigns_remembersAcrossARestart_andRefusesASplitViewKeepingTheEvidence(@TempDir Path dir)
      throws Exception {
    InMemoryLedger t = tree(30, "a");
    try (WitnessServer w = start(dir)) {
      HttpResponse<String> r = post(w, req(t, 0, 10));
      assertThat(r.statusCode()).isEqualTo(200);
      String note = log.sign(new Checkpoint(ORIGIN, 10, t.rootAt(10))) + r.body();
      var witnessKey = WitnessKey.loadOrCreate(dir, "witness.test/a").verifier();
      assertThat(
              new WitnessPolicy(List.of(witnessKey), 1).check(note, List.of(log.verifier())).size())
          .isEqualTo(10);
      assertThat(Files.readString(dir.resolve("witness-key.pub")).strip())
          .isEqualTo(witnessKey.encoded());
    }
    try (WitnessServer w = start(dir)) {
      HttpResponse<String> stale = post(w, req(t, 0, 12));
      assertThat(stale.statusCode()).isEqualTo(409);
      assertThat(stale.body()).isEqualTo("10\n");
      assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
      assertThat(post(w, req(t, 10, 20)).statusCode()).isEqualTo(200);
      InMemoryLedger fork = tree(30, "b");
      HttpResponse<String> split =
          post(
              w,
              new AddCheckpointRequest(
                      20,
                      fork.consistencyProof(20, 25),
                      log.sign(new Checkpoint(ORIGIN, 25, fork.rootAt(25))))
                  .body());
      assertThat(split.statusCode()).isEqualTo(422);
      assertThat(Files.readString(dir.resolve("evidence.log")))
          .contains("refused (422)")
          .contains(ORIGIN + "\n25\n");
      assertThat(post(w, "old 01\n\n").statusCode()).isEqualTo(400);
      assertThat(post(w, "x".repeat(WitnessServer.MAX_BODY + 1)).statusCode()).isEqualTo(413);
      NoteSigner other = new NoteSigner("another.log", Ed25519.generate(new SecureRandom()));
      assertThat(
              post(
                      w,
                      new AddCheckpointRequest(
                              0,
                              List.of(),
                              other.sign(new Checkpoint("another.log", 1, t.rootAt(1))))
                          .body())
                  .statusCode())
          .isEqualTo(404);
    }
    assertThat(Files.readString(dir.resolve("witness-state.json"))).contains("\"size\" : 20");
    // after a key compromise the operator configures the new key: it replaces the old, the size
    // stays
    NoteSigner replacement = new NoteSigner(ORIGIN, Ed25519.generate(new SecureRandom()));
    WitnessState rekeyed = WitnessState.load(dir, Map.of(ORIGIN, List.of(replacement.verifier())));
    assertThat(rekeyed.log(ORIGIN).orElseThrow().keys()).containsExactly(replacement.verifier());
    assertThat(rekeyed.log(ORIGIN).orElseThrow().size()).isEqualTo(20);
    // an unchanged configuration keeps what the state holds
    assertThat(
            WitnessState.load(dir, Map.of(ORIGIN, List.of(replacement.verifier())))
                .log(ORIGIN)
                .orElseThrow()
                .keys())
        .containsExactly(replacement.verifier());
  }
}
