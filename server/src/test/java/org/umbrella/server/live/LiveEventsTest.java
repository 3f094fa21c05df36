package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/** Server-Sent Events reach open pages, each hearing only what its account may see. */
class LiveEventsTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void events_reachListeners_filteredByAudience() throws Exception {
    List<String> publicHeard = listen(null);
    List<String> verifierHeard = listen(t.signIn(Role.VERIFIER));
    List<String> otherBodyHeard = listen(t.signIn(Role.OBSERVER));
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (t.server.liveClients() < 3 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    String id =
        TestServer.field(
            t.postJson("/api/v1/reports", monitor, TestServer.reportJson("live")).body(), "id");
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    t.postJson("/api/v1/reports/" + id + "/reviews", verifier, "{\"status\":\"corroborated\"}");
    t.postJson("/api/v1/reports/" + id + "/reviews", verifier, "{\"status\":\"verified\"}");
    t.candidate("f-live", "other-body", "RU"); // deliberation of a body the US is not on
    while (!verifierHeard.contains("event: report.reviewed") && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    assertThat(verifierHeard).contains("event: report.filed", "event: report.reviewed");
    assertThat(publicHeard)
        .contains("event: report.reviewed")
        .doesNotContain("event: report.filed");
    assertThat(otherBodyHeard).doesNotContain("event: finding.candidate");
    assertThat(publicHeard).doesNotContain("event: finding.candidate");
  }

  static List<String> listen(TestServer.Session s) {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(t.base() + "/events"))
            .header("Accept", "text/event-stream");
    if (s != null) {
      b.header("Cookie", "umbrella_session=" + s.cookie());
    }
    t.http
        .sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
        .thenAccept(
            r -> {
              Thread.ofVirtual()
                  .start(
                      () -> {
                        try (InputStream in = r.body();
                            BufferedReader reader =
                                new BufferedReader(
                                    new InputStreamReader(in, StandardCharsets.UTF_8))) {
                          String line;
                          while ((line = reader.readLine()) != null) {
                            lines.add(line);
                          }
                        } catch (java.io.IOException closed) {
                          // the server stopped
                        }
                      });
            });
    return lines;
  }
}
