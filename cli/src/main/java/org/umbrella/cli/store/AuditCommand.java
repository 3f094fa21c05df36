package org.umbrella.cli.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.cli.ServeCommand;
import org.umbrella.cli.UserException;
import org.umbrella.server.journal.AgreementVersion;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.journal.Reexecution;
import org.umbrella.server.ops.BodyProjection;
import org.umbrella.server.ops.OutcomeProjection;
import org.umbrella.server.ops.ReportProjection;
import org.umbrella.store.StoreException;
import org.umbrella.store.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code umbrella audit ...}: check that enforcement followed from the record. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Audit enforcement itself: re-execute it from the journal and compare every decision with the ledger.",
    subcommands = {AuditCommand.Reexecute.class, AuditCommand.RebuildProjections.class})
public final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code audit reexecute}. */
  @Command(
      name = "reexecute",
      mixinStandardHelpOptions = true,
      description = {
        "Re-execute enforcement: verify the ledger, replay the journal (every report version, tally, answer, provision "
            + "report and clock tick the service accepted, at the times it accepted them) through the enforcement engine "
            + "under each agreement version the journal records as put in force (loaded from the journal itself), and "
            + "compare every finding, obligation, status and alert it computes, byte for byte, with the engine output "
            + "leaves in the ledger.",
        "Prints how many outputs matched, or the first divergence with its leaf index. Exit 0 when all match.",
        "Proves not only that the records are in the ledger but that the decisions follow from them."
      })
  static final class Reexecute implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(
        names = "--agreement",
        paramLabel = "FILE",
        description =
            "Only for a journal written before agreement versions were journaled: an agreement file the service "
                + "enforced then; repeat it for each such version, each stretch of the journal being re-executed under the "
                + "version its outputs name (matched by id, version and SHA-256). Versions in the journal need no file.")
    List<Path> agreementFiles = new ArrayList<>();

    @Override
    public Integer call() {
      Map<String, Agreement> byBase = new LinkedHashMap<>();
      Map<String, String> sources = new HashMap<>();
      for (Path path : agreementFiles) {
        LoadResult loaded = AgreementFiles.load(path);
        if (!loaded.isValid()) {
          throw new UserException(
              path + ": the agreement does not load:\n" + loaded.toDisplayString());
        }
        String source;
        try {
          source = Files.readString(path);
        } catch (IOException e) {
          throw new UserException("cannot read " + path + ": " + e.getMessage());
        }
        Agreement a = loaded.agreement();
        String base = AgreementVersion.base(a.id(), a.version(), source);
        byBase.put(base, a);
        sources.put(base, source);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (LedgerReader reader = LedgerReader.open(store)) {
        VerifyReport v = reader.verify(0);
        if (v.divergence().isPresent()) {
          throw new UserException(
              "ledger verification FAILED after "
                  + v.leavesChecked()
                  + " leaves: "
                  + v.divergence().get()
                  + "\n  (the record itself was altered; re-execution needs an intact ledger)");
        }
        out.printf(
            "ledger OK: %d leaves, %d signed heads; size %d, root %s%n",
            v.leavesChecked(), v.headsChecked(), v.treeSize(), v.rootHex());
        var jdbi = reader.database().jdbi();
        List<Reexecution.Segment> segments;
        try {
          segments = Reexecution.segments(jdbi);
        } catch (IllegalStateException e) {
          throw UserException.from(e);
        }
        Map<String, Agreement> given = new LinkedHashMap<>();
        List<String> under = new ArrayList<>();
        for (Reexecution.Segment seg : segments) {
          if (!seg.journaled()) {
            given.put(seg.agreement(), version(seg.agreement(), byBase, sources));
          }
          under.add(seg.agreement());
          out.printf(
              "segment: journal entries %d-%s, %d outputs under %s (%s)%n",
              seg.silentThrough() + 1,
              seg.throughSeq() == Long.MAX_VALUE ? "end" : String.valueOf(seg.throughSeq()),
              seg.outputs(),
              seg.agreement(),
              seg.journaled() ? "version from the journal" : "version from --agreement");
        }
        Reexecution.Result r;
        try {
          r = Reexecution.run(jdbi, given);
        } catch (IllegalArgumentException e) {
          throw UserException.from(e);
        }
        String underText =
            under.isEmpty() ? "(no outputs recorded)" : String.join(", then ", under);
        if (r.divergence().isPresent()) {
          out.printf(
              "re-execution DIVERGES: %d journal entries, %d outputs matched before the %s%n",
              r.journalEntries(), r.matched(), r.divergence().get());
          out.flush();
          return 1;
        }
        out.printf(
            "re-execution OK: %d journal entries replayed under %s; %d of %d recorded outputs matched byte for byte%s%n",
            r.journalEntries(),
            underText,
            r.matched(),
            r.matched(),
            r.uncompared() > 0
                ? " ("
                    + r.uncompared()
                    + " outputs of entries not yet recorded by the service were not compared)"
                : "");
        return 0;
      } catch (StoreException e) {
        throw UserException.from(e);
      }
    }

    /**
     * The agreement named {@code ref} ({@code id@version#sha256}, maybe with the demo's ceasefire)
     * from the files given.
     */
    private static Agreement version(
        String ref, Map<String, Agreement> byBase, Map<String, String> sources) {
      for (var e : byBase.entrySet()) {
        if (ref.startsWith(e.getKey())) {
          try {
            return AgreementVersion.apply(
                ref,
                e.getValue(),
                Objects.requireNonNull(sources.get(e.getKey()), "read with its agreement"));
          } catch (IllegalArgumentException x) {
            throw UserException.from(x);
          }
        }
      }
      throw new UserException(
          "the outputs were computed under "
              + ref
              + ", and no --agreement file given is that version (given: "
              + byBase.keySet()
              + ")");
    }
  }

  /** {@code audit rebuild-projections}. */
  @Command(
      name = "rebuild-projections",
      mixinStandardHelpOptions = true,
      description = {
        "Rebuild the pages' views from the journal: empty the report and review tables the pages and the API read, and "
            + "apply every report version in the journal again (with who filed and reviewed it, from the store's records), "
            + "in one transaction; then empty the finding, obligation, status and vote tables and apply every recorded "
            + "engine output, tally and answer again, in ledger order (titles from the agreement version each output names).",
        "The views are projections: nothing in them is not derived from the journal, so this changes no page or API "
            + "answer. Run it with the service stopped or running (filings wait while it runs)."
      })
  static final class RebuildProjections implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    @Option(
        names = "--agreement",
        paramLabel = "FILE",
        description =
            "The agreement whose titles and bodies name outputs computed under a version the journal does not hold "
                + "(default: the last version journaled, else the one 'umbrella serve' enforces).")
    Path agreementFile;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LedgerReader reader = LedgerReader.open(store)) {
        var jdbi = reader.database().jdbi();
        long before = ReportProjection.position(jdbi);
        long t0 = System.nanoTime();
        long n = ReportProjection.rebuild(jdbi);
        long rows =
            jdbi.withHandle(
                h -> h.createQuery("select count(*) from ops_report").mapTo(Long.class).one());
        out.printf(
            "projection %s rebuilt: %d report versions applied, %d reports; position %d -> %d (%d ms)%n",
            ReportProjection.NAME,
            n,
            rows,
            before,
            ReportProjection.position(jdbi),
            (System.nanoTime() - t0) / 1_000_000);
        long t1 = System.nanoTime();
        Agreement fallback = fallback(jdbi);
        int bodies = BodyProjection.rebuild(jdbi, fallback);
        long steps = OutcomeProjection.rebuild(jdbi, AgreementVersion.resolver(jdbi, fallback));
        long findings =
            jdbi.withHandle(
                h -> h.createQuery("select count(*) from ops_finding").mapTo(Long.class).one());
        long obligations =
            jdbi.withHandle(
                h -> h.createQuery("select count(*) from ops_obligation").mapTo(Long.class).one());
        out.printf(
            "projection outcomes rebuilt: %d bodies; %d outputs, tallies and answers applied; %d findings, %d obligations (%d ms)%n",
            bodies, steps, findings, obligations, (System.nanoTime() - t1) / 1_000_000);
        return 0;
      } catch (StoreException e) {
        throw UserException.from(e);
      }
    }

    /** The agreement for outputs whose version the journal does not hold. */
    private Agreement fallback(Jdbi jdbi) {
      if (agreementFile == null) {
        List<Journal.AgreementEntry> journaled = Journal.versions(jdbi);
        if (!journaled.isEmpty()) {
          return journaled.get(journaled.size() - 1).version().load();
        }
      }
      Path file = agreementFile != null ? agreementFile : ServeCommand.findDefaultAgreement();
      LoadResult loaded = AgreementFiles.load(file);
      if (!loaded.isValid()) {
        throw new UserException(
            file + ": the agreement does not load:\n" + loaded.toDisplayString());
      }
      return loaded.agreement();
    }
  }
}
