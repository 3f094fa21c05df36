package org.umbrella.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.server.Redaction;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Audit;

/**
 * Signed webhooks with retries and a delivery log.
 *
 * <p>Each event a webhook subscribes to becomes a delivery row, POSTed as JSON with the headers
 * {@code Umbrella-Event}, {@code Umbrella-Delivery} and {@code Umbrella-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body" under the webhook's secret>}. A 2xx answer marks it
 * delivered; anything else is retried after 1 s, 2 s, 4 s ... (doubling, capped at 10 minutes)
 * until {@link #MAX_ATTEMPTS}, then marked failed. Every attempt's outcome is in the log, as a
 * class only: the HTTP status a receiver answered, or "blocked" (the target's address is not
 * allowed, {@link WebhookTargets}), or "network" (no HTTP answer: refused, timed out, reset, not
 * HTTP, TLS), so that the log cannot be used to tell closed ports from open ones. Deliveries
 * survive restarts (they are rows).
 *
 * <p>Targets are checked at registration and again at each connection: the HTTP client (Jetty's,
 * which lets the resolver be replaced) resolves every host through {@link
 * WebhookTargets#addresses}, so it connects only to the addresses just checked (no DNS rebinding
 * between check and use), follows no redirects, keeps no cookies and uses no proxy.
 */
public final class Webhooks implements AutoCloseable {
  /** Attempts before a delivery is marked failed. */
  public static final int MAX_ATTEMPTS = 8;

  /** The delivery log's entry for a target whose address is not allowed. */
  public static final String BLOCKED =
      "blocked: the target's address is not public (nor allowed by --webhook-allow)";

  /** The delivery log's entry for an attempt that got no HTTP answer, whatever the reason. */
  public static final String NETWORK = "network: no HTTP answer from the target";

  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final WebhookTargets targets;
  private final HttpClient http;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "umbrella-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final Duration firstBackoff;

  /** Whether any webhook is active: when none is, events cost nothing here. */
  private volatile boolean anyActive;

  private final AtomicBoolean passQueued = new AtomicBoolean();

  /** Webhooks to public addresses only. */
  public Webhooks(Jdbi jdbi, Clock clock, Duration firstBackoff) {
    this(jdbi, clock, firstBackoff, WebhookTargets.publicOnly());
  }

  /** Webhooks to the targets {@code targets} allows. */
  public Webhooks(Jdbi jdbi, Clock clock, Duration firstBackoff, WebhookTargets targets) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.firstBackoff = firstBackoff;
    this.targets = targets;
    this.http = client(targets);
  }

  private static HttpClient client(WebhookTargets targets) {
    HttpClient c = new HttpClient();
    QueuedThreadPool pool = new QueuedThreadPool(8, 1);
    pool.setName("umbrella-webhook-http");
    pool.setDaemon(true);
    c.setExecutor(pool);
    c.setScheduler(new ScheduledExecutorScheduler("umbrella-webhook-timer", true));
    c.setFollowRedirects(false);
    c.setHttpCookieStore(new HttpCookieStore.Empty());
    c.setConnectTimeout(5_000);
    c.setIdleTimeout(10_000);
    c.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Umbrella-Webhooks"));
    // the connection goes to exactly the addresses this check returns
    c.setSocketAddressResolver(
        (host, port, context, promise) -> {
          try {
            promise.succeeded(
                targets.addresses(host).stream().map(a -> new InetSocketAddress(a, port)).toList());
          } catch (WebhookTargets.Refused e) {
            promise.failed(e);
          }
        });
    return c;
  }

  /** Starts polling for due deliveries every {@code period}. */
  public void start(Duration period) {
    try {
      http.start();
    } catch (Exception e) {
      throw new IllegalStateException("the webhook HTTP client did not start", e);
    }
    anyActive =
        jdbi.withHandle(
                h ->
                    h.createQuery("select count(*) from webhook where active")
                        .mapTo(Long.class)
                        .one())
            > 0;
    // deliverDue catches and logs its own failures, so the future has nothing to report
    var unused =
        worker.scheduleWithFixedDelay(
            this::deliverDue, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Adds a webhook.
   *
   * @throws DomainError 400 for a URL that is not http(s), carries user information, or reaches an
   *     address that is not public nor allowed; or a secret under 16 characters
   */
  public long add(String url, String secret, String events, String actor) {
    return add(new NewWebhook(url, secret, events), actor);
  }

  /**
   * Adds the webhook {@code w} describes, once its host is found to reach only addresses deliveries
   * may go to (public, or allowed by {@code --webhook-allow}).
   *
   * @throws DomainError 400 naming {@code /url} for a host that reaches another address
   */
  public long add(NewWebhook w, String actor) {
    targets.check(w.url());
    String url = w.url();
    String secret = w.secret();
    String events = w.events();
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          long id =
              h.createUpdate(
                      "insert into webhook (url, secret, events, created_at) values (:u, :s, :e, :now)")
                  .bind("u", url)
                  .bind("s", secret)
                  .bind("e", events)
                  .bind("now", now)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          Audit.record(
              h,
              now,
              actor,
              "webhook.created",
              String.valueOf(id),
              Map.of("url", url, "events", events));
          anyActive = true;
          return id;
        });
  }

  /**
   * Deletes webhook {@code id}, its secret and its delivery log (pending deliveries are not made);
   * audited. False when there is no such webhook.
   */
  public boolean delete(long id, String actor) {
    Instant now = clock.instant();
    boolean deleted =
        jdbi.inTransaction(
            h -> {
              Optional<String> url =
                  h.createQuery("select url from webhook where id = :id for update")
                      .bind("id", id)
                      .mapTo(String.class)
                      .findOne();
              if (url.isEmpty()) {
                return false;
              }
              h.createUpdate("delete from webhook where id = :id").bind("id", id).execute();
              Audit.record(
                  h, now, actor, "webhook.deleted", String.valueOf(id), Map.of("url", url.get()));
              return true;
            });
    if (deleted) {
      anyActive =
          jdbi.withHandle(
                  h ->
                      h.createQuery("select count(*) from webhook where active")
                          .mapTo(Long.class)
                          .one())
              > 0;
    }
    return deleted;
  }

  /** Webhooks as listed (without secrets). */
  public List<Map<String, Object>> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id, url, events, active, created_at from webhook order by id")
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("id", rs.getLong("id"));
                      m.put("url", rs.getString("url"));
                      m.put("events", rs.getString("events"));
                      m.put("active", rs.getBoolean("active"));
                      m.put("created-at", rs.getTimestamp("created_at").toInstant().toString());
                      return m;
                    })
                .list());
  }

  /** The latest deliveries. */
  public List<Map<String, Object>> deliveries(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, webhook_id, event_type, attempts, status, last_code, last_error, created_at, delivered_at
            from webhook_delivery order by id desc limit :l""")
                .bind("l", limit)
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("id", rs.getLong("id"));
                      m.put("webhook", rs.getLong("webhook_id"));
                      m.put("event", rs.getString("event_type"));
                      m.put("attempts", rs.getInt("attempts"));
                      m.put("status", rs.getString("status"));
                      m.put("last-code", rs.getObject("last_code"));
                      m.put("last-error", rs.getString("last_error"));
                      m.put("created-at", rs.getTimestamp("created_at").toInstant().toString());
                      m.put(
                          "delivered-at",
                          rs.getTimestamp("delivered_at") == null
                              ? null
                              : rs.getTimestamp("delivered_at").toInstant().toString());
                      return m;
                    })
                .list());
  }

  /** Queues {@code event} for every active webhook subscribed to its type. */
  public void enqueue(Event event) {
    if (!anyActive) {
      return;
    }
    String payload = payload(event);
    Instant now = clock.instant();
    int queued =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
            insert into webhook_delivery (webhook_id, event_type, payload, status, next_attempt, created_at)
            select id, :type, :p, 'pending', :now, :now from webhook
            where active and (events = '*' or (',' || events || ',') like ('%,' || :type || ',%'))""")
                    .bind("type", event.type())
                    .bind("p", payload)
                    .bind("now", now)
                    .execute());
    // one delivery pass queued at a time, however many events arrive meanwhile
    if (queued > 0 && passQueued.compareAndSet(false, true)) {
      worker.execute(
          () -> {
            passQueued.set(false);
            deliverDue();
          });
    }
  }

  /**
   * Attempts every delivery that is due; called by the worker.
   *
   * <p>Synchronized: a pass reads each row's attempt count and writes it back after the HTTP call,
   * so two overlapping passes (the worker's and a direct call) would deliver twice and lose an
   * attempt from the log.
   */
  public synchronized void deliverDue() {
    try {
      List<Due> due =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          """
              select d.id, d.event_type, d.payload, d.attempts, w.url, w.secret from webhook_delivery d
              join webhook w on w.id = d.webhook_id
              where d.status = 'pending' and d.next_attempt <= :now order by d.id limit 100""")
                      .bind("now", clock.instant())
                      .map(
                          (rs, ctx) ->
                              new Due(
                                  rs.getLong("id"),
                                  rs.getString("event_type"),
                                  rs.getString("payload"),
                                  rs.getInt("attempts"),
                                  rs.getString("url"),
                                  rs.getString("secret")))
                      .list());
      for (Due d : due) {
        attempt(d.id(), d.eventType(), d.payload(), d.attempts(), d.url(), d.secret());
      }
    } catch (RuntimeException e) {
      LOG.warn("webhook delivery pass failed: {}", Redaction.describe(e));
    }
  }

  private void attempt(
      long id, String type, String payload, int attempts, String url, String secret) {
    long t = clock.instant().getEpochSecond();
    Integer code = null;
    String error = null;
    try {
      ContentResponse r =
          http.newRequest(WebhookTargets.parse(url))
              .method(HttpMethod.POST)
              .timeout(10, TimeUnit.SECONDS)
              .headers(
                  h ->
                      h.put("Umbrella-Event", type)
                          .put("Umbrella-Delivery", String.valueOf(id))
                          .put(
                              "Umbrella-Signature",
                              "t=" + t + ",v1=" + sign(secret, t + "." + payload)))
              .body(new StringRequestContent("application/json", payload, StandardCharsets.UTF_8))
              .send();
      code = r.getStatus();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (WebhookTargets.Refused e) {
      error = BLOCKED;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      error = blocked(e) ? BLOCKED : NETWORK;
      LOG.debug("webhook delivery {} got no answer: {}", id, e.getClass().getName());
    }
    int n = attempts + 1;
    boolean ok = code != null && code >= 200 && code < 300;
    String status = ok ? "delivered" : n >= MAX_ATTEMPTS ? "failed" : "pending";
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(n - 1, 20));
    if (backoff.compareTo(Duration.ofMinutes(10)) > 0) {
      backoff = Duration.ofMinutes(10);
    }
    Instant now = clock.instant();
    Integer finalCode = code;
    String finalError = error == null && !ok ? "HTTP " + code : error;
    Instant next = now.plus(backoff);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            update webhook_delivery set attempts = :n, status = :s, last_code = :c, last_error = :e,
              next_attempt = :next, delivered_at = :done where id = :id""")
                .bind("n", n)
                .bind("s", status)
                .bind("c", finalCode)
                .bind("e", ok ? null : finalError)
                .bind("next", ok ? null : next)
                .bind("done", ok ? now : null)
                .bind("id", id)
                .execute());
    if (!ok && "pending".equals(status)) {
      var unused =
          worker.schedule(
              this::deliverDue, backoff.toMillis(), TimeUnit.MILLISECONDS); // as in start
    }
  }

  /** Hex HMAC-SHA256 of {@code message} under {@code secret}: what receivers recompute. */
  public static String sign(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
    }
  }

  static String payload(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type());
    m.put("subject", e.subject());
    m.put("summary", e.summary());
    m.put("audience", e.audience());
    m.put("at", e.at().toString());
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** A delivery that is due, with its webhook's address and secret (every column is NOT NULL). */
  private record Due(
      long id, String eventType, String payload, int attempts, String url, String secret) {}

  @SuppressWarnings(
      "ReferenceEquality") // a cause chain ends where a throwable is its own cause: identity is the
  // test
  private static boolean blocked(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof WebhookTargets.Refused) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      http.stop();
    } catch (Exception e) {
      LOG.debug("webhook HTTP client did not stop cleanly: {}", e.toString());
    }
  }
}
