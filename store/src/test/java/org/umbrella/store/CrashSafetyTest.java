package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a store-backed ingest process receives reports from this (second) process and is
 * killed with SIGKILL at random moments, eleven times. After each kill and restart every
 * acknowledged report is stored, nothing unacknowledged is half-stored, and the ledger verifies.
 */
class CrashSafetyTest {
  static final int KILLS = 11;

  @Test
  void sigkillAtRandomMoments_losesNoAcknowledgedReport_andLeavesTheLedgerValid() throws Exception {
    String url = TestDatabases.url("embedded");
    String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dir = Files.createTempDirectory("umbrella-crash");
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> sent = ConcurrentHashMap.newKeySet();
    Random random = new Random(4242);
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int round = 0; round < KILLS; round++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  IngestServer.class.getName(),
                  url,
                  schema,
                  dir.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("round %d: the service starts", round).isEqualTo("READY");
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("ACK ")) {
                          acked.add(line.substring(4));
                        }
                      }
                    } catch (IOException e) {
                      // the process was killed mid-line
                    }
                  });
      final int r = round;
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (OutputStream in = p.getOutputStream()) {
                      for (int i = 0; ; i++) {
                        String id = "crash-" + r + "-" + i;
                        sent.add(id);
                        in.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                        in.flush();
                        Thread.sleep(
                            2); // about 400 reports a second: a busy monitoring desk, not a flood
                      }
                    } catch (IOException | InterruptedException e) {
                      // the process died
                    }
                  });
      Thread.sleep(800 + random.nextInt(1700));
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      writer.join();
      reader.join();
      // restart (here: open the store as the next process would) and check
      try (PostgresEvidenceStore s =
          PostgresEvidenceStore.owning(
              Database.open(new StoreConfig(dir, url, null), schema),
              LedgerKeys.loadOrCreate(dir, StoreConfig.DEFAULT_ORIGIN),
              StoreConfig.DEFAULT_ORIGIN,
              Clock.systemUTC())) {
        Set<String> stored = storedIds(s);
        assertThat(stored)
            .as("round %d: every acknowledged report is stored", round)
            .containsAll(acked);
        assertThat(sent)
            .as("round %d: nothing stored that was not sent", round)
            .containsAll(stored);
        VerifyReport v = s.verifyLedger(0);
        assertThat(v.divergence()).as("round %d: ledger verifies after the kill", round).isEmpty();
        assertThat(v.leavesChecked()).isEqualTo(s.count("incident_versions"));
        System.out.printf(
            "round %d: %d sent, %d acknowledged, %d stored, ledger size %d%n",
            round, sent.size(), acked.size(), stored.size(), v.treeSize());
      }
    }
    assertThat(acked).hasSizeGreaterThan(KILLS * 10);
  }

  static Set<String> storedIds(PostgresEvidenceStore s) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = s.database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select incident_id from incident_versions")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  static List<String> unused() {
    return List.of();
  }
}
