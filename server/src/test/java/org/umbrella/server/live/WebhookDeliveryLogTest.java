package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * A deployment that allows its own network ({@code --webhook-allow 127.0.0.0/8} here) reaches a
 * receiver there; other private networks stay refused; the delivery log says of a closed port and
 * of an open port that speaks no HTTP the same thing ("no HTTP answer"), so that it cannot be used
 * to scan; and a webhook can be deleted (by the administrator only), audited.
 */
class WebhookDeliveryLogTest {
  static TestServer allowing;

  @BeforeAll
  static void start() {
    allowing =
        new TestServer(
            org.umbrella.server.ServerOptions.defaults(0).withWebhookAllow(List.of("127.0.0.0/8")));
  }

  @AfterAll
  static void stop() {
    allowing.close();
  }

  @Test
  void anAllowedNetworkIsReached_theLogHasOnlyAFailureClass_andAWebhookCanBeDeleted()
      throws Exception {
    try (WebhookTargetTest.Receiver receiver = new WebhookTargetTest.Receiver();
        java.net.ServerSocket notHttp =
            new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!notHttp.isClosed()) {
                  try (java.net.Socket s = notHttp.accept()) {
                    s.getOutputStream()
                        .write(
                            "SSH-2.0-OpenSSH_9.6\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  } catch (java.io.IOException closed) {
                    return;
                  }
                }
              });
      int closedPort;
      try (java.net.ServerSocket probe =
          new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
        closedPort = probe.getLocalPort();
      }
      TestServer.Session admin = allowing.signIn(Role.ADMINISTRATOR);
      long http = webhook(allowing, admin, "http://127.0.0.1:" + receiver.port() + "/hook");
      long open = webhook(allowing, admin, "http://127.0.0.1:" + notHttp.getLocalPort() + "/hook");
      long closed = webhook(allowing, admin, "http://127.0.0.1:" + closedPort + "/hook");
      assertThat(
              allowing
                  .postJson(
                      "/api/v1/webhooks",
                      admin,
                      "{\"url\":\"http://10.1.2.3/hook\",\"secret\":\"0123456789abcdef0123\"}")
                  .statusCode())
          .as("only what is allowed")
          .isEqualTo(400);

      allowing.engineOutput(
          new org.umbrella.engine.output.StatusRecord(
              "st-hook",
              allowing.clock.instant(),
              "hook",
              org.umbrella.engine.output.GuaranteeStatus.ACTIVE,
              org.umbrella.engine.output.GuaranteeStatus.INACTIVE,
              new org.umbrella.engine.output.Cause(
                  "hook", "seeded by the test", java.util.List.of(), java.util.List.of())));
      long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
      while (attempted(allowing, admin) < 3 && System.nanoTime() < end) {
        allowing.server.services().webhooks().deliverDue();
        Thread.sleep(50);
      }
      assertThat(receiver.calls.get()).isEqualTo(1);
      java.util.Map<Long, java.util.Map<String, Object>> log = new java.util.HashMap<>();
      allowing
          .server
          .services()
          .webhooks()
          .deliveries(50)
          .forEach(d -> log.putIfAbsent((Long) d.get("webhook"), d));
      assertThat(log.get(http).get("status")).isEqualTo("delivered");
      assertThat(log.get(open).get("last-error"))
          .as("an open port that speaks no HTTP")
          .isEqualTo(Webhooks.NETWORK);
      assertThat(log.get(closed).get("last-error"))
          .as("a closed port: the same words")
          .isEqualTo(Webhooks.NETWORK);
      assertThat(log.get(open).get("last-code")).isNull();

      assertThat(
              allowing.send("DELETE", "/api/v1/webhooks/" + closed, admin, null, null).statusCode())
          .isEqualTo(204);
      assertThat(
              allowing.send("DELETE", "/api/v1/webhooks/" + closed, admin, null, null).statusCode())
          .isEqualTo(404);
      assertThat(allowing.get("/api/v1/webhooks", admin).body())
          .doesNotContain("127.0.0.1:" + closedPort);
      assertThat(allowing.get("/api/v1/audit", admin).body()).contains("webhook.deleted");
      assertThat(
              allowing
                  .send(
                      "DELETE",
                      "/api/v1/webhooks/" + open,
                      allowing.signIn(Role.MONITOR),
                      null,
                      null)
                  .statusCode())
          .isEqualTo(403);
    }
  }

  static long webhook(TestServer server, TestServer.Session admin, String url) {
    HttpResponse<String> r =
        server.postJson(
            "/api/v1/webhooks",
            admin,
            "{\"url\":\"" + url + "\",\"secret\":\"0123456789abcdef0123\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
  }

  static long attempted(TestServer server, TestServer.Session admin) {
    return server.server.services().webhooks().deliveries(50).stream()
        .filter(d -> ((Number) d.get("attempts")).intValue() > 0)
        .count();
  }
}
