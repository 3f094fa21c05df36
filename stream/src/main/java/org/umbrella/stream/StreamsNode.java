package org.umbrella.stream;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.umbrella.agreement.model.Agreement;

/**
 * One Streams instance of the engine topology as its own process: what a deployment runs on each
 * machine (or container), and what the cluster tests start, SIGKILL and restart as child JVMs.
 *
 * <pre>
 * java -cp ... org.umbrella.stream.StreamsNode --bootstrap HOST:PORT --state-dir DIR \
 *     --agreement FILE [--copies N] [--application-id ID] [--replication 3] [--config KEY=VALUE]...
 * </pre>
 *
 * <p>It prints one line {@code state OLD -> NEW} on standard output at every state change of the
 * Streams client (so a supervisor can wait for {@code RUNNING}), every 5 s a {@link StreamsHealth}
 * line (state, rebalances, active and standby tasks, store lag), and closes cleanly on SIGTERM.
 * Exactly-once v2 and one standby replica come from {@link StreamSettings}; {@code --config} passes
 * client settings through (TLS, SASL, session timeouts), applied last.
 */
public final class StreamsNode {
  private StreamsNode() {}

  /** The parsed command line. */
  record Options(
      String bootstrap,
      Path stateDir,
      Path agreement,
      int copies,
      String applicationId,
      int replication,
      Map<String, String> config) {}

  public static void main(String[] args) throws InterruptedException {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("streams-node: " + e.getMessage());
      System.exit(2);
      return;
    }
    Map<String, Agreement> agreements = Deployment.load(o.agreement(), o.copies());
    Properties p =
        StreamSettings.properties(o.applicationId(), o.bootstrap(), o.replication(), o.config());
    p.put(StreamsConfig.STATE_DIR_CONFIG, o.stateDir().toString());
    KafkaStreams streams = new KafkaStreams(EngineTopology.build(agreements, Topics.defaults()), p);
    CountDownLatch stopped = new CountDownLatch(1);
    StreamsHealth health = new StreamsHealth();
    streams.setStateListener(
        (now, before) -> {
          health.onChange(now);
          System.out.println("state " + before + " -> " + now);
          System.out.flush();
          if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            stopped.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          System.out.println("error " + e);
          System.out.flush();
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close();
                  stopped.countDown();
                },
                "streams-node-shutdown"));
    streams.start();
    // every 5 s one health line: state, rebalances, active and standby tasks, store lag
    while (!stopped.await(5, TimeUnit.SECONDS)) {
      System.out.println(health.read(streams).line());
      System.out.flush();
    }
    // a client that stopped on an error exits non-zero, so that its supervisor starts it again
    System.exit(streams.state() == KafkaStreams.State.ERROR ? 1 : 0);
  }

  static Options parse(String[] args) {
    String bootstrap = null;
    Path stateDir = null;
    Path agreement = null;
    int copies = 0;
    String applicationId = "umbrella-engine";
    int replication = 3;
    Map<String, String> config = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--bootstrap" -> bootstrap = v;
        case "--state-dir" -> stateDir = Path.of(v);
        case "--agreement" -> agreement = Path.of(v);
        case "--copies" -> copies = Integer.parseInt(v);
        case "--application-id" -> applicationId = v;
        case "--replication" -> replication = Integer.parseInt(v);
        case "--config" -> {
          int eq = v.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--config takes KEY=VALUE, not '" + v + "'");
          }
          config.put(v.substring(0, eq), v.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (bootstrap == null || stateDir == null || agreement == null) {
      throw new IllegalArgumentException("--bootstrap, --state-dir and --agreement are required");
    }
    return new Options(
        bootstrap, stateDir, agreement, copies, applicationId, replication, Map.copyOf(config));
  }
}
