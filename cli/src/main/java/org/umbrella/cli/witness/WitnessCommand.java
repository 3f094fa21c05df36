package org.umbrella.cli.witness;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.umbrella.cli.ExitCodes;
import org.umbrella.cli.UserException;
import org.umbrella.ledger.CosignatureSigner;
import org.umbrella.ledger.KeyNames;
import org.umbrella.ledger.MalformedInputException;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.Witness;
import org.umbrella.witness.WitnessException;
import org.umbrella.witness.WitnessKey;
import org.umbrella.witness.WitnessServer;
import org.umbrella.witness.WitnessState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code umbrella witness ...}: a party's witness of the ledger (C2SP tlog-witness). */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description =
        "Run a witness: cosign the ledger's checkpoints only after checking they extend what it cosigned before.",
    subcommands = {WitnessCommand.Serve.class, WitnessCommand.Key.class})
public final class WitnessCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options both subcommands share. */
  static final class Identity {
    @Option(
        names = "--state-dir",
        required = true,
        paramLabel = "DIR",
        description =
            "Where the witness keeps its key (witness-key.pk8, .pub), its record of each log (witness-state.json) and evidence.log.")
    Path stateDir;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description =
            "The witness's key name, a schema-less URL by convention (e.g. witness.kyiv.example/umbrella).")
    String name;

    CosignatureSigner key() {
      if (!KeyNames.isValid(name)) {
        throw new UserException(
            "--name must be non-empty without spaces or '+', was '" + name + "'");
      }
      try {
        return WitnessKey.loadOrCreate(stateDir, name);
      } catch (WitnessException e) {
        throw UserException.from(e);
      }
    }
  }

  /** {@code witness serve}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description =
          "Serve POST /add-checkpoint (C2SP tlog-witness): verify the log's signature and the consistency proof from the last cosigned size, refuse a split view (422, kept in evidence.log), persist, then cosign.")
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Identity identity;

    @Option(
        names = "--log",
        required = true,
        paramLabel = "VERIFIER_KEY",
        description =
            "A log this witness serves, by its verifier key (its name is the log's origin); repeat for several logs or keys. A file holding the key is read.")
    List<String> logs = new ArrayList<>();

    @Option(
        names = "--listen",
        defaultValue = "127.0.0.1:0",
        paramLabel = "HOST:PORT",
        description =
            "Address to listen on (default: ${DEFAULT-VALUE}, any free port on loopback).")
    String listen;

    @Override
    public Integer call() throws Exception {
      CosignatureSigner key = identity.key();
      Map<String, List<NoteVerifier>> configured = new LinkedHashMap<>();
      for (String l : logs) {
        String text = Files.isRegularFile(Path.of(l)) ? Files.readString(Path.of(l)).strip() : l;
        try {
          NoteVerifier v = NoteVerifier.parse(text);
          configured.computeIfAbsent(v.name(), o -> new ArrayList<>()).add(v);
        } catch (MalformedInputException e) {
          throw new UserException("--log " + l + ": " + e.getMessage());
        }
      }
      int colon = listen.lastIndexOf(':');
      if (colon <= 0) {
        throw new UserException("--listen must be HOST:PORT, was '" + listen + "'");
      }
      int port;
      try {
        port = Integer.parseInt(listen.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new UserException(
            "--listen: the port must be a number, was '" + listen.substring(colon + 1) + "'");
      }
      WitnessServer server;
      try {
        WitnessState state = WitnessState.load(identity.stateDir, configured);
        server =
            WitnessServer.start(
                new InetSocketAddress(listen.substring(0, colon), port),
                new Witness(key),
                state,
                identity.stateDir,
                Clock.systemUTC());
      } catch (WitnessException e) {
        throw UserException.from(e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "witness "
              + key.verifier().name()
              + " listening on http://"
              + listen.substring(0, colon)
              + ":"
              + server.port());
      out.println("key " + key.verifier().encoded());
      configured.keySet().forEach(o -> out.println("log " + o));
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  },
                  "umbrella-witness-shutdown"));
      stopped.await();
      return ExitCodes.OK;
    }
  }

  /** {@code witness key}. */
  @Command(
      name = "key",
      mixinStandardHelpOptions = true,
      description =
          "Print the witness's cosignature verifier key (type 0x04), made on first use, for the parties' witness policies and the log's --witness.")
  static final class Key implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Identity identity;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(identity.key().verifier().encoded());
      return ExitCodes.OK;
    }
  }
}
