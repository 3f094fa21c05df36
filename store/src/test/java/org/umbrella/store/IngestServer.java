package org.umbrella.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A minimal store-backed ingest service for the crash test: reads one report id per line on
 * standard input, stores each through group commit, and prints {@code ACK <id>} once committed.
 *
 * <p>Arguments: JDBC URL, schema, data directory (for the ledger key).
 */
public final class IngestServer {
  private IngestServer() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[2]);
    Database db = Database.open(new StoreConfig(dir, args[0], null), args[1]);
    PostgresEvidenceStore store =
        PostgresEvidenceStore.owning(
            db,
            LedgerKeys.loadOrCreate(dir, StoreConfig.DEFAULT_ORIGIN),
            StoreConfig.DEFAULT_ORIGIN,
            Clock.systemUTC());
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (GroupCommitter gc = new GroupCommitter(store, "crash-test", 500)) {
      out.println("READY");
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line; (line = in.readLine()) != null; ) {
        String id = line.strip();
        gc.submit(Incidents.incident(id, n++))
            .thenAccept(
                r -> {
                  synchronized (out) {
                    out.println("ACK " + id);
                    out.flush();
                  }
                });
      }
    }
    store.close();
  }
}
