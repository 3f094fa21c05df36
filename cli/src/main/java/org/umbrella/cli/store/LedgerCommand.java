package org.umbrella.cli.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.StoreException;
import org.umbrella.store.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code umbrella ledger ...}: verify the tamper-evident log, make and check proofs. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "The tamper-evident ledger: verify it, prove a record is in it, check a proof offline.",
    subcommands = {
      LedgerCommand.Verify.class, LedgerCommand.Proof.class, LedgerCommand.CheckProof.class, LedgerCommand.PublicKey.class
    })
public final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ledger verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Recompute the tree from the stored rows, check every signed tree head, report the first divergence (leaf and table row).")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(names = "--from-size", defaultValue = "0", paramLabel = "N",
        description = "Trust the signed head at size N (checked) and verify only the leaves after it.")
    long fromSize;

    @Override
    public Integer call() {
      if (fromSize < 0) {
        throw new UserException("--from-size must not be negative, was " + fromSize);
      }
      try (PostgresEvidenceStore s = store.open()) {
        VerifyReport r = s.verifyLedger(fromSize);
        PrintWriter out = spec.commandLine().getOut();
        if (r.divergence().isPresent()) {
          throw new UserException("ledger verification FAILED after " + r.leavesChecked() + " leaves and "
              + r.headsChecked() + " signed heads: " + r.divergence().get());
        }
        out.printf("ledger OK: %d leaves recomputed from their rows (from size %d), %d signed heads checked; size %d, root %s%n",
            r.leavesChecked(), r.fromSize(), r.headsChecked(), r.treeSize(), r.rootHex());
        return 0;
      } catch (StoreException e) {
        throw new UserException(e.getMessage());
      }
    }
  }

  /** {@code ledger proof ID}. */
  @Command(name = "proof", mixinStandardHelpOptions = true,
      description = "Write an offline-checkable proof (signed checkpoint + inclusion proof + the record's leaf) for a record.")
  static final class Proof implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID",
        description = "An incident id (its current version), TABLE:ROW_ID (e.g. reviews:12), or leaf:N.")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the proof here instead of standard output.")
    Path output;

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
        String json = s.proof(leaf).toJson();
        if (output == null) {
          spec.commandLine().getOut().print(json);
        } else {
          Files.writeString(output, json);
          spec.commandLine().getErr().println("wrote the proof of leaf " + leaf + " to " + output);
        }
        return 0;
      } catch (StoreException e) {
        throw new UserException(e.getMessage());
      } catch (IOException e) {
        throw new UserException(output + ": cannot write: " + e.getMessage());
      }
    }
  }

  /** {@code ledger check-proof FILE}. */
  @Command(name = "check-proof", mixinStandardHelpOptions = true,
      description = "Check a proof file without a database: signature, canonical leaf, inclusion in the signed tree.")
  static final class CheckProof implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A proof written by 'umbrella ledger proof'.")
    Path file;

    @Option(names = "--key", paramLabel = "VERIFIER_KEY",
        description = "The ledger's published verifier key (name+id+key, or a file holding it). Without it the key in the proof file is used, which proves consistency, not origin.")
    String key;

    @Override
    public Integer call() {
      String text = read(file);
      PrintWriter out = spec.commandLine().getOut();
      try {
        ProofBundle b = ProofBundle.parse(text);
        NoteVerifier trusted;
        if (key != null) {
          String k = Files.exists(Path.of(key)) ? read(Path.of(key)).strip() : key;
          trusted = NoteVerifier.parse(k);
        } else {
          trusted = NoteVerifier.parse(b.verifierKey());
        }
        Checkpoint cp = b.verify(trusted);
        out.printf("proof OK: leaf %d is in the tree of size %d signed by %s%n", b.leafIndex(), cp.size(), trusted.encoded());
        out.println("leaf: " + b.leaf());
        if (key == null) {
          spec.commandLine().getErr().println(
              "note: checked against the key inside the file; compare it with the key the ledger operator publishes, or pass --key");
        }
        return 0;
      } catch (LedgerException e) {
        throw new UserException(file + ": proof REJECTED: " + e.getMessage());
      }
    }
  }

  /** {@code ledger public-key}. */
  @Command(name = "public-key", mixinStandardHelpOptions = true,
      description = "Print the ledger's public verifier key (C2SP signed-note format), to publish.")
  static final class PublicKey implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      Path pub = store.dataDir().resolve("ledger-key.pub");
      if (!Files.exists(pub)) {
        throw new UserException("no ledger key in " + store.dataDir()
            + " yet; it is made when the store first starts (e.g. 'umbrella import' or 'umbrella serve')");
      }
      spec.commandLine().getOut().println(read(pub).strip());
      return 0;
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
