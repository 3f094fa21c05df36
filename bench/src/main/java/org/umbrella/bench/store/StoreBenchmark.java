package org.umbrella.bench.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.store.BulkImport;
import org.umbrella.store.Database;
import org.umbrella.store.GroupCommitter;
import org.umbrella.store.ImportResult;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.StoreConfig;

/**
 * Store benchmark, side by side in one run on one database:
 *
 * <ol>
 *   <li>plain COPY of N incident rows (canonical JSON body and the same extracted columns) into a
 *       bare table with no keys or indexes; run before and after the store import, averaged;
 *   <li>the store's bulk import of the same N incidents ({@link BulkImport}, what {@code umbrella
 *       import} uses): idempotency lookup, content hashes, canonical JSON leaves, SHA-256 leaf and
 *       node hashing, frontier update, COPY of rows and leaves, one signed tree head per batch; the
 *       next batch is prepared on the caller's thread while the writer stores the current one;
 *   <li>single-report ingest through {@link GroupCommitter} at a fixed offered rate (open loop):
 *       achieved throughput and latency percentiles from submit to commit acknowledgement.
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp bench/target/classes:$(cat
 * bench/target/classpath.txt) org.umbrella.bench.store.StoreBenchmark [--rows 1000000] [--batch
 * 50000] [--rate 1000] [--seconds 20] [--database-url JDBC_URL] [--interleave ROUNDS]}. With {@code
 * --interleave} it runs ROUNDS of (import, COPY) only. Without a URL an embedded PostgreSQL in a
 * temporary directory is used.
 */
public final class StoreBenchmark {
  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = intArg(args, "--rows", 1_000_000);
    int batch = intArg(args, "--batch", 50_000);
    int rate = intArg(args, "--rate", 1_000);
    int seconds = intArg(args, "--seconds", 20);
    String url = strArg(args, "--database-url", null);
    Path dir = Files.createTempDirectory("umbrella-bench");
    EmbeddedPostgres pg = null;
    if (url == null) {
      pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("pg"))
              .setCleanDataDirectory(true)
              .start();
      url = pg.getJdbcUrl("postgres", "postgres");
    }
    System.out.printf(
        "store benchmark: %d rows, batches of %d, %s, %d cores, Java %s%n",
        rows,
        batch,
        pg == null
            ? url.replaceAll("password=[^&]*", "password=***")
            : "embedded PostgreSQL (default settings)",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    NoteSigner signer =
        new NoteSigner(
            StoreConfig.DEFAULT_ORIGIN, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    try (Database db =
            Database.open(new StoreConfig(dir, url, null), "bench_" + System.nanoTime());
        PostgresEvidenceStore store =
            new PostgresEvidenceStore(db, signer, StoreConfig.DEFAULT_ORIGIN, Clock.systemUTC())) {
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement()) {
        st.execute("create unlogged table if not exists warmup (x int)");
        st.execute(
            "create table bare_incidents (incident_id text, version integer, content_hash text, body jsonb,"
                + " event_time timestamptz, kind text, lat double precision, lon double precision, status text,"
                + " recorded_at timestamptz, recorded_by text)");
      }
      // warm up both paths (JIT, caches) on rows that are not measured
      int warm = Math.min(rows, batch);
      plainCopy(db, 0, warm, batch);
      try (BulkImport imp = store.bulkImport("warmup")) {
        imp.add(batchOf(10_000_000, 10_000_000 + warm));
        imp.finish();
      }
      int pairs = intArg(args, "--interleave", 0);
      if (pairs > 0) {
        interleaved(db, store, rows, batch, pairs);
        return;
      }
      double plain1 = plainCopy(db, 0, rows, batch);
      long t0 = System.nanoTime();
      ImportResult total;
      try (BulkImport imp = store.bulkImport("bench")) {
        for (int start = 0; start < rows; start += batch) {
          imp.add(batchOf(start, Math.min(rows, start + batch)));
        }
        total = imp.finish();
      }
      double storeSec = (System.nanoTime() - t0) / 1e9;
      double plain2 = plainCopy(db, 0, rows, batch);
      double plainSec = (plain1 + plain2) / 2;
      System.out.printf(
          "plain COPY (bare table, no indexes): %.1f s, %.0f rows/s (runs: %.1f s, %.1f s)%n",
          plainSec, rows / plainSec, plain1, plain2);
      System.out.printf(
          "store import + ledger:               %.1f s, %.0f rows/s (%d added, ledger size %d)%n",
          storeSec, rows / storeSec, total.added(), total.treeSize());
      System.out.printf(
          "ratio store/plain: %.0f%% of plain COPY's rate%n", 100 * plainSec / storeSec);
      long vt = System.nanoTime();
      var report = store.verifyLedger(0);
      System.out.printf(
          "ledger verify (recompute %d leaves from rows): %.1f s, %s%n",
          report.leavesChecked(),
          (System.nanoTime() - vt) / 1e9,
          report.ok() ? "OK" : report.divergence().get());
      ingest(store, rate, seconds, 20_000_000);
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
  }

  /**
   * Issue 9, acceptance 4: {@code pairs} rounds of (store import of N new rows, plain COPY of N
   * rows), each run started on a settled database: a checkpoint, then waiting until no autovacuum
   * worker runs, so no COPY run is disturbed by the import before it (and no import by the COPY).
   * Every run is printed with the load average before and after it; the summary gives each round's
   * ratio and the median.
   */
  static void interleaved(Database db, PostgresEvidenceStore store, int rows, int batch, int pairs)
      throws Exception {
    System.out.printf(
        "interleaved: %d rounds of (store import, plain COPY), %d rows each, settled before every run%n",
        pairs, rows);
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < pairs; round++) {
      settle(db);
      String loadBefore = loadAverage();
      long t0 = System.nanoTime();
      ImportResult r;
      try (BulkImport imp = store.bulkImport("bench-" + round)) {
        int base = 1_000_000 * 100 * (round + 1);
        for (int start = 0; start < rows; start += batch) {
          imp.add(batchOf(base + start, base + Math.min(rows, start + batch)));
        }
        r = imp.finish();
      }
      double storeSec = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "round %d  store import + ledger: %6.1f s, %8.0f rows/s (%d added, ledger size %d)  load %s -> %s%n",
          round + 1, storeSec, rows / storeSec, r.added(), r.treeSize(), loadBefore, loadAverage());
      settle(db);
      loadBefore = loadAverage();
      double copySec = plainCopy(db, 0, rows, batch);
      System.out.printf(
          "round %d  plain COPY:            %6.1f s, %8.0f rows/s  load %s -> %s%n",
          round + 1, copySec, rows / copySec, loadBefore, loadAverage());
      ratios.add(copySec / storeSec);
      System.out.printf(
          "round %d  ratio store/plain: %.0f%%%n", round + 1, 100 * copySec / storeSec);
    }
    List<Double> sorted = new ArrayList<>(ratios);
    Collections.sort(sorted);
    System.out.printf(
        "ratios: %s; median %.0f%% of plain COPY's rate%n",
        ratios.stream().map(x -> String.format("%.0f%%", 100 * x)).toList(),
        100 * sorted.get(sorted.size() / 2));
  }

  /** A checkpoint, then up to 120 s for autovacuum workers to finish, then 2 s. */
  static void settle(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("checkpoint");
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline) {
        try (var rs =
            st.executeQuery(
                "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
          rs.next();
          if (rs.getInt(1) == 0) {
            break;
          }
        }
        Thread.sleep(500);
      }
    }
    Thread.sleep(2_000);
  }

  /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "?" elsewhere. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", -1);
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static double plainCopy(Database db, int from, int rows, int batch) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("truncate bare_incidents");
      st.execute("checkpoint");
    }
    long t0 = System.nanoTime();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      String now = Instant.now().toString();
      for (int start = from; start < from + rows; start += batch) {
        CopyIn in =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy bare_incidents from stdin (format text)");
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 17);
        for (Incident inc : batchOf(start, Math.min(from + rows, start + batch))) {
          String line =
              inc.id()
                  + "\t1\t-\t"
                  + InputCodec.encode(inc).replace("\\", "\\\\")
                  + "\t"
                  + inc.time()
                  + "\t"
                  + inc.kind().wireName()
                  + "\t"
                  + inc.place().lat()
                  + "\t"
                  + inc.place().lon()
                  + "\t"
                  + inc.status().wireName()
                  + "\t"
                  + now
                  + "\tbench\n";
          buf.writeBytes(line.getBytes(StandardCharsets.UTF_8));
          if (buf.size() > (1 << 17)) {
            in.writeToCopy(buf.toByteArray(), 0, buf.size());
            buf.reset();
          }
        }
        in.writeToCopy(buf.toByteArray(), 0, buf.size());
        in.endCopy();
        c.commit();
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static void ingest(PostgresEvidenceStore store, int rate, int seconds, int offset)
      throws Exception {
    int n = rate * seconds;
    long[] latency = new long[n];
    List<CompletableFuture<?>> all = new ArrayList<>(n);
    long interval = 1_000_000_000L / rate;
    try (GroupCommitter gc = new GroupCommitter(store, "bench", 1000)) {
      // warm up the path (JIT, connections) before measuring
      for (int i = 0; i < 200; i++) {
        gc.submit(incident(offset + n + i)).join();
      }
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = start + i * interval;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        final int k = i;
        long sent = System.nanoTime();
        all.add(
            gc.submit(incident(offset + k)).thenRun(() -> latency[k] = System.nanoTime() - sent));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      double elapsed = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latency);
      System.out.printf(
          "single-report ingest, group commit, offered %d/s for %d s: %d acknowledged in %.1f s = %.0f reports/s;"
              + " latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
          rate,
          seconds,
          n,
          elapsed,
          n / elapsed,
          latency[n / 2] / 1e6,
          latency[(int) (n * 0.99)] / 1e6,
          latency[(int) (n * 0.999)] / 1e6,
          latency[n - 1] / 1e6);
    }
  }

  static List<Incident> batchOf(int from, int to) {
    List<Incident> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(incident(i));
    }
    return out;
  }

  /** A deterministic, realistic incident: varied places, times, kinds, sources and fatalities. */
  static Incident incident(int i) {
    Kind[] kinds = Kind.values();
    return new Incident(
        "bench:" + i,
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 37L),
        TimePrecision.DAY,
        new IncidentPlace(
            46.0 + (i % 4000) / 1000.0, 33.0 + (i % 6007) / 1000.0, PlacePrecision.NEAR),
        kinds[i % kinds.length],
        i % 3 == 0 ? Actor.UNATTRIBUTED : new Actor(i % 2 == 0 ? "RU" : "UA", 0.5 + (i % 5) / 10.0),
        i % 4 == 0 ? "civilian" : "military",
        new Fatalities(i % 3, i % 5, i % 9),
        List.of(new IncidentSource("bench-src:" + i, "dataset", "bench")),
        ReviewStatus.REPORTED,
        List.of("bench:batch=" + (i / 50_000)));
  }

  static int intArg(String[] args, String name, int def) {
    String v = strArg(args, name, null);
    return v == null ? def : Integer.parseInt(v);
  }

  static @Nullable String strArg(String[] args, String name, @Nullable String def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return def;
  }
}
