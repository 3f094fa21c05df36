package org.umbrella.server;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Accounts;
import org.umbrella.server.access.ApiTokens;
import org.umbrella.server.access.LoginThrottle;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.access.Sessions;
import org.umbrella.server.cluster.ClusterEvents;
import org.umbrella.server.cluster.ClusterNode;
import org.umbrella.server.cluster.ClusterSettings;
import org.umbrella.server.cluster.OutputSink;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.enforce.Replay;
import org.umbrella.server.http.Api;
import org.umbrella.server.http.Authn;
import org.umbrella.server.http.Metrics;
import org.umbrella.server.http.Route;
import org.umbrella.server.http.Router;
import org.umbrella.server.journal.AgreementVersion;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.Event;
import org.umbrella.server.live.EventBus;
import org.umbrella.server.live.LiveHub;
import org.umbrella.server.live.WebhookTargets;
import org.umbrella.server.live.Webhooks;
import org.umbrella.server.ops.BodyProjection;
import org.umbrella.server.ops.EngineQueue;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.OutcomeProjection;
import org.umbrella.server.ops.ReportProjection;
import org.umbrella.server.web.Library;
import org.umbrella.server.web.Pages;

/**
 * The operations server: wires accounts, sessions, the workflow, live updates and webhooks to the
 * HTTP shell, on a database whose schema is already migrated.
 *
 * <p>Start with {@link #start}; {@link #close} stops HTTP, the webhook worker and nothing else (the
 * caller owns the database).
 */
public final class UmbrellaServer implements AutoCloseable {
  private final ServerComponents services;
  private final Javalin app;
  private final LiveHub live;
  private final List<Route> routes;

  private final Optional<EngineEnforcement> engine;
  private final ScheduledExecutorService ticker;
  private final Optional<ClusterNode> cluster;

  private UmbrellaServer(
      ServerComponents services,
      Javalin app,
      LiveHub live,
      List<Route> routes,
      Optional<EngineEnforcement> engine,
      ScheduledExecutorService ticker,
      Optional<ClusterNode> cluster) {
    this.cluster = cluster;
    this.services = services;
    this.app = app;
    this.live = live;
    this.routes = routes;
    this.engine = engine;
    this.ticker = ticker;
  }

  /**
   * The agreement version put in force: its source text, the files it names, and the name outputs
   * carry ({@code id@version#sha256} of the text, plus any change the service made).
   */
  public record InForce(AgreementVersion version) {
    /**
     * {@code source}'s version of agreement {@code id@version} (naming {@code resources}), with
     * {@code suffix} appended to its name.
     */
    public static InForce of(
        String id, String version, String source, Map<String, String> resources, String suffix) {
      return new InForce(AgreementVersion.of(id, version, source, resources, suffix));
    }

    public String ref() {
      return version.ref();
    }

    public String source() {
      return version.source();
    }
  }

  /** The in-process engine, when an agreement is enforced. */
  public Optional<EngineEnforcement> engine() {
    return engine;
  }

  /**
   * Builds and starts a server on {@code dataSource} (schema migrated: opened with {@link
   * org.umbrella.store.Database#open}, the one migration set), signing the ledger's tree heads with
   * {@code ledgerKey}.
   */
  public static UmbrellaServer start(
      DataSource dataSource, NoteSigner ledgerKey, Clock clock, ServerOptions options) {
    return start(dataSource, ledgerKey, clock, options, Optional.empty(), List.of());
  }

  /**
   * Builds and starts a server that enforces {@code agreement} in-process: the engine replays what
   * is stored, then sees every accepted change, and is ticked with the clock every 30 seconds so
   * deadlines fire on time.
   */
  public static UmbrellaServer start(
      DataSource dataSource,
      NoteSigner ledgerKey,
      Clock clock,
      ServerOptions options,
      Optional<Agreement> agreement) {
    return start(
        dataSource,
        ledgerKey,
        clock,
        options,
        agreement,
        agreement.map(List::of).orElse(List.of()));
  }

  /**
   * As {@link #start(DataSource, NoteSigner, Clock, ServerOptions, Optional)}, with the agreements
   * the agreement pages show (explain, and diff from the draft each supersedes).
   */
  public static UmbrellaServer start(
      DataSource dataSource,
      NoteSigner ledgerKey,
      Clock clock,
      ServerOptions options,
      Optional<Agreement> agreement,
      List<Agreement> library) {
    return start(dataSource, ledgerKey, clock, options, agreement, library, Optional.empty());
  }

  /**
   * As {@link #start(DataSource, NoteSigner, Clock, ServerOptions, Optional, List)}, putting the
   * agreement in force with its source bytes (a ledger leaf, see {@link Operations#putInForce}) and
   * naming every output after them: {@code inForce} is the source text and the name of the version
   * enforced ({@code id@version#sha256}, plus what the service changed, such as the demo's
   * ceasefire date).
   */
  public static UmbrellaServer start(
      DataSource dataSource,
      NoteSigner ledgerKey,
      Clock clock,
      ServerOptions options,
      Optional<Agreement> agreement,
      List<Agreement> library,
      Optional<InForce> inForce) {
    return start(
        dataSource, ledgerKey, clock, options, agreement, library, inForce, Optional.empty());
  }

  /**
   * As {@link #start(DataSource, NoteSigner, Clock, ServerOptions, Optional, List, Optional)}, in
   * cluster mode when {@code cluster} is given ({@code umbrella serve --kafka}, docs/scale-out.md):
   * no engine runs here; the instance holding the agreement's leader lock ships the journal to the
   * input topic and records the committed output topic ({@link ClusterNode}); health and metrics
   * show the cluster. The Streams instance itself is the caller's (the command line starts it).
   */
  public static UmbrellaServer start(
      DataSource dataSource,
      NoteSigner ledgerKey,
      Clock clock,
      ServerOptions options,
      Optional<Agreement> agreement,
      List<Agreement> library,
      Optional<InForce> inForce,
      Optional<ClusterSettings> cluster) {
    if (cluster.isPresent() && agreement.isEmpty()) {
      throw new IllegalArgumentException("cluster mode needs an agreement to enforce");
    }
    Jdbi jdbi = Jdbi.create(dataSource);
    EventBus events = new EventBus();
    ServerLedger ledger = new ServerLedger(jdbi, dataSource, ledgerKey, clock);
    Webhooks webhooks =
        new Webhooks(
            jdbi,
            clock,
            Duration.ofSeconds(1),
            new WebhookTargets(options.webhookAllow(), WebhookTargets.Resolver.SYSTEM));
    ServerComponents services =
        new ServerComponents(
            jdbi,
            clock,
            new Accounts(jdbi, clock, ledger),
            new Sessions(jdbi, clock),
            new ApiTokens(jdbi, clock),
            new LoginThrottle(options.loginFailures(), options.loginWindow(), clock),
            events,
            new Operations(
                jdbi,
                clock,
                events,
                ledger,
                new EngineQueue(
                    options.engineQueueLimit(),
                    options.engineQueueWait(),
                    Duration.ofSeconds(30),
                    System::nanoTime)),
            webhooks,
            options,
            Library.of(library, agreement));
    // the pages' views are projections of the journal: brought up to it (or rebuilt) before serving
    ReportProjection.catchUp(jdbi);
    Optional<EngineEnforcement> engine =
        agreement.map(a -> new EngineEnforcement(a, clock, events));
    engine.ifPresent(
        e -> {
          e.attach(services.operations());
          inForce.ifPresent(
              f -> {
                services.operations().putInForce(e.agreement().id(), f.version(), "service");
                e.enforcing(f.ref());
              });
        });
    // and so are the bodies (of the version in force), findings, obligations, status and votes:
    // rebuilt from the journal and the recorded outputs before the engine replays it (silently: its
    // replay writes nothing)
    BodyProjection.rebuild(jdbi, engine.map(EngineEnforcement::agreement).orElse(null));
    OutcomeProjection.rebuild(
        jdbi,
        AgreementVersion.resolver(jdbi, engine.map(EngineEnforcement::agreement).orElse(null)));
    if (cluster.isEmpty()) {
      engine.ifPresent(e -> Replay.stored(services.operations(), e));
    }
    Optional<ClusterNode> node =
        cluster.map(
            c -> {
              EngineEnforcement e = engine.orElseThrow();
              OutputSink sink =
                  new OutputSink() {
                    @Override
                    public long lastRecorded() {
                      return services.operations().lastRecordedStep();
                    }

                    @Override
                    public void record(long journalSeq, List<String> lines) {
                      e.recordRemote(journalSeq, lines);
                    }
                  };
              ClusterNode n =
                  ClusterNode.start(
                      c,
                      dataSource,
                      e.agreement().id(),
                      (after, limit, out) -> Journal.read(jdbi, after, limit, out),
                      EngineEnforcement::feeds,
                      sink);
              e.runRemotely(
                  new EngineEnforcement.Remote() {
                    @Override
                    public void nudge() {
                      n.nudge();
                    }

                    @Override
                    public boolean leader() {
                      return n.leader();
                    }

                    @Override
                    public Duration tickEvery() {
                      return c.tickEvery();
                    }
                  });
              return n;
            });
    Authn authn = new Authn(services);
    // a stream asks at every event whom its credential stands for now, and ends with it
    LiveHub live = new LiveHub((p, e) -> mayHear(services, p, e), authn::current);
    services.sessions().onEnd(live::revoke);
    services.tokens().onRevoke(live::revoke);
    events.subscribe(live::broadcast);
    // cluster mode: what the other instances publish (the leader's findings and alerts among it)
    // reaches this instance's live streams, and what this one publishes reaches theirs
    node.ifPresent(
        n ->
            events.subscribe(
                n.relayEvents(ClusterEvents.start(dataSource, live::broadcast))::publish));
    // Webhooks carry what the mechanism may tell outsiders: never a body's deliberations.
    events.subscribe(
        e -> {
          if (!e.audience().startsWith("body:")) {
            webhooks.enqueue(e);
          }
        });
    Api api = new Api(services, authn);
    List<Route> routes = new ArrayList<>(api.routes());
    routes.addAll(new Pages(services, authn, api).routes());
    Metrics metrics =
        new Metrics(
            live::size, services.operations().engineQueue(), () -> node.map(ClusterNode::health));
    routes.add(metrics.route());
    Javalin app = Router.create(services, authn, List.copyOf(routes), metrics, live);
    app.start();
    webhooks.start(Duration.ofSeconds(5));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "umbrella-engine-tick");
              t.setDaemon(true);
              return t;
            });
    // the scheduled tasks catch and log their own failures, so their futures have nothing to report
    engine.ifPresent(
        e -> {
          var unused =
              ticker.scheduleWithFixedDelay(
                  () -> {
                    try {
                      e.tick();
                    } catch (RuntimeException ex) {
                      LoggerFactory.getLogger(UmbrellaServer.class)
                          .warn("engine tick failed: {}", Redaction.describe(ex));
                    }
                  },
                  30,
                  30,
                  TimeUnit.SECONDS);
        });
    // streams whose session or token expired, or ended in another process, close without waiting
    // for an event
    var unused =
        ticker.scheduleWithFixedDelay(
            () -> {
              try {
                live.sweep();
              } catch (RuntimeException ex) {
                LoggerFactory.getLogger(UmbrellaServer.class)
                    .warn("event stream sweep failed: {}", Redaction.describe(ex));
              }
            },
            30,
            30,
            TimeUnit.SECONDS);
    return new UmbrellaServer(services, app, live, List.copyOf(routes), engine, ticker, node);
  }

  /**
   * Whether {@code p} may hear {@code e}, by the audience the event names and the access policy.
   */
  static boolean mayHear(ServerComponents services, Principal p, Event e) {
    String audience = e.audience();
    if (audience.equals("public")) {
      return true;
    }
    if (audience.equals("mechanism")) {
      return AccessPolicy.allows(p, Permission.READ_REPORTS, Scope.NONE);
    }
    if (audience.startsWith("party:")) {
      return AccessPolicy.allows(
          p, Permission.READ_OBLIGATIONS, new Scope.OfParty(audience.substring(6)));
    }
    if (audience.startsWith("body:")) {
      return services
          .operations()
          .body(audience.substring(5))
          .map(
              b ->
                  AccessPolicy.allows(
                      p, Permission.READ_DELIBERATION, new Scope.OfBody(b.id(), b.members())))
          .orElse(false);
    }
    return false;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  public ServerComponents services() {
    return services;
  }

  /** Every route the server registered (API and pages), as the router knows them. */
  public List<Route> routes() {
    return routes;
  }

  /** Cluster mode's node, when the server runs in cluster mode. */
  public Optional<ClusterNode> cluster() {
    return cluster;
  }

  /** Open SSE connections. */
  public int liveClients() {
    return live.size();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    cluster.ifPresent(ClusterNode::close);
    app.stop();
    services.operations().close();
    services.webhooks().close();
  }
}
