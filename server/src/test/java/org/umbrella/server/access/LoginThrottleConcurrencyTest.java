package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.umbrella.server.Browser;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;

/**
 * Sign-in throttling under real parallel requests, over HTTP: twenty simultaneous wrong passwords
 * for one account from one address get at most the limit (5) password checks; strangers failing at
 * an account from many addresses do not lock its owner's own browser out, and lock a new browser
 * out for no longer than the documented window (docs/server.md, "Login throttling").
 */
class LoginThrottleConcurrencyTest {
  TestServer t;

  @BeforeEach
  void start() {
    t = new TestServer();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void twentySimultaneousWrongPasswords_fromOneAddress_atMostTheLimitAreTried() throws Exception {
    int n = 20;
    List<Browser> browsers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Browser b = new Browser(t.base());
      b.session(); // each has its own pre-session, as twenty tabs would
      browsers.add(b);
    }
    CyclicBarrier start = new CyclicBarrier(n);
    List<Integer> codes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (Browser b : browsers) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return b.send(
                          "POST",
                          "/api/v1/session",
                          "application/json",
                          "{\"username\":\"observer\",\"password\":\"not the password at all\"}")
                      .statusCode();
                }));
      }
      for (Future<Integer> f : answers) {
        codes.add(f.get());
      }
    }
    long tried = codes.stream().filter(c -> c == 401).count();
    long refused = codes.stream().filter(c -> c == 429).count();
    assertThat(tried + refused).as("every answer is 401 or 429: %s", codes).isEqualTo(n);
    assertThat(tried)
        .as("passwords checked out of %d simultaneous attempts (limit 5): %s", n, codes)
        .isLessThanOrEqualTo(5);
    long failedAudits =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from audit_event where action = 'session.failed'")
                        .mapTo(Long.class)
                        .one());
    assertThat(failedAudits).isEqualTo(tried);
  }

  @Test
  void
      strangersFailingFromManyAddresses_doNotLockTheOwnersBrowserOut_andANewBrowserOnlyForTheWindow() {
    Browser own = new Browser(t.base(), "127.0.0.1");
    assertThat(own.signIn("administrator", TestServer.PASSWORD).statusCode()).isEqualTo(200);
    own.send("DELETE", "/api/v1/session", null, null);

    // 8 strangers at 8 addresses, 5 wrong passwords each, for the administrator
    int refusedStrangers = 0;
    for (int a = 2; a < 10; a++) {
      Browser stranger = new Browser(t.base(), "127.0.0." + a);
      for (int i = 0; i < 5; i++) {
        int code = stranger.signIn("administrator", "guess " + a + "-" + i).statusCode();
        assertThat(code).isIn(401, 429);
        refusedStrangers += code == 429 ? 1 : 0;
      }
    }
    assertThat(refusedStrangers).as("strangers are throttled on the account too").isGreaterThan(0);

    // the administrator's own browser (it signed in here before) is not locked out by them
    HttpResponse<String> mine = own.signIn("administrator", TestServer.PASSWORD);
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);

    // a browser never used for this account waits for the window, and no longer
    Browser fresh = new Browser(t.base(), "127.0.0.20");
    HttpResponse<String> locked = fresh.signIn("administrator", TestServer.PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    t.clock.advance(Duration.ofSeconds(retryAfter));
    assertThat(fresh.signIn("administrator", TestServer.PASSWORD).statusCode()).isEqualTo(200);
  }
}
