package org.umbrella.cli.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.umbrella.cli.Terminal;
import org.umbrella.cli.UserException;
import org.umbrella.cli.replay.ReplayCommand;
import org.umbrella.engine.input.Incident;
import org.umbrella.evidence.EvidenceException;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.ImportStream;
import org.umbrella.evidence.importers.PartyNames;
import org.umbrella.evidence.importers.RowOutcome;
import org.umbrella.ledger.Hashes;
import org.umbrella.store.BulkImport;
import org.umbrella.store.ImportResult;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code umbrella import FILE --format ...}: bulk import of incidents through COPY, each row a
 * ledger leaf; idempotent (records identical to the stored version are skipped), rejected rows
 * listed with their line.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import incidents from a dataset file into the store (COPY; idempotent; every row a ledger leaf).")
public final class ImportCommand implements Callable<Integer> {
  private static final int SHOWN_REJECTIONS = 20;

  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "ucdp, acled, viina, csv or umbrella (JSON Lines, docs/incidents.md).")
  String format;

  @Option(
      names = "--batch-size",
      defaultValue = "50000",
      description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--recorded-by",
      defaultValue = "import",
      description = "Who is recorded as having stored the rows (default: ${DEFAULT-VALUE}).")
  String recordedBy;

  @Option(
      names = "--agreement",
      paramLabel = "AGREEMENT",
      description =
          "Assign actors to this agreement's parties (dataset names as in docs/importers.md); default: the war in Ukraine's RU and UA.")
  Path agreement;

  @Option(
      names = "--strict",
      description = "Fail (exit 1) when any row is rejected; the valid rows are still imported.")
  boolean strict;

  @Override
  public Integer call() {
    ImportFormat f =
        ImportFormat.fromWire(format)
            .orElseThrow(
                () ->
                    new UserException(
                        "unknown --format '"
                            + format
                            + "'; use one of "
                            + ImportFormat.allWireNames()));
    if (batchSize < 1) {
      throw new UserException("--batch-size must be positive, was " + batchSize);
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such file");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read: " + e.getMessage());
    }
    PartyNames parties =
        agreement == null
            ? PartyNames.ukraineWar()
            : PartyNames.forAgreement(ReplayCommand.loadAgreement(agreement));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long rows = 0;
    long rejected = 0;
    ImportResult total;
    try (PostgresEvidenceStore s = store.open();
        CountingReader counting =
            new CountingReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        BufferedReader reader = new BufferedReader(counting, 1 << 16);
        ProgressBar bar =
            !Terminal.interactive()
                ? null
                : new ProgressBarBuilder()
                    .setTaskName("import")
                    .setInitialMax(size)
                    .setUnit(" MB", 1 << 20)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        // parsing and preparing the next batch overlap with the database writing the previous one
        BulkImport bulk = s.bulkImport(recordedBy)) {
      ImportStream stream = f.importer(parties).open(reader);
      List<Incident> batch = new ArrayList<>(Math.min(batchSize, 100_000));
      while (stream.hasNext()) {
        RowOutcome o = stream.next();
        rows++;
        switch (o) {
          case RowOutcome.Imported i -> batch.add(i.incident());
          case RowOutcome.Rejected r -> {
            rejected++;
            if (rejected <= SHOWN_REJECTIONS) {
              err.println(file + ":" + r.line() + ": row " + r.row() + " rejected: " + r.reason());
            }
          }
        }
        if (batch.size() >= batchSize) {
          bulk.add(batch);
          batch.clear();
        }
        if (bar != null) {
          bar.stepTo(Math.min(size, counting.count()));
        }
      }
      bulk.add(batch);
      total = bulk.finish();
      for (String note : stream.notes()) {
        err.println(file + ": note: " + note);
      }
      if (rejected > SHOWN_REJECTIONS) {
        err.println(file + ": ... and " + (rejected - SHOWN_REJECTIONS) + " more rejected rows");
      }
      // hex, as `ledger verify` prints it (the checkpoint itself carries the root in base64)
      String root =
          Hashes.hex(
              s.latestCheckpoint()
                  .map(cp -> Base64.getDecoder().decode(cp.split("\n", -1)[2]))
                  .orElse(Hashes.emptyRoot()));
      out.printf(
          "%s (%s): %d rows: %d added, %d unchanged, %d rejected%n",
          file, f.wireName(), rows, total.added(), total.unchanged(), rejected);
      out.printf("ledger: size %d, root %s%n", s.count("ledger_leaves"), root);
    } catch (EvidenceException e) {
      throw new UserException(file + ": " + e.getMessage());
    } catch (StoreException e) {
      throw UserException.from(e);
    } catch (IOException | UncheckedIOException e) {
      throw new UserException(file + ": cannot read: " + e.getMessage());
    }
    if (strict && rejected > 0) {
      throw new UserException(rejected + " rows rejected (--strict); the valid rows were imported");
    }
    return 0;
  }
}
