package org.umbrella.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.KafkaException;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Passwords;
import org.umbrella.server.access.Role;
import org.umbrella.server.access.oidc.OidcConfig;
import org.umbrella.server.cluster.ClusterSettings;
import org.umbrella.server.cluster.StreamsState;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.demo.SeedableClock;
import org.umbrella.server.journal.AgreementVersion;
import org.umbrella.server.ledger.WitnessEndpoint;
import org.umbrella.server.ledger.WitnessSubmitter;
import org.umbrella.server.live.WebhookTargets;
import org.umbrella.server.ops.ReportTimes;
import org.umbrella.store.Database;
import org.umbrella.store.LedgerKeys;
import org.umbrella.store.StoreConfig;
import org.umbrella.store.StoreException;
import org.umbrella.stream.StreamsHealth;
import org.umbrella.stream.StreamsInstance;
import org.umbrella.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code umbrella serve}: the operations service and web application.
 *
 * <p>Starts PostgreSQL (embedded under {@code --data-dir}, or the server at {@code --database-url})
 * through the store (so the data directory is locked, and {@code umbrella ledger verify --data-dir}
 * checks the same database with the same key afterwards), loads the ledger's signing key from the
 * data directory (made on first start), brings the schema up to date, loads the agreement to
 * enforce, creates demo accounts and replays the demo stream on first start (unless {@code
 * --no-demo}), and serves until interrupted.
 *
 * <p>Over 500 lines because its 26 options are the service's whole configuration (about 165 lines
 * of {@code @Option} fields with their help), which picocli reads from one class; the start-up in
 * {@link #call} is one ordered sequence (database, key, schema, agreement, cluster, server) that
 * reads best in one place.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the operations service and web application (embedded PostgreSQL, Ukraine example, http://localhost:8080).")
public final class ServeCommand implements Callable<Integer> {
  static final String DEFAULT_AGREEMENT = "examples/ukraine/framework-20pt.agreement.yaml";

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Interface to listen on (default: ${DEFAULT-VALUE}; put a TLS proxy in front for others).")
  String host;

  // the same default as import and ledger, so that the tour's commands all see one database and one
  // ledger
  @Option(
      names = "--data-dir",
      description =
          "Where the embedded PostgreSQL keeps its data and the ledger its signing key (default: $XDG_DATA_HOME/umbrella or ~/.local/share/umbrella, as for import and ledger).")
  Path dataDir;

  @Option(
      names = "--database-url",
      description =
          "JDBC URL of an external PostgreSQL (jdbc:postgresql://host/db?user=...); replaces the embedded one.")
  String databaseUrl;

  @Option(
      names = "--report-skew",
      paramLabel = "MINUTES",
      defaultValue = "5",
      description =
          "How far a report's claimed time may lie after the time it is received (default: ${DEFAULT-VALUE} minutes); later claims are refused naming 'time'.")
  long reportSkewMinutes;

  @Option(
      names = "--report-horizon",
      paramLabel = "DAYS",
      defaultValue = "365",
      description =
          "How far a report's claimed time may lie before the time it is received (default: ${DEFAULT-VALUE} days); older claims are refused (import history with 'umbrella import').")
  long reportHorizonDays;

  @Option(
      names = "--no-demo",
      description =
          "Start clean: no demo accounts, no demo stream (an administrator account is created and printed once).")
  boolean noDemo;

  @Option(
      names = "--agreement",
      description = "The agreement file to enforce (default: " + DEFAULT_AGREEMENT + ").")
  Path agreementFile;

  @Option(names = "--secure-cookies", description = "Mark cookies Secure (when served behind TLS).")
  boolean secureCookies;

  @Option(
      names = "--oidc-issuer",
      paramLabel = "URL",
      description =
          "Offer OpenID Connect sign-in with this identity provider (its issuer URL); needs --oidc-client-id and --oidc-client-secret-file.")
  URI oidcIssuer;

  @Option(
      names = "--oidc-client-id",
      paramLabel = "ID",
      description = "This server's client id at the identity provider.")
  String oidcClientId;

  @Option(
      names = "--oidc-client-secret-file",
      paramLabel = "FILE",
      description =
          "A file holding the client secret (first line; keep it readable by this user only).")
  Path oidcSecretFile;

  @Option(
      names = "--oidc-redirect-uri",
      paramLabel = "URL",
      description =
          "The callback URL registered at the provider, as browsers reach this server (default: http://localhost:PORT/auth/oidc/callback).")
  URI oidcRedirectUri;

  @Option(
      names = "--engine-queue",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Filed reports the engine may lag behind by; beyond it filing waits up to 5 s for room, then answers 503 with Retry-After (default: ${DEFAULT-VALUE}).")
  int engineQueue;

  @Option(
      names = "--witness",
      paramLabel = "URL=VERIFIER_KEY",
      description =
          "A witness (C2SP tlog-witness) to submit each new checkpoint to and keep the cosignatures of: its URL and its verifier key (or a file holding it, e.g. its witness-key.pub); repeat for several (e.g. one per party).")
  List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--witness-interval",
      paramLabel = "DURATION",
      defaultValue = "PT1S",
      description =
          "How often the latest checkpoint is submitted to the witnesses (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration witnessInterval;

  @Option(
      names = "--oidc-name",
      paramLabel = "NAME",
      description = "The provider's name shown to users (default: the issuer's host).")
  String oidcName;

  @Option(
      names = "--webhook-allow",
      paramLabel = "CIDR|HOST",
      split = ",",
      description =
          "A network (10.0.0.0/8, fd00::/8, 192.168.1.20) or host name webhooks may reach besides public addresses; repeat or separate with commas (default: public addresses only).")
  List<String> webhookAllow = new ArrayList<>();

  @Option(
      names = "--kafka",
      paramLabel = "BOOTSTRAP",
      description =
          "Cluster mode (docs/scale-out.md): run the engine as a Kafka Streams topology on these brokers (host:port,...) instead of in this process;"
              + " several instances may serve one PostgreSQL, one of them (a database advisory lock) ships the journal and writes the ledger.")
  String kafka;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description =
          "Kafka client settings (a Java properties file: security.protocol, ssl.*, sasl.* ...), given to every client unchanged; values are never printed.")
  Path kafkaConfig;

  @Option(
      names = "--kafka-partitions",
      paramLabel = "N",
      defaultValue = "12",
      description =
          "Partitions of the journal and output topics when this creates them (default: ${DEFAULT-VALUE}).")
  int kafkaPartitions;

  @Option(
      names = "--kafka-state-dir",
      paramLabel = "DIR",
      description =
          "Where the Streams instance keeps its RocksDB stores (default: DATA-DIR/streams; give it a persistent disk).")
  Path kafkaStateDir;

  @Option(
      names = "--kafka-tick",
      paramLabel = "DURATION",
      defaultValue = "PT1M",
      description =
          "Cluster mode: how often the leader journals a tick of the server clock, so that deadlines fire (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration kafkaTick;

  /**
   * The Kafka client settings of {@code --kafka} and {@code --kafka-config}: the file's properties,
   * then {@code bootstrap.servers} from the option.
   */
  static Map<String, Object> kafkaClient(String bootstrap, Path configFile) {
    Map<String, Object> client = new LinkedHashMap<>();
    if (configFile != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new UserException(
            "--kafka-config " + configFile + ": cannot read it (" + e.getMessage() + ")");
      }
      for (String k : new TreeSet<>(p.stringPropertyNames())) {
        client.put(k, p.getProperty(k));
      }
    }
    if (bootstrap.isBlank()) {
      throw new UserException("--kafka needs the brokers' addresses (host:port,...)");
    }
    client.put("bootstrap.servers", bootstrap);
    return client;
  }

  /** The OpenID Connect settings, if any were given; all-or-nothing. */
  Optional<OidcConfig> oidc() {
    if (oidcIssuer == null && oidcClientId == null && oidcSecretFile == null) {
      return Optional.empty();
    }
    if (oidcIssuer == null || oidcClientId == null || oidcSecretFile == null) {
      throw new UserException(
          "OpenID Connect needs all of --oidc-issuer, --oidc-client-id and --oidc-client-secret-file");
    }
    URI redirect =
        oidcRedirectUri != null
            ? oidcRedirectUri
            : URI.create("http://localhost:" + port + OidcConfig.CALLBACK_PATH);
    try {
      return Optional.of(
          OidcConfig.withSecretFile(oidcIssuer, oidcClientId, oidcSecretFile, redirect, oidcName));
    } catch (IllegalArgumentException e) {
      throw UserException.from(e);
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65_535) {
      throw new UserException("--port must be 0-65535, was " + port);
    }
    if (kafka == null && (kafkaConfig != null || kafkaStateDir != null)) {
      throw new UserException(
          "--kafka-config and --kafka-state-dir go with --kafka BOOTSTRAP (cluster mode)");
    }
    if (kafkaPartitions < 1) {
      throw new UserException("--kafka-partitions must be at least 1, was " + kafkaPartitions);
    }
    if (kafkaTick.isNegative() || kafkaTick.isZero()) {
      throw new UserException("--kafka-tick must be positive, was " + kafkaTick);
    }
    if (engineQueue < 1) {
      throw new UserException("--engine-queue must be at least 1, was " + engineQueue);
    }
    Optional<OidcConfig> oidc = oidc(); // checked before anything starts
    List<WitnessEndpoint> witnessEndpoints = new ArrayList<>();
    for (String w : witnesses) {
      try {
        int eq = w.indexOf('=');
        Path keyFile = eq > 0 ? Path.of(w.substring(eq + 1)) : null;
        if (keyFile != null
            && Files.isRegularFile(keyFile)) { // URL=FILE: the witness's witness-key.pub
          w = w.substring(0, eq + 1) + Files.readString(keyFile).strip();
        }
        witnessEndpoints.add(WitnessEndpoint.parse(w));
      } catch (IllegalArgumentException e) {
        throw UserException.from(e);
      }
    }
    if (witnessInterval.isNegative() || witnessInterval.isZero()) {
      throw new UserException("--witness-interval must be positive, was " + witnessInterval);
    }
    try {
      new WebhookTargets(webhookAllow, WebhookTargets.Resolver.SYSTEM);
    } catch (IllegalArgumentException e) {
      throw new UserException("--webhook-allow: " + e.getMessage());
    }
    if (dataDir == null) {
      dataDir = StoreConfig.defaultDataDir(System.getenv(), System.getProperty("user.home"));
    }
    Path agreementPath = agreementFile != null ? agreementFile : findDefaultAgreement();
    LoadResult loaded = AgreementFiles.load(agreementPath);
    if (!loaded.isValid()) {
      throw new UserException("the agreement does not load:\n" + loaded.toDisplayString());
    }

    if (databaseUrl == null) {
      out.println(
          "Starting the embedded PostgreSQL in "
              + dataDir.resolve("postgres").toAbsolutePath()
              + " ...");
      out.flush();
    }
    Database database;
    NoteSigner ledgerKey;
    try {
      StoreConfig config = new StoreConfig(dataDir, databaseUrl, null);
      ledgerKey = LedgerKeys.loadOrCreate(dataDir, config.origin());
      database = Database.open(config, null, 24);
    } catch (StoreException | IllegalArgumentException e) {
      throw UserException.from(e);
    }
    Jdbi jdbi = database.jdbi();

    SeedableClock clock = new SeedableClock(Clock.systemUTC());
    boolean firstStart =
        jdbi.withHandle(h -> h.createQuery("select count(*) from account").mapTo(Long.class).one())
            == 0;
    boolean demo = !noDemo && (firstStart || setting(jdbi, "demo.ceasefire").isPresent());
    Agreement agreement = loaded.agreement();
    Instant now = clock.instant();
    String suffix = "";
    if (demo) {
      Instant ceasefire =
          setting(jdbi, "demo.ceasefire")
              .map(Instant::parse)
              .orElse(now.minus(Demo.CEASEFIRE_BEFORE));
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "insert into server_setting (key, value) values ('demo.ceasefire', :v) on conflict (key) do nothing")
                  .bind("v", ceasefire.toString())
                  .execute());
      agreement = Demo.withCeasefireInForce(agreement, ceasefire);
      suffix = AgreementVersion.DEMO_CEASEFIRE + ceasefire;
      out.println(
          "Demo: the draft gives the ceasefire no date; the demo takes it to be in force from "
              + ceasefire
              + ".");
    }
    ServerOptions options =
        ServerOptions.defaults(port)
            .withHost(host)
            .withSecureCookies(secureCookies)
            .withOidc(oidc)
            .withEngineQueue(engineQueue, ServerOptions.DEFAULT_ENGINE_WAIT)
            .withWebhookAllow(webhookAllow);
    String source;
    try {
      source = Files.readString(agreementPath);
    } catch (IOException e) {
      throw new UserException("cannot read " + agreementPath + ": " + e.getMessage());
    }
    Optional<StreamsInstance> streams = Optional.empty();
    Optional<ClusterSettings> cluster = Optional.empty();
    if (kafka != null) {
      Map<String, Object> client = kafkaClient(kafka, kafkaConfig);
      Path stateDir = kafkaStateDir != null ? kafkaStateDir : dataDir.resolve("streams");
      Topics topics = Topics.defaults();
      out.println(
          "Cluster mode: Kafka at "
              + kafka
              + (kafkaConfig == null
                  ? ""
                  : ", client settings from "
                      + kafkaConfig
                      + ": "
                      + client.keySet().stream()
                          .filter(k -> !k.equals("bootstrap.servers"))
                          .toList()
                      + " (values not shown)")
              + "; Streams state in "
              + stateDir.toAbsolutePath()
              + " ...");
      out.flush();
      try {
        StreamsInstance instance =
            StreamsInstance.start(
                client, Map.of(agreement.id(), agreement), topics, stateDir, kafkaPartitions);
        streams = Optional.of(instance);
        cluster =
            Optional.of(
                new ClusterSettings(
                    client,
                    topics.input(),
                    topics.output(),
                    () -> streamsState(instance.health()),
                    kafkaTick));
      } catch (IllegalStateException | KafkaException e) {
        database.close();
        throw new UserException("cluster mode: " + e.getMessage());
      }
    }
    UmbrellaServer server =
        UmbrellaServer.start(
            database.dataSource(),
            ledgerKey,
            clock,
            options,
            Optional.of(agreement),
            library(agreementPath, loaded.agreement(), out),
            Optional.of(
                UmbrellaServer.InForce.of(
                    agreement.id(),
                    agreement.version(),
                    source,
                    AgreementVersion.resourcesOf(agreementPath, source),
                    suffix)),
            cluster);
    server
        .services()
        .operations()
        .reportTimes(
            new ReportTimes(
                Duration.ofMinutes(reportSkewMinutes), Duration.ofDays(reportHorizonDays)));
    out.println(
        "Ledger key: "
            + ledgerKey.verifier().encoded()
            + " ("
            + dataDir.resolve("ledger-key.pub")
            + ")");
    out.println(
        "Enforcing " + agreement.id() + " @ " + agreement.version() + " (" + agreementPath + ").");
    if (firstStart) {
      if (demo) {
        List<Demo.Credential> creds = Demo.createAccounts(server.services().accounts());
        out.println();
        out.println(
            "Demo accounts (passwords are shown only now; they are stored as Argon2id hashes):");
        for (Demo.Credential c : creds) {
          out.printf(
              "  %-14s %-26s %-10s %s%n", c.username(), c.role().slug(), c.party(), c.password());
        }
        out.println();
        out.print("Replaying the demo stream ... ");
        out.flush();
        int n = Demo.seed(server.services().operations(), clock, now);
        out.println(n + " records.");
      } else {
        String password = Passwords.generate();
        server
            .services()
            .accounts()
            .create("admin", "Administrator", Role.ADMINISTRATOR, Optional.empty(), password);
        out.println("Administrator account (password shown only now): admin " + password);
      }
    }
    Optional<WitnessSubmitter> submitter =
        witnessEndpoints.isEmpty()
            ? Optional.empty()
            : Optional.of(
                WitnessSubmitter.start(
                    server.services().operations().ledger(), witnessEndpoints, witnessInterval));
    for (WitnessEndpoint w : witnessEndpoints) {
      out.println("Witness: " + w.url() + " " + w.key().encoded());
    }
    out.println(
        "Umbrella is serving http://"
            + (host.equals("0.0.0.0") ? "localhost" : host)
            + ":"
            + server.port()
            + "/  (Ctrl-C to stop)");
    out.flush();

    CountDownLatch stopped = new CountDownLatch(1);
    Optional<StreamsInstance> streamsToClose = streams;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  submitter.ifPresent(WitnessSubmitter::close);
                  server.close();
                  streamsToClose.ifPresent(StreamsInstance::close);
                  database.close();
                  stopped.countDown();
                },
                "umbrella-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  /** The stream module's health reading as the service's health and metrics show it. */
  static StreamsState streamsState(StreamsHealth.Snapshot s) {
    return new StreamsState(
        s.state().name(), s.rebalances(), s.activeTasks(), s.standbyTasks(), s.storeLag());
  }

  /** Every agreement beside the enforced one (same directory), for the agreement pages. */
  static List<Agreement> library(Path enforcedFile, Agreement enforced, PrintWriter out)
      throws IOException {
    List<Agreement> all = new ArrayList<>();
    Path dir = enforcedFile.toAbsolutePath().getParent();
    try (var files = Files.list(dir)) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().endsWith(".agreement.yaml"))
              .sorted()
              .toList()) {
        if (f.equals(enforcedFile.toAbsolutePath())) {
          all.add(enforced);
          continue;
        }
        LoadResult r = AgreementFiles.load(f);
        if (r.isValid()) {
          all.add(r.agreement());
        } else {
          out.println(
              "Skipping "
                  + f.getFileName()
                  + " on the agreement pages: it does not load (see 'umbrella check').");
        }
      }
    }
    return all;
  }

  static Optional<String> setting(Jdbi jdbi, String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select value from server_setting where key = :k")
                .bind("k", key)
                .mapTo(String.class)
                .findOne());
  }

  /**
   * The Ukraine example, looked up from the working directory, then from the launcher's checkout.
   */
  public static Path findDefaultAgreement() {
    Path here = Path.of(DEFAULT_AGREEMENT);
    if (Files.isRegularFile(here)) {
      return here;
    }
    try {
      Path jar =
          Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(DEFAULT_AGREEMENT);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through to the message below
    }
    throw new UserException(
        "no agreement to enforce: " + DEFAULT_AGREEMENT + " is not here; pass --agreement FILE");
  }
}
