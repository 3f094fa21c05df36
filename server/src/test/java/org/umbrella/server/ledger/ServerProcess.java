package org.umbrella.server.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Role;
import org.umbrella.server.demo.Demo;
import org.umbrella.store.Database;
import org.umbrella.store.LedgerKeys;
import org.umbrella.store.StoreConfig;

/**
 * The operations server as its own process, for the crash test: opens the database (one schema)
 * through the store as {@code umbrella serve} does, starts the server on a free port with the data
 * directory's ledger key, makes sure a monitor account exists, issues it an API token and prints
 * {@code READY <port> <token>}; then serves until killed.
 *
 * <p>Arguments: JDBC URL, schema, data directory.
 */
public final class ServerProcess {
  private ServerProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[2]);
    StoreConfig config = new StoreConfig(dir, args[0], null);
    Database db = Database.open(config, args[1], 16);
    UmbrellaServer server =
        UmbrellaServer.start(
            db.dataSource(),
            LedgerKeys.loadOrCreate(dir, config.origin()),
            Clock.systemUTC(),
            ServerOptions.defaults(0),
            Optional.of(enforced()));
    var accounts = server.services().accounts();
    Account monitor =
        accounts
            .byUsername("monitor")
            .orElseGet(
                () ->
                    accounts.create(
                        "monitor",
                        "Monitor",
                        Role.MONITOR,
                        Optional.empty(),
                        "crash test password"));
    Account verifier =
        accounts
            .byUsername("verifier")
            .orElseGet(
                () ->
                    accounts.create(
                        "verifier",
                        "Verifier",
                        Role.VERIFIER,
                        Optional.empty(),
                        "crash test password"));
    String token = server.services().tokens().issue(monitor.id(), "crash test");
    String verifierToken = server.services().tokens().issue(verifier.id(), "crash test");
    System.out.println("READY " + server.port() + " " + token + " " + verifierToken);
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * The agreement every round enforces (the test re-executes under it): the Ukraine test file, in
   * force since 2026-01-01.
   */
  static Agreement enforced() {
    return Demo.withCeasefireInForce(
        TestAgreement.ukraine(), Instant.parse("2026-01-01T00:00:00Z"));
  }
}
