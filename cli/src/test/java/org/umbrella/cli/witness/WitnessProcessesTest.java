package org.umbrella.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.cli.store.ReportFiles;
import org.umbrella.cli.store.StoreCommandsTest;
import org.umbrella.ledger.AddCheckpointRequest;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.Ed25519;
import org.umbrella.ledger.InMemoryLedger;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.store.StoreConfig;

/**
 * Witnesses with real processes: three {@code umbrella witness serve} processes (one per party) and
 * the log, {@code umbrella serve --witness ...}, as its own process. The log's checkpoints are
 * cosigned by all three, across a restart, a growth of the log and a key rotation; every
 * cosignature verifies with a verifier written here from the C2SP text alone; a proof with too few
 * cosignatures is refused by {@code ledger check-proof}; and a forked log (another tree of the same
 * size, and a longer one, both signed with the log's key) is refused by every witness, which keeps
 * the evidence.
 */
class WitnessProcessesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final List<Process> processes = new ArrayList<>();
  final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  record Started(Process process, List<String> lines) {}

  record WitnessProc(String url, String key, Path dir) {}

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  Started start(Predicate<String> ready, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.umbrella.cli.Umbrella"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    processes.add(p);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    for (String line; (line = out.readLine()) != null; ) {
      lines.add(line);
      if (ready.test(line)) {
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> {})); // keep draining
        return new Started(p, lines);
      }
      assertThat(System.nanoTime())
          .as("%s started in time:\n%s", args[0], lines)
          .isLessThan(deadline);
    }
    throw new AssertionError(args[0] + " exited before it was ready:\n" + String.join("\n", lines));
  }

  WitnessProc witness(Path tmp, String party, Path logKey) throws Exception {
    Path dir = tmp.resolve("witness-" + party);
    Started s =
        start(
            l -> l.startsWith("log "),
            "witness",
            "serve",
            "--state-dir",
            dir.toString(),
            "--name",
            "witness." + party + ".test/umbrella",
            "--log",
            logKey.toString());
    String url =
        s.lines().stream()
            .filter(l -> l.startsWith("witness "))
            .findFirst()
            .orElseThrow()
            .replaceAll(".* listening on ", "");
    String key =
        s.lines().stream().filter(l -> l.startsWith("key ")).findFirst().orElseThrow().substring(4);
    return new WitnessProc(url, key, dir);
  }

  Started serve(Path data, List<WitnessProc> ws) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "serve",
                "--data-dir",
                data.toString(),
                "--port",
                "0",
                "--no-demo",
                "--witness-interval",
                "PT0.2S"));
    for (WitnessProc w : ws) {
      args.addAll(List.of("--witness", w.url() + "=" + w.key()));
    }
    return start(l -> l.startsWith("Umbrella is serving"), args.toArray(String[]::new));
  }

  static String base(Started server) {
    String line = server.lines().getLast();
    return line.substring(line.indexOf("http://"), line.indexOf("/ ", line.indexOf("http://")));
  }

  static String policy(List<WitnessProc> ws, int quorum) {
    return ws.stream()
            .map(w -> "witness=" + URLEncoder.encode(w.key(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))
        + "&quorum="
        + quorum;
  }

  JsonNode awaitCosigned(String base, List<WitnessProc> ws, long atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base + "/api/v1/ledger/checkpoint/cosigned?" + policy(ws, ws.size())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        JsonNode j = JSON.readTree(r.body());
        if (j.get("tree-size").asLong() >= atLeast) {
          return j;
        }
      }
      assertThat(System.nanoTime())
          .as("cosigned by all witnesses in time: last answer %d %s", r.statusCode(), r.body())
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  void stop(Started s) throws InterruptedException {
    s.process().destroy(); // SIGTERM: the shutdown hook closes the server and the database
    assertThat(s.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  static void importReports(Path data, Path tmp, String prefix, int n) throws Exception {
    Path file = ReportFiles.write(tmp, prefix, n);
    StoreCommandsTest.Run r =
        StoreCommandsTest.run(
            "import", file.toString(), "--format", "umbrella", "--data-dir", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void threePartyWitnesses_cosignTheLog_refuseAFork_andCheckProofNeedsTheQuorum(@TempDir Path tmp)
      throws Exception {
    Path data = tmp.resolve("log");
    NoteSigner logKey =
        org.umbrella.store.LedgerKeys.loadOrCreate(data, StoreConfig.DEFAULT_ORIGIN);
    Path logPub = data.resolve("ledger-key.pub");
    List<WitnessProc> ws =
        List.of(
            witness(tmp, "kyiv", logPub),
            witness(tmp, "moscow", logPub),
            witness(tmp, "eu", logPub));
    importReports(data, tmp, "a-", 40);

    Started log = serve(data, ws);
    String base = base(log);
    String adminPassword =
        log.lines().stream()
            .filter(l -> l.startsWith("Administrator account"))
            .findFirst()
            .orElseThrow()
            .replaceAll(".* admin ", "")
            .strip();
    JsonNode cosigned = awaitCosigned(base, ws, 40);
    long size = cosigned.get("tree-size").asLong();
    String note = cosigned.get("checkpoint").asText();
    String text = note.substring(0, note.lastIndexOf("\n\n") + 1);
    for (WitnessProc w : ws) {
      SpecCosignature.verify(
          note, w.key(),
          text); // an implementation of tlog-cosignature that shares no code with Umbrella's
    }

    // a proof in the cosigned head, from the API under the 3-of-3 policy; check-proof needs the
    // quorum
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> proof =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/proof/7?" + policy(ws, 3)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
    Path proofFile = tmp.resolve("leaf7.proof.json");
    Files.writeString(proofFile, proof.body());
    List<String> witnessArgs = new ArrayList<>();
    ws.forEach(w -> witnessArgs.addAll(List.of("--witness", w.key())));
    StoreCommandsTest.Run ok = checkProof(proofFile, logPub, witnessArgs, 3);
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out())
        .contains("proof OK: leaf 7")
        .contains("cosigned by at least 3 of the 3 trusted witnesses");
    // keep the log's signature and one cosignature: 1 of 3 is too few for a quorum of 2
    JsonNode bundle = JSON.readTree(proof.body());
    String cp = bundle.get("checkpoint").asText();
    String[] lines = cp.substring(cp.lastIndexOf("\n\n") + 2).split("\n");
    String oneCosig =
        cp.substring(0, cp.lastIndexOf("\n\n") + 2) + lines[0] + "\n" + lines[1] + "\n";
    Path weak = tmp.resolve("weak.proof.json");
    Files.writeString(
        weak, proof.body().replace(JSON.writeValueAsString(cp), JSON.writeValueAsString(oneCosig)));
    StoreCommandsTest.Run refused = checkProof(weak, logPub, witnessArgs, 2);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("proof REJECTED")
        .contains("cosigned by 1 of the 3 trusted witnesses; the policy needs 2");
    HttpResponse<String> tooMany =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/proof/7?" + policy(ws, 4)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("quorum");
    stop(log);

    // the log grows while the service is down, and its key is rotated: after a restart every
    // witness cosigns the longer tree (a consistency proof from what it saw) and follows the key
    importReports(data, tmp, "b-", 25);
    StoreCommandsTest.Run rotated =
        StoreCommandsTest.run(
            "ledger", "rotate-key", "--data-dir", data.toString(), "--reason", "scheduled");
    assertThat(rotated.exit()).as(rotated.err()).isZero();
    importReports(data, tmp, "c-", 5);
    log = serve(data, ws);
    base = base(log);
    JsonNode later = awaitCosigned(base, ws, size + 31);
    long grown = later.get("tree-size").asLong();
    String laterNote = later.get("checkpoint").asText();
    for (WitnessProc w : ws) {
      SpecCosignature.verify(
          laterNote, w.key(), laterNote.substring(0, laterNote.lastIndexOf("\n\n") + 1));
      assertThat(Files.readString(w.dir().resolve("witness-state.json")))
          .contains("\"size\" : " + grown)
          .contains(Files.readString(logPub).strip());
    }
    stop(log);

    // a fork: another tree of the same size, and a longer one, both signed with the log's key
    NoteSigner current =
        new NoteSigner(
            StoreConfig.DEFAULT_ORIGIN,
            Ed25519.fromPrivateKeyText(Files.readString(data.resolve("ledger-key.pk8"))));
    assertThat(current.verifier()).isNotEqualTo(logKey.verifier());
    InMemoryLedger fork = new InMemoryLedger();
    for (int i = 0; i < grown + 10; i++) {
      fork.append(("forked leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    String sameSize =
        new AddCheckpointRequest(
                grown,
                List.of(),
                current.sign(new Checkpoint(StoreConfig.DEFAULT_ORIGIN, grown, fork.rootAt(grown))))
            .body();
    String longer =
        new AddCheckpointRequest(
                grown,
                fork.consistencyProof(grown, grown + 10),
                current.sign(
                    new Checkpoint(
                        StoreConfig.DEFAULT_ORIGIN, grown + 10, fork.rootAt(grown + 10))))
            .body();
    for (WitnessProc w : ws) {
      for (String body : List.of(sameSize, longer)) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(w.url() + "/add-checkpoint"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s refuses the fork: %s", w.url(), r.body()).isEqualTo(422);
      }
      assertThat(Files.readString(w.dir().resolve("evidence.log")))
          .contains("refused (422)")
          .contains("split view");
    }
  }

  static StoreCommandsTest.Run checkProof(
      Path proof, Path logKeys, List<String> witnessArgs, int quorum) {
    List<String> args =
        new ArrayList<>(
            List.of("ledger", "check-proof", proof.toString(), "--key", logKeys.toString()));
    args.addAll(witnessArgs);
    args.addAll(List.of("--quorum", Integer.toString(quorum)));
    return StoreCommandsTest.run(args.toArray(String[]::new));
  }

  /**
   * A cosignature check written from C2SP signed-note and tlog-cosignature alone: the vkey is
   * name+hex(id)+base64(0x04 || key); the note's line for that name carries base64(id || u64
   * timestamp || Ed25519 signature of "cosignature/v1\ntime T\n" || note text).
   */
  static final class SpecCosignature {
    static void verify(String note, String vkey, String text) throws Exception {
      String[] parts = vkey.split("\\+", 3);
      byte[] typed = Base64.getDecoder().decode(parts[2]);
      assertThat(typed[0]).as("signature type").isEqualTo((byte) 0x04);
      byte[] key = Arrays.copyOfRange(typed, 1, typed.length);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((parts[0] + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(typed);
      assertThat(HexFormat.of().formatHex(sha.digest(), 0, 4)).isEqualTo(parts[1]);
      String prefix = "\u2014 " + parts[0] + " ";
      String line =
          note.lines()
              .filter(l -> l.startsWith(prefix))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no line by " + parts[0] + " in\n" + note));
      byte[] sig = Base64.getDecoder().decode(line.substring(prefix.length()));
      assertThat(HexFormat.of().formatHex(sig, 0, 4)).isEqualTo(parts[1]);
      long ts = ByteBuffer.wrap(sig, 4, 8).getLong();
      assertThat(ts).isPositive();
      byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
      byte[] der = Arrays.copyOf(spki, spki.length + 32);
      System.arraycopy(key, 0, der, spki.length, 32);
      PublicKey pk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(pk);
      ed.update(("cosignature/v1\ntime " + ts + "\n" + text).getBytes(StandardCharsets.UTF_8));
      assertThat(ed.verify(Arrays.copyOfRange(sig, 12, 76)))
          .as("the cosignature of %s verifies", parts[0])
          .isTrue();
    }
  }
}
