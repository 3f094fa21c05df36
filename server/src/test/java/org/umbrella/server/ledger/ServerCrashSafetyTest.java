package org.umbrella.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.journal.Reexecution;
import org.umbrella.store.Database;
import org.umbrella.store.LedgerKeys;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.StoreConfig;
import org.umbrella.store.VerifyReport;

/**
 * Crash safety of the server's write path: the operations server runs as its own process, this
 * process files reports over HTTP, and the server is killed with SIGKILL at a random moment, ten
 * times. After each kill: every report acknowledged with 201 is stored, with its audit row, its
 * incident and its report-as-filed leaves; no report is stored without all of them or they without
 * it (one transaction); and the store's ledger verification passes.
 */
class ServerCrashSafetyTest {
  static final int KILLS = 10;

  /** Reports acknowledged in a round before its kill may come. */
  static final int PER_ROUND = 20;

  @Test
  void sigkillAtRandomMoments_losesNoAcknowledgedReport_andNeverKeepsARowWithoutItsLeaves()
      throws Exception {
    String url = TestDb.url();
    String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dir = Files.createTempDirectory("umbrella-server-crash");
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> refusedReviews = ConcurrentHashMap.newKeySet();
    Random random = new Random(2026);
    String java = ProcessHandle.current().info().command().orElse("java");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int round = 0; round < KILLS; round++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  ServerProcess.class.getName(),
                  url,
                  schema,
                  dir.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      assertThat(ready).as("round %d: the server starts", round).startsWith("READY ");
      String[] parts = ready.split(" ");
      URI reports = URI.create("http://127.0.0.1:" + parts[1] + "/api/v1/reports");
      String token = parts[2];
      String verifierToken = parts[3];
      int ackedBefore = acked.size();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> senders = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        senders.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      while (!stop.get()) {
                        try {
                          HttpResponse<String> r =
                              http.send(
                                  HttpRequest.newBuilder(reports)
                                      .timeout(Duration.ofSeconds(20))
                                      .header("Authorization", "Bearer " + token)
                                      .header("Content-Type", "application/json")
                                      .POST(
                                          HttpRequest.BodyPublishers.ofString(
                                              TestServer.reportJson("crash")
                                                  // claimed within the last day (the service
                                                  // refuses the future), so reports fall in
                                                  // different windows
                                                  .replace(
                                                      "2026-03-09T04:10:00Z",
                                                      Instant.now()
                                                          .minusSeconds(60 + random.nextInt(86_400))
                                                          .truncatedTo(ChronoUnit.SECONDS)
                                                          .toString())
                                                  // and placed across the monitored zone near the
                                                  // line, so each verified one raises its finding
                                                  .replace(
                                                      "\"lat\":48.0159,\"lon\":37.8029",
                                                      String.format(
                                                          Locale.ROOT,
                                                          "\"lat\":%.4f,\"lon\":%.4f",
                                                          48.0 + random.nextDouble() * 0.5,
                                                          37.3 + random.nextDouble() * 0.5))))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString());
                          if (r.statusCode() == 201) {
                            String id = TestServer.field(r.body(), "id");
                            acked.add(id);
                            // review most reports through to verified, so the engine has decisions
                            // to make and
                            // re-execution has outputs to compare; the rest stay unreviewed
                            if (random.nextInt(4) > 0) {
                              // corroborated with an attribution that meets the agreement's
                              // evidence bar, then verified
                              for (String review :
                                  List.of(
                                      "{\"status\":\"corroborated\",\"actor\":{\"party\":\"RU\",\"confidence\":0.9}}",
                                      "{\"status\":\"verified\"}")) {
                                HttpResponse<String> rr =
                                    http.send(
                                        HttpRequest.newBuilder(
                                                reports.resolve(
                                                    "/api/v1/reports/" + id + "/reviews"))
                                            .timeout(Duration.ofSeconds(20))
                                            .header("Authorization", "Bearer " + verifierToken)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(review))
                                            .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (rr.statusCode() != 200 && rr.statusCode() != 201) {
                                  refusedReviews.add(rr.statusCode() + " " + rr.body());
                                }
                              }
                            }
                          }
                        } catch (java.io.IOException e) {
                          // the server died under the request: not acknowledged
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    }));
      }
      // kill only once this round has had PER_ROUND reports acknowledged, so that every round kills
      // a server under load however slow the machine is (a fixed delay killed idle servers on a
      // loaded one), and the engine has had decisions to make and record in every round
      int before = ackedBefore;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (acked.size() < before + PER_ROUND && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(acked.size())
          .as("round %d: reports are acknowledged within 180 s of the start", round)
          .isGreaterThan(before);
      Thread.sleep(1000 + random.nextInt(2000));
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      for (Thread t : senders) {
        t.join();
      }
      // what the next start would find
      try (Database db = Database.open(new StoreConfig(dir, url, null), schema, 2);
          PostgresEvidenceStore store =
              new PostgresEvidenceStore(
                  db,
                  LedgerKeys.loadOrCreate(dir, StoreConfig.DEFAULT_ORIGIN),
                  StoreConfig.DEFAULT_ORIGIN,
                  Clock.systemUTC())) {
        Jdbi jdbi = db.jdbi();
        Set<String> stored =
            Set.copyOf(
                jdbi.withHandle(
                    h -> h.createQuery("select id from ops_report").mapTo(String.class).list()));
        assertThat(stored)
            .as("round %d: every acknowledged report is stored", round)
            .containsAll(acked);
        for (String table : List.of("incident_reports", "incident_versions")) {
          Set<String> leaves =
              Set.copyOf(
                  jdbi.withHandle(
                      h ->
                          h.createQuery("select incident_id from " + table)
                              .mapTo(String.class)
                              .list()));
          assertThat(leaves)
              .as("round %d: %s holds exactly the stored reports", round, table)
              .isEqualTo(stored);
        }
        Set<String> audited =
            Set.copyOf(
                jdbi.withHandle(
                    h ->
                        h.createQuery(
                                "select subject from audit_event where action = 'report.filed'")
                            .mapTo(String.class)
                            .list()));
        assertThat(audited)
            .as("round %d: every stored report is audited, and only those", round)
            .isEqualTo(stored);
        VerifyReport v = store.verifyLedger(0);
        assertThat(v.divergence())
            .as("round %d: the ledger verifies after the kill", round)
            .isEmpty();
        System.out.printf(
            "round %d: %d acknowledged so far, %d stored, ledger size %d%n",
            round, acked.size(), stored.size(), v.treeSize());
        if (round == KILLS - 1) {
          // issue 9, acceptance 2: after the kills, every output the service recorded follows from
          // the journal; outputs of entries it had not yet processed when killed are not compared
          Agreement agreement = ServerProcess.enforced();
          Reexecution.Result r = Reexecution.run(jdbi, agreement, EngineEnforcement.ref(agreement));
          long outputs =
              jdbi.withHandle(
                  h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
          System.out.printf(
              "re-execution: %d journal entries, %d of %d outputs matched, %d not yet recorded%n",
              r.journalEntries(), r.matched(), outputs, r.uncompared());
          assertThat(refusedReviews).as("reviews the service answered with an error").isEmpty();
          assertThat(r.divergence()).as("re-execution after %d kills", KILLS).isEmpty();
          // every recorded output, and enough of them to mean something: most rounds' verified
          // reports each raised a finding (three in four reports are verified)
          assertThat(r.matched())
              .as("every recorded output re-executed")
              .isEqualTo(outputs)
              .isGreaterThanOrEqualTo(KILLS * PER_ROUND / 4);
        }
      }
    }
  }
}
