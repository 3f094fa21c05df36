package org.umbrella.cli.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.CosignatureVerifier;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.ledger.WitnessPolicy;
import org.umbrella.store.Cosignatures;
import org.umbrella.store.LedgerKeys;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.StoreException;
import org.umbrella.store.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code umbrella ledger ...}: verify the tamper-evident log, make and check proofs. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description =
        "The tamper-evident ledger: verify it, prove a record is in it, check a proof offline.",
    subcommands = {
      LedgerCommand.Verify.class,
      LedgerCommand.Proof.class,
      LedgerCommand.CheckProof.class,
      LedgerCommand.PublicKey.class,
      LedgerCommand.RotateKey.class
    })
public final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ledger verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute the tree from the stored rows, check every signed tree head, report the first divergence (leaf and table row).")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(
        names = "--from-size",
        defaultValue = "0",
        paramLabel = "N",
        description =
            "Trust the signed head at size N (checked) and verify only the leaves after it.")
    long fromSize;

    @Override
    public Integer call() {
      if (fromSize < 0) {
        throw new UserException("--from-size must not be negative, was " + fromSize);
      }
      try (LedgerReader s = LedgerReader.open(store)) {
        VerifyReport r = s.verify(fromSize);
        PrintWriter out = spec.commandLine().getOut();
        if (r.divergence().isPresent()) {
          throw new UserException(
              "ledger verification FAILED after "
                  + r.leavesChecked()
                  + " leaves and "
                  + r.headsChecked()
                  + " signed heads: "
                  + r.divergence().get());
        }
        out.printf(
            "ledger OK: %d leaves recomputed from their rows (from size %d), %d signed heads checked; size %d, root %s%n",
            r.leavesChecked(), r.fromSize(), r.headsChecked(), r.treeSize(), r.rootHex());
        return 0;
      } catch (StoreException e) {
        throw UserException.from(e);
      }
    }
  }

  /** {@code ledger proof ID}. */
  @Command(
      name = "proof",
      mixinStandardHelpOptions = true,
      description =
          "Write an offline-checkable proof (signed checkpoint + inclusion proof + the record's leaf) for a record.")
  static final class Proof implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Parameters(
        index = "0",
        paramLabel = "ID",
        description =
            "An incident id (its current version), TABLE:ROW_ID (e.g. reviews:12), or leaf:N.")
    String id;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the proof here instead of standard output.")
    Path output;

    @Option(
        names = "--cosigned",
        description =
            "Prove inclusion in the latest tree head the witnesses cosigned, its checkpoint carrying every cosignature (for check-proof --witness).")
    boolean cosigned;

    @Override
    public Integer call() {
      try (PostgresEvidenceStore s = store.open()) {
        long leaf;
        if (id.startsWith("leaf:")) {
          try {
            leaf = Long.parseLong(id.substring(5));
          } catch (NumberFormatException e) {
            throw new UserException("'" + id + "': leaf:N needs a number");
          }
        } else {
          leaf = s.leafIndexOf(id);
        }
        String json;
        if (cosigned) {
          Cosignatures.CosignedHead head =
              new Cosignatures(s.database())
                  .latest()
                  .orElseThrow(
                      () ->
                          new UserException(
                              "no witness has cosigned a tree head yet (serve with --witness)"));
          json = s.proof(leaf, head.treeSize(), head.note()).toJson();
        } else {
          json = s.proof(leaf).toJson();
        }
        if (output == null) {
          spec.commandLine().getOut().print(json);
        } else {
          Files.writeString(output, json);
          spec.commandLine().getErr().println("wrote the proof of leaf " + leaf + " to " + output);
        }
        return 0;
      } catch (StoreException e) {
        throw UserException.from(e);
      } catch (IOException e) {
        throw new UserException(output + ": cannot write: " + e.getMessage());
      }
    }
  }

  /** {@code ledger check-proof FILE}. */
  @Command(
      name = "check-proof",
      mixinStandardHelpOptions = true,
      description =
          "Check a proof file without a database: signature, canonical leaf, inclusion in the signed tree, and with --witness the witnesses' cosignatures (a quorum of them).")
  static final class CheckProof implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "A proof written by 'umbrella ledger proof' or served by the API.")
    Path file;

    @Option(
        names = "--key",
        paramLabel = "VERIFIER_KEY",
        description =
            "The ledger's published verifier key (name+id+key), or a file of them one per line (ledger-keys.pub: the current and every rotated-out key); repeatable. Without it the key in the proof file is used, which proves consistency, not origin.")
    List<String> keys = new ArrayList<>();

    @Option(
        names = "--witness",
        paramLabel = "VERIFIER_KEY",
        description =
            "A witness whose cosignature counts (its type-0x04 verifier key, or a file holding it); repeat for each trusted witness.")
    List<String> witnesses = new ArrayList<>();

    @Option(
        names = "--quorum",
        paramLabel = "N",
        description =
            "How many of the --witness keys must have cosigned the proof's checkpoint (default: all of them).")
    Integer quorum;

    @Override
    public Integer call() {
      String text = read(file);
      PrintWriter out = spec.commandLine().getOut();
      try {
        ProofBundle b = ProofBundle.parse(text);
        List<NoteVerifier> trusted =
            keys.isEmpty()
                ? List.of(NoteVerifier.parse(b.verifierKey()))
                : keyLines(keys, "--key").stream().map(NoteVerifier::parse).toList();
        WitnessPolicy policy = policy();
        Checkpoint cp = b.verify(trusted, policy);
        out.printf(
            "proof OK: leaf %d is in the tree of size %d signed by %s%n",
            b.leafIndex(),
            cp.size(),
            trusted.size() == 1
                ? trusted.getFirst().encoded()
                : "one of the " + trusted.size() + " ledger keys given");
        if (policy.quorum() > 0) {
          out.printf(
              "witnesses: cosigned by at least %d of the %d trusted witnesses%n",
              policy.quorum(), policy.witnesses().size());
        }
        out.println("leaf: " + b.leaf());
        if (keys.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println(
                  "note: checked against the key inside the file; compare it with the key the ledger operator publishes, or pass --key");
        }
        return 0;
      } catch (LedgerException e) {
        throw new UserException(file + ": proof REJECTED: " + e.getMessage());
      }
    }

    private WitnessPolicy policy() {
      if (witnesses.isEmpty()) {
        if (quorum != null && quorum > 0) {
          throw new UserException(
              "--quorum " + quorum + " needs the witnesses it counts: add --witness keys");
        }
        return WitnessPolicy.logOnly();
      }
      List<CosignatureVerifier> ws = new ArrayList<>();
      for (String k : keyLines(witnesses, "--witness")) {
        try {
          ws.add(CosignatureVerifier.parse(k));
        } catch (LedgerException e) {
          throw new UserException("--witness: " + e.getMessage());
        }
      }
      int q = quorum == null ? ws.size() : quorum;
      try {
        return new WitnessPolicy(ws, q);
      } catch (IllegalArgumentException e) {
        throw new UserException("--quorum: " + e.getMessage());
      }
    }
  }

  /** The keys given inline or as files of one key per line. */
  static List<String> keyLines(List<String> given, String option) {
    List<String> out = new ArrayList<>();
    for (String k : given) {
      if (Files.isRegularFile(Path.of(k))) {
        read(Path.of(k)).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
      } else {
        out.add(k);
      }
    }
    if (out.isEmpty()) {
      throw new UserException(option + " names no key");
    }
    return out;
  }

  /** {@code ledger public-key}. */
  @Command(
      name = "public-key",
      mixinStandardHelpOptions = true,
      description = "Print the ledger's public verifier key (C2SP signed-note format), to publish.")
  static final class PublicKey implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(
        names = "--all",
        description =
            "Every key the ledger has signed with, oldest first (ledger-keys.pub): what check-proof --key needs for proofs made before a rotation.")
    boolean all;

    @Override
    public Integer call() {
      if (all) {
        List<NoteVerifier> history;
        try {
          history = LedgerKeys.history(store.dataDir());
        } catch (StoreException e) {
          throw UserException.from(e);
        }
        if (history.isEmpty()) {
          throw new UserException("no ledger key in " + store.dataDir() + " yet");
        }
        history.forEach(k -> spec.commandLine().getOut().println(k.encoded()));
        return 0;
      }
      Path pub = store.dataDir().resolve("ledger-key.pub");
      if (!Files.exists(pub)) {
        throw new UserException(
            "no ledger key in "
                + store.dataDir()
                + " yet; it is made when the store first starts (e.g. 'umbrella import' or 'umbrella serve')");
      }
      spec.commandLine().getOut().println(read(pub).strip());
      return 0;
    }
  }

  /** {@code ledger rotate-key}. */
  @Command(
      name = "rotate-key",
      mixinStandardHelpOptions = true,
      description =
          "Replace the ledger's signing key: records the change as a leaf in a head signed by the old and the new key (witnesses follow it), then keeps only the new private key. Run with the service stopped.")
  static final class RotateKey implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(
        names = "--reason",
        defaultValue = "scheduled",
        paramLabel = "TEXT",
        description =
            "Why (recorded in the ledger): 'scheduled', or e.g. 'compromised: laptop stolen 2026-12-01' (default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(
        names = "--by",
        defaultValue = "operator",
        paramLabel = "NAME",
        description = "Who rotates (recorded; default: ${DEFAULT-VALUE}).")
    String by;

    @Override
    public Integer call() {
      if (reason.isBlank() || reason.length() > 500) {
        throw new UserException("--reason must be 1-500 characters");
      }
      try (PostgresEvidenceStore s = store.open()) {
        String old = s.publicKey().encoded();
        NoteSigner next = LedgerKeys.rotate(store.dataDir(), s, reason, by);
        PrintWriter out = spec.commandLine().getOut();
        out.println("ledger key rotated");
        out.println(
            "  old: "
                + old
                + " (kept as a verification key in ledger-keys.pub; its private key is deleted)");
        out.println("  new: " + next.verifier().encoded());
        out.println(
            "publish the new key; the witnesses learn it from the handover checkpoint on the next submission");
        return 0;
      } catch (StoreException e) {
        throw UserException.from(e);
      }
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException(p + ": no such file");
    } catch (IOException e) {
      throw new UserException(p + ": cannot read: " + e.getMessage());
    }
  }
}
