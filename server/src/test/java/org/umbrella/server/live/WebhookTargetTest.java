package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * Webhook targets that reach inside the network are refused at registration, over HTTP, in every
 * spelling an outside probe used: loopback, the unspecified address, link-local and cloud metadata,
 * private ranges, numeric and shortened IPv4, IPv6 and IPv4-in-IPv6 forms, and URLs with userinfo;
 * and again at delivery, on the address connected to (a name that resolved to a public address at
 * registration and to loopback later is refused, and the receiver there hears nothing). A network
 * the deployment allows is reached; the delivery log tells a closed port from an open non-HTTP one
 * no more than "no HTTP answer"; a webhook can be deleted.
 */
class WebhookTargetTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static final List<String> INTERNAL =
      List.of(
          "http://127.0.0.1:8080/hook",
          "http://localhost/hook",
          "http://LOCALHOST./hook",
          "http://sub.localhost/hook",
          "http://0.0.0.0/",
          "http://0/",
          "http://169.254.169.254/latest/meta-data/",
          "http://metadata.google.internal/computeMetadata/v1/",
          "http://metadata/",
          "http://2130706433/",
          "http://0x7f000001/",
          "http://0177.0.0.1/",
          "http://127.1/",
          "http://017700000001/",
          "http://[::1]/",
          "http://[::]/",
          "http://[0:0:0:0:0:0:0:1]/",
          "http://[::ffff:127.0.0.1]/",
          "http://[::ffff:7f00:1]/",
          "http://[::127.0.0.1]/",
          "http://[fe80::1]/",
          "http://[fd00::1]/",
          "http://[64:ff9b::7f00:1]/",
          "http://[2002:7f00:1::]/",
          "http://10.0.0.1/",
          "http://192.168.1.1/",
          "http://172.16.0.1/",
          "http://100.64.0.1/",
          "http://198.18.0.1/",
          "http://224.0.0.1/",
          "http://255.255.255.255/",
          "http://user:pass@hooks.example.org/",
          "http://user@hooks.example.org/",
          "ftp://hooks.example.org/",
          "file:///etc/passwd",
          "gopher://127.0.0.1:6379/_");

  @Test
  void internalTargets_areRefusedAtRegistration_namingTheField_andNothingIsStored() {
    TestServer.Session admin = t.signIn(Role.ADMINISTRATOR);
    List<String> accepted = new ArrayList<>();
    for (String url : INTERNAL) {
      HttpResponse<String> r =
          t.postJson(
              "/api/v1/webhooks",
              admin,
              "{\"url\":\"" + url + "\",\"secret\":\"0123456789abcdef0123\",\"events\":\"*\"}");
      if (r.statusCode() != 400 || !"/url".equals(TestServer.field(r.body(), "field"))) {
        accepted.add(url + " -> " + r.statusCode() + " " + r.body());
      }
    }
    assertThat(accepted).as("internal webhook targets not refused with 400 naming /url").isEmpty();
    assertThat(t.get("/api/v1/webhooks", admin).body()).contains("\"items\":[]");
  }

  /** A receiver on this machine that counts what it is sent. */
  static final class Receiver implements AutoCloseable {
    final com.sun.net.httpserver.HttpServer server;
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    Receiver() throws java.io.IOException {
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          ex -> {
            ex.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
          });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void aNameThatRebindsToLoopbackAfterRegistration_isRefusedAtDelivery_andTheReceiverHearsNothing()
      throws Exception {
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    // first answer public (a registration-time check passes), then loopback (the attacker's DNS
    // rebinds)
    WebhookTargets.Resolver rebinding =
        host ->
            lookups.getAndIncrement() == 0
                ? List.of(
                    java.net.InetAddress.getByAddress(
                        host, new byte[] {93, (byte) 184, (byte) 216, 34}))
                : List.of(java.net.InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
    try (Receiver receiver = new Receiver();
        Webhooks hooks =
            new Webhooks(
                t.server.services().jdbi(),
                t.clock,
                java.time.Duration.ofSeconds(1),
                new WebhookTargets(List.of(), rebinding))) {
      hooks.start(java.time.Duration.ofHours(1));
      long id =
          hooks.add(
              "http://hooks.rebind.example:" + receiver.port() + "/hook",
              "0123456789abcdef0123",
              "*",
              "test");
      hooks.enqueue(new Event("status.changed", "s", "rebinding", "public", t.clock.instant()));
      hooks.deliverDue();
      assertThat(lookups.get()).as("resolved again at delivery").isGreaterThanOrEqualTo(2);
      assertThat(receiver.calls.get()).isZero();
      java.util.Map<String, Object> d =
          hooks.deliveries(10).stream()
              .filter(x -> x.get("webhook").equals(id))
              .findFirst()
              .orElseThrow();
      assertThat(d.get("last-error")).isEqualTo(Webhooks.BLOCKED);
      assertThat(d.get("last-code")).isNull();
      assertThat(hooks.delete(id, "test")).isTrue();
    }
  }
}
