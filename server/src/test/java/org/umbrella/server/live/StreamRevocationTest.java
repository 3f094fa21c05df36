package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.SseStream;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * Live streams end with their credentials, observed with an SSE client over HTTP: a stream opened
 * with an API token closes when the token is revoked and hears nothing after; a stream opened with
 * a session cookie closes at sign-out; a stream whose token expires is closed at the next event
 * instead of being sent it (the audience is checked against the credential as it is at each event).
 */
class StreamRevocationTest {
  static TestServer t;
  static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void tokenStream_hearsTheBodysVotes_untilTheTokenIsRevoked_thenCloses() throws Exception {
    TestServer.Session member = t.signIn(Role.BODY_MEMBER);
    HttpResponse<String> issued = t.postJson("/api/v1/me/tokens", member, "{\"label\":\"stream\"}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String token = TestServer.field(issued.body(), "token");
    try (SseStream stream =
        SseStream.open(t.http, t.base() + "/events", "Authorization", "Bearer " + token)
            .awaitConnected(WAIT)) {
      t.candidate("f-stream-1", "special-commission", "RU");
      TestServer.Session gb = signInAs("member-gb", "GB");
      assertThat(
              t.postJson("/api/v1/findings/f-stream-1/votes", gb, "{\"vote\":\"confirm\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(stream.awaitEvent(e -> e.type().equals("finding.voted"), WAIT))
          .as("the body member hears the vote")
          .isTrue();

      long tokenId =
          t.server
              .services()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select id from api_token where label = 'stream'")
                          .mapTo(Long.class)
                          .one());
      assertThat(t.send("DELETE", "/api/v1/me/tokens/" + tokenId, member, null, null).statusCode())
          .isEqualTo(204);
      assertThat(stream.awaitEnd(WAIT)).as("the stream ends when its token is revoked").isTrue();
      int heard = stream.events().size();
      t.candidate("f-stream-2", "special-commission", "RU");
      t.postJson("/api/v1/findings/f-stream-2/votes", gb, "{\"vote\":\"confirm\"}");
      Thread.sleep(300);
      assertThat(stream.events()).hasSize(heard);
    }
  }

  @Test
  void cookieStream_closesAtSignOut() throws Exception {
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    try (SseStream stream =
        SseStream.open(
                t.http, t.base() + "/events", "Cookie", "umbrella_session=" + verifier.cookie())
            .awaitConnected(WAIT)) {
      assertThat(t.send("DELETE", "/api/v1/session", verifier, null, null).statusCode())
          .isEqualTo(204);
      assertThat(stream.awaitEnd(WAIT)).as("the stream ends at sign-out").isTrue();
    }
  }

  @Test
  void expiredTokenStream_isClosedAtTheNextEvent_andNotSentIt() throws Exception {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    String expires = t.clock.instant().plus(Duration.ofHours(1)).toString();
    HttpResponse<String> issued =
        t.postJson(
            "/api/v1/me/tokens",
            monitor,
            "{\"label\":\"short\",\"expires-at\":\"" + expires + "\"}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String token = TestServer.field(issued.body(), "token");
    try (SseStream stream =
        SseStream.open(t.http, t.base() + "/events", "Authorization", "Bearer " + token)
            .awaitConnected(WAIT)) {
      assertThat(
              t.postJson("/api/v1/reports", monitor, TestServer.reportJson("before expiry"))
                  .statusCode())
          .isEqualTo(201);
      assertThat(stream.awaitEvent(e -> e.type().equals("report.filed"), WAIT)).isTrue();
      int heard = stream.events().size();
      t.clock.advance(Duration.ofHours(2));
      assertThat(
              t.postJson("/api/v1/reports", monitor, TestServer.reportJson("after expiry"))
                  .statusCode())
          .isEqualTo(201);
      assertThat(stream.awaitEnd(WAIT)).as("the stream of an expired token ends").isTrue();
      assertThat(stream.events()).as("nothing is sent once the token has expired").hasSize(heard);
    }
  }

  static TestServer.Session signInAs(String username, String party) {
    if (t.server.services().accounts().byUsername(username).isEmpty()) {
      t.server
          .services()
          .accounts()
          .create(
              username,
              username,
              Role.BODY_MEMBER,
              java.util.Optional.of(party),
              TestServer.PASSWORD);
    }
    return t.signIn(username, TestServer.PASSWORD);
  }
}
