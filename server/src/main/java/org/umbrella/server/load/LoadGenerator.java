package org.umbrella.server.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An open-loop load generator for a running server: report submissions and dashboard reads at fixed
 * rates for a bounded time, from its own process.
 *
 * <p>Requests are started on schedule whether or not earlier ones have finished, and latency is
 * measured from the scheduled start, so a slow server shows up as latency, not as a lower rate (no
 * coordinated omission); at most 256 requests are in flight, later ones wait for a slot and the
 * wait counts. Reports p50/p99/max per kind, errors by status, achieved rates, and the server's
 * heap (from {@code /metrics}) before and after.
 */
public final class LoadGenerator {
  /** What to run. */
  public record Plan(
      URI base, String token, int reportsPerSecond, int readsPerSecond, Duration duration) {
    public Plan {
      if (reportsPerSecond < 0 || readsPerSecond < 0 || reportsPerSecond + readsPerSecond == 0) {
        throw new IllegalArgumentException("rates must be non-negative and not both zero");
      }
      if (duration.isNegative()
          || duration.isZero()
          || duration.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("duration must be between 1 s and 1 h, was " + duration);
      }
    }
  }

  /** Latencies and outcomes of one kind of request. */
  static final class Series {
    final String name;
    final long[] latencies;
    final AtomicLong n = new AtomicLong();
    final LongAdder ok = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    Series(String name, int capacity) {
      this.name = name;
      this.latencies = new long[capacity];
    }

    void record(long nanos, @Nullable String error) {
      long i = n.getAndIncrement();
      if (i < latencies.length) {
        latencies[(int) i] = nanos;
      }
      if (error == null) {
        ok.increment();
      } else {
        errors.computeIfAbsent(error, e -> new LongAdder()).increment();
      }
    }

    String summary(double seconds) {
      int count = (int) Math.min(n.get(), latencies.length);
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      return String.format(
          "%-10s %8d requests  %7.1f/s  ok %8d  errors %s  latency ms p50 %.1f  p99 %.1f  max %.1f",
          name,
          n.get(),
          n.get() / seconds,
          ok.sum(),
          errors.isEmpty() ? "0" : errors.toString(),
          pct(sorted, 0.50),
          pct(sorted, 0.99),
          count == 0 ? 0.0 : sorted[count - 1] / 1e6);
    }

    static double pct(long[] sorted, double q) {
      return sorted.length == 0
          ? 0
          : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
  }

  private LoadGenerator() {}

  /**
   * Runs {@code plan}, printing progress every 10 s and a summary; returns the number of errors.
   */
  public static long run(Plan plan, PrintWriter out) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    long seconds = plan.duration().toSeconds();
    Series reports =
        new Series(
            "reports",
            (int) Math.min(Integer.MAX_VALUE - 8, (long) plan.reportsPerSecond() * seconds + 1000));
    Series reads =
        new Series(
            "dashboard",
            (int) Math.min(Integer.MAX_VALUE - 8, (long) plan.readsPerSecond() * seconds + 1000));
    out.println("heap before: " + heap(http, plan.base()));
    out.flush();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    long start = System.nanoTime();
    long end = start + plan.duration().toNanos();
    AtomicLong seq = new AtomicLong();
    schedule(
        scheduler,
        plan.reportsPerSecond(),
        end,
        () -> {
          long scheduled = System.nanoTime();
          HttpRequest req =
              HttpRequest.newBuilder(plan.base().resolve("/api/v1/reports"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + plan.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(report(seq.incrementAndGet())))
                  .build();
          send(http, req, scheduled, 201, reports);
        });
    schedule(
        scheduler,
        plan.readsPerSecond(),
        end,
        () -> {
          long scheduled = System.nanoTime();
          send(
              http,
              HttpRequest.newBuilder(plan.base().resolve("/"))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              scheduled,
              200,
              reads);
        });
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      double elapsed = (System.nanoTime() - start) / 1e9;
      out.printf("%5.0f s  reports %d  dashboard %d%n", elapsed, reports.n.get(), reads.n.get());
      out.flush();
    }
    scheduler.shutdown();
    Thread.sleep(2_000); // let in-flight requests finish
    double elapsed = plan.duration().toMillis() / 1000.0;
    out.println(reports.summary(elapsed));
    out.println(reads.summary(elapsed));
    out.println("heap after: " + heap(http, plan.base()));
    long errors =
        reports.errors.values().stream().mapToLong(LongAdder::sum).sum()
            + reads.errors.values().stream().mapToLong(LongAdder::sum).sum();
    out.println(errors == 0 ? "no errors" : errors + " errors");
    out.flush();
    return errors;
  }

  private static void schedule(ScheduledExecutorService s, int perSecond, long end, Runnable task) {
    if (perSecond == 0) {
      return;
    }
    long periodNanos = 1_000_000_000L / perSecond;
    var unused =
        s.scheduleAtFixedRate(
            () -> { // stopped by shutting s down; the task throws nothing
              if (System.nanoTime() < end) {
                Thread.ofVirtual().start(task);
              }
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
  }

  /**
   * At most this many requests in flight (each holds a connection); the rest wait, and the wait
   * counts as latency.
   */
  static final int MAX_IN_FLIGHT = 256;

  private static final Semaphore IN_FLIGHT = new Semaphore(MAX_IN_FLIGHT);

  private static void send(
      HttpClient http, HttpRequest req, long scheduled, int expected, Series series) {
    try {
      IN_FLIGHT.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
      series.record(
          System.nanoTime() - scheduled,
          r.statusCode() == expected ? null : "HTTP " + r.statusCode());
    } catch (IOException e) {
      // the message says which failure it was (refused, reset, closed mid-response, timed out)
      String why =
          e.getMessage() == null
              ? ""
              : ": " + e.getMessage().substring(0, Math.min(60, e.getMessage().length()));
      series.record(System.nanoTime() - scheduled, e.getClass().getSimpleName() + why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      IN_FLIGHT.release();
    }
  }

  /** A valid report near the line of contact, varied by {@code n}. */
  static String report(long n) {
    double lat = 48.35 + (n % 100) * 0.001;
    double lon = 37.3 + (n % 37) * 0.001;
    return "{\"time\":\"2026-03-0"
        + (1 + n % 9)
        + "T0"
        + (n % 10)
        + ":00:00Z\",\"kind\":\"shelling\",\"place\":{\"lat\":"
        + lat
        + ",\"lon\":"
        + lon
        + ",\"precision\":\"near\"},\"actor\":{\"party\":\"RU\",\"confidence\":0.5},\"sources\":[{\"id\":\"load-"
        + n
        + "\",\"kind\":\"sensor\",\"group\":\"load\"}],\"summary\":\"load test report "
        + n
        + "\"}";
  }

  /** The server's heap in use, from its Prometheus metrics. */
  static String heap(HttpClient http, URI base) {
    try {
      String metrics =
          http.send(
                  HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m =
          Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"} ([0-9.eE+]+)").matcher(metrics);
      return m.find()
          ? String.format("%.1f MiB", Double.parseDouble(m.group(1)) / (1024 * 1024))
          : "unknown";
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
