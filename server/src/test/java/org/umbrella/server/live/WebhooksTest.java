package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/** Webhooks are signed, retried with backoff after failures, and every attempt is logged. */
class WebhooksTest {
  static TestServer t;
  static HttpServer receiver;
  static final AtomicInteger calls = new AtomicInteger();
  static final List<String[]> received = new CopyOnWriteArrayList<>();
  static final String SECRET = "s3cret-shared-with-receiver";

  @BeforeAll
  static void start() throws Exception {
    // the receiver is on this machine: the deployment allows loopback explicitly (--webhook-allow)
    t =
        new TestServer(
            org.umbrella.server.ServerOptions.defaults(0)
                .withWebhookAllow(java.util.List.of("127.0.0.1/32")));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new String[] {
                ex.getRequestHeaders().getFirst("Umbrella-Signature"),
                body,
                ex.getRequestHeaders().getFirst("Umbrella-Event")
              });
          int status = calls.incrementAndGet() <= 2 ? 503 : 204; // fail twice, then accept
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    t.close();
  }

  @Test
  void event_isDeliveredSignedAfterTwoFailures_withEveryAttemptLogged() throws Exception {
    TestServer.Session admin = t.signIn(Role.ADMINISTRATOR);
    var created =
        t.postJson(
            "/api/v1/webhooks",
            admin,
            "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort()
                + "/hook\",\"secret\":\""
                + SECRET
                + "\",\"events\":\"report.filed\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(SECRET);
    assertThat(t.get("/api/v1/webhooks", admin).body()).doesNotContain(SECRET);

    TestServer.Session monitor = t.signIn(Role.MONITOR);
    assertThat(t.postJson("/api/v1/reports", monitor, TestServer.reportJson("hook")).statusCode())
        .isEqualTo(201);
    // the first attempt (503) is made by the worker; wait until it is on record, not just sent
    await(() -> attempts(admin) >= 1);
    assertThat(delivery(admin).get("status")).isEqualTo("pending");
    for (int attempt = 2; attempt <= 3; attempt++) {
      t.clock.advance(Duration.ofMinutes(1)); // past the backoff
      t.server.services().webhooks().deliverDue();
    }
    Map<String, Object> d = delivery(admin);
    assertThat(d.get("status")).isEqualTo("delivered");
    assertThat(((Number) d.get("attempts")).intValue()).isEqualTo(3);
    assertThat(received).hasSize(3);
    String[] last = received.get(2);
    assertThat(last[2]).isEqualTo("report.filed");
    String t0 = last[0].replaceAll("^t=(\\d+),v1=.*$", "$1");
    assertThat(last[0]).isEqualTo("t=" + t0 + ",v1=" + Webhooks.sign(SECRET, t0 + "." + last[1]));
    assertThat(Webhooks.sign("another secret!!", t0 + "." + last[1]))
        .isNotEqualTo(last[0].substring(last[0].indexOf("v1=") + 3));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> delivery(TestServer.Session admin) throws Exception {
    var items =
        (List<Map<String, Object>>)
            org.umbrella.server.http.Json.MAPPER
                .readValue(t.get("/api/v1/webhooks/deliveries", admin).body(), Map.class)
                .get("items");
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  static int attempts(TestServer.Session admin) {
    try {
      return ((Number) delivery(admin).get("attempts")).intValue();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
