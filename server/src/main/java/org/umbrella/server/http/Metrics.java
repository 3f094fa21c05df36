package org.umbrella.server.http;

import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.umbrella.server.access.Permission;
import org.umbrella.server.cluster.ClusterHealth;
import org.umbrella.server.cluster.ClusterStatus;
import org.umbrella.server.ops.EngineQueue;

/**
 * Prometheus metrics of one server: requests by route template, method and status; latency
 * histogram; JVM metrics (heap, GC, threads); live SSE clients; the engine's lag (changes queued,
 * age of the oldest, the queue's limit). Served in the text format.
 */
public final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder()
          .name("umbrella_http_requests_total")
          .help("HTTP requests by route template, method and status")
          .labelNames("route", "method", "status")
          .register(registry);
  private final Histogram latency =
      Histogram.builder()
          .name("umbrella_http_request_duration_seconds")
          .help("HTTP request latency by route template")
          .labelNames("route")
          .register(registry);

  private final Gauge sse =
      Gauge.builder()
          .name("umbrella_sse_clients")
          .help("Open Server-Sent Events connections")
          .register(registry);
  private final Gauge engineDepth =
      Gauge.builder()
          .name("umbrella_engine_queue_depth")
          .help("Accepted changes the enforcement engine has not finished yet")
          .register(registry);
  private final Gauge engineAge =
      Gauge.builder()
          .name("umbrella_engine_queue_oldest_age_seconds")
          .help("How long the oldest change not yet seen by the engine has waited")
          .register(registry);
  private final Gauge engineLimit =
      Gauge.builder()
          .name("umbrella_engine_queue_limit")
          .help(
              "Filed reports the engine may lag behind by before filing is slowed, then refused with 503")
          .register(registry);
  private final Gauge clusterLeader =
      Gauge.builder()
          .name("umbrella_cluster_leader")
          .help(
              "Cluster mode: 1 while this instance leads the agreement (ships the journal, writes the ledger)")
          .register(registry);
  private final Gauge clusterLeaderships =
      Gauge.builder()
          .name("umbrella_cluster_leaderships")
          .help("Cluster mode: how often this instance became leader since it started")
          .register(registry);
  private final Gauge clusterOutputLag =
      Gauge.builder()
          .name("umbrella_cluster_output_lag")
          .help("Cluster mode, leader: committed outputs on the output topic not yet recorded")
          .register(registry);
  private final Gauge clusterShipLag =
      Gauge.builder()
          .name("umbrella_cluster_unrecorded_entries")
          .help(
              "Cluster mode, leader: journal entries shipped whose outputs are not recorded yet (an upper bound: entries without outputs count too)")
          .register(registry);
  private final Gauge streamsRunning =
      Gauge.builder()
          .name("umbrella_streams_running")
          .help("Cluster mode: 1 while the Streams instance beside this service is RUNNING")
          .register(registry);
  private final Gauge streamsRebalances =
      Gauge.builder()
          .name("umbrella_streams_rebalances")
          .help("Cluster mode: rebalances of the Streams instance since it started")
          .register(registry);
  private final Gauge streamsActive =
      Gauge.builder()
          .name("umbrella_streams_active_tasks")
          .help("Cluster mode: engine tasks this Streams instance runs")
          .register(registry);
  private final Gauge streamsStandby =
      Gauge.builder()
          .name("umbrella_streams_standby_tasks")
          .help("Cluster mode: engine tasks this Streams instance keeps a warm standby copy of")
          .register(registry);
  private final Gauge streamsStoreLag =
      Gauge.builder()
          .name("umbrella_streams_store_lag")
          .help(
              "Cluster mode: records the local stores are behind their changelogs (-1: not known during a rebalance)")
          .register(registry);
  private final DoubleSupplier sseClients;
  private final EngineQueue engine;
  private final Supplier<Optional<ClusterHealth>> cluster;

  public Metrics(DoubleSupplier sseClients, EngineQueue engine) {
    this(sseClients, engine, Optional::empty);
  }

  /**
   * With cluster mode's health ({@code serve --kafka}), shown by {@code /metrics} and {@code
   * /health}.
   */
  public Metrics(
      DoubleSupplier sseClients, EngineQueue engine, Supplier<Optional<ClusterHealth>> cluster) {
    this.sseClients = sseClients;
    this.engine = engine;
    this.cluster = cluster;
    JvmMetrics.builder().register(registry);
  }

  /** Cluster mode's health now, if the service runs in cluster mode. */
  public Optional<ClusterHealth> cluster() {
    return cluster.get();
  }

  /** Records one finished request. */
  public void observe(Context ctx, long startNanos) {
    // ctx.endpoint() in an after-handler is the after-handler itself ("*"); the series must name
    // the HTTP endpoint the request matched
    io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    String route = matched == null ? "unmatched" : matched.path;
    requests.labelValues(route, ctx.method().name(), String.valueOf(ctx.statusCode())).inc();
    latency.labelValues(route).observe((System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * {@code GET /metrics} as a route behind the gate like every other: they tell when votes, answers
   * and reviews happen (request counts by route) and how the JVM fares, so only the administrator,
   * or an API token scoped to {@code read-metrics} (what a Prometheus scraper should hold), reads
   * them.
   */
  public Route route() {
    return new Route(
        io.javalin.http.HandlerType.GET,
        "/metrics",
        Permission.READ_METRICS,
        Route.ScopeResolver.NONE,
        (ctx, p) -> serve(ctx),
        "Prometheus metrics (administrator, or a token scoped to read-metrics)",
        null,
        false);
  }

  /** Handler for {@code GET /metrics}. */
  public void serve(Context ctx) {
    sse.set(sseClients.getAsDouble());
    engineDepth.set(engine.depth());
    engineAge.set(engine.oldestAge().toNanos() / 1e9);
    engineLimit.set(engine.limit());
    cluster()
        .ifPresent(
            c -> {
              clusterLeader.set(c.leader() ? 1 : 0);
              clusterLeaderships.set(c.leaderships());
              clusterOutputLag.set(c.bridge().map(ClusterStatus::outputLag).orElse(0L));
              clusterShipLag.set(
                  c.bridge()
                      .map(b -> Math.max(0, b.shippedThrough() - b.recordedThrough()))
                      .orElse(0L));
              streamsRunning.set("RUNNING".equals(c.streams().state()) ? 1 : 0);
              streamsRebalances.set(c.streams().rebalances());
              streamsActive.set(c.streams().activeTasks().size());
              streamsStandby.set(c.streams().standbyTasks().size());
              streamsStoreLag.set(
                  (double)
                      c.streams()
                          .storeLag()); // a lag past 2^53 records would lose digits; none will
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
  }
}
