package org.umbrella.cli.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.cli.Terminal;
import org.umbrella.cli.UserException;
import org.umbrella.engine.Engine;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.PartyNames;
import org.umbrella.stream.BrokerReplay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code umbrella replay AGREEMENT EVENTS...}: runs the engine over recorded events.
 *
 * <p>Streams: events are read one at a time, put in time order in bounded memory (sorted runs
 * spilled to temporary files beyond {@code --sort-chunk} records) and fed to one engine whose state
 * carries across files. Outputs are canonical JSON Lines.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Run an agreement over recorded events and write what the engine decides (findings, obligations, status changes,"
          + " alerts) as canonical JSON Lines.",
      "Events are put in record-time order first (a record's 'recorded' time, else its own time; ties keep input order),"
          + " in bounded memory. Deadlines fall due on record time only; claimed times place incidents in windows."
    })
public final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "AGREEMENT",
      description = "The agreement file (*.agreement.yaml).")
  Path agreementFile;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "EVENTS",
      description = "Event files, replayed as one stream.")
  List<Path> events;

  @CommandLine.Mixin EventOptions eventOptions;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the output records here (default: standard output, unless --summary).")
  Path out;

  @Option(
      names = "--summary",
      description = "Print a human summary at the end (to standard output).")
  boolean summary;

  @Option(
      names = "--explain",
      paramLabel = "ID",
      description = "After the replay, print the causal chain of this output id.")
  String explain;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Write rows the importer could not map here (default: standard error).")
  Path rejects;

  /** Which engine runs the replay. */
  enum EngineKind {
    SINGLE_NODE("single-node"),
    KAFKA_STREAMS("kafka-streams");

    final String label;

    EngineKind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      converter = EngineKindConverter.class,
      defaultValue = "single-node",
      description =
          "single-node (default): the engine in this process; kafka-streams: the same engine through the Kafka Streams"
              + " topology of the stream module, on a Kafka broker started in this process (exactly-once, RocksDB store). Both write the same bytes.")
  EngineKind engineKind;

  /** Parses --engine, naming the choices when the value is none of them. */
  static final class EngineKindConverter implements CommandLine.ITypeConverter<EngineKind> {
    @Override
    public EngineKind convert(String value) {
      for (EngineKind k : EngineKind.values()) {
        if (k.label.equals(value)) {
          return k;
        }
      }
      throw new CommandLine.TypeConversionException(
          "--engine must be single-node or kafka-streams, was '" + value + "'");
    }
  }

  /** Dataset actor names to the agreement's party ids, set once the agreement is loaded. */
  private @Nullable PartyNames parties;

  @Override
  public Integer call() throws IOException {
    ImportFormat fmt = eventOptions.format();
    Agreement agreement = loadAgreement(agreementFile);
    parties = PartyNames.forAgreement(agreement);
    Instant fromT = eventOptions.from();
    Instant toT = eventOptions.to();
    long totalBytes = EventOptions.checkFiles(events);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Summary sum = new Summary(new ArrayList<>(agreement.findings().keySet()));
    AtomicLong rejected = new AtomicLong();
    Writer rejectsOut =
        rejects == null ? null : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8);
    ProgressBar bar =
        Terminal.interactive()
            ? new ProgressBarBuilder()
                .setTaskName("reading")
                .setInitialMax(totalBytes)
                .setUnit(" MB", 1 << 20)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build()
            : null;
    Map<String, List<OutputRecord>> index = explain == null ? null : new HashMap<>();
    long started = System.nanoTime();
    long written = 0;
    try (Writer w = openOut()) {
      Iterator<RecordedInput> all = concat(fmt, err, rejectsOut, rejected, sum, bar);
      Iterator<RecordedInput> ordered =
          TimeOrder.sort(
              filter(all, fromT, toT),
              eventOptions.sortChunk(),
              Path.of(System.getProperty("java.io.tmpdir")));
      if (bar != null) {
        bar.stepTo(bar.getMax());
        bar.close();
      }
      StringBuilder line = new StringBuilder(512);
      long[] count = {0};
      Consumer<OutputRecord> sink =
          o -> {
            sum.output(o);
            if (index != null) {
              index.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(o);
            }
            if (w != null) {
              line.setLength(0);
              OutputCodec.encode(o, line);
              line.append('\n');
              write(w, line);
            }
            count[0]++;
          };
      if (engineKind == EngineKind.KAFKA_STREAMS) {
        boolean decode = summary || index != null;
        try (BrokerReplay topology = new BrokerReplay(agreement)) {
          // inputs come back interleaved with their outputs, as the single-node loop below sees
          // them
          topology.run(
              ordered,
              new BrokerReplay.Listener() {
                @Override
                public void input(RecordedInput r) {
                  sum.input(r.record());
                }

                @Override
                public void output(String text) {
                  if (decode) {
                    OutputRecord o = OutputCodec.decode(text, count[0] + 1);
                    sum.output(o);
                    if (index != null) {
                      index.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(o);
                    }
                  }
                  if (w != null) {
                    line.setLength(0);
                    line.append(text).append('\n');
                    write(w, line);
                  }
                  count[0]++;
                }
              });
        } catch (IllegalStateException e) {
          throw new UserException("replay through Kafka Streams stopped: " + e.getMessage());
        }
      } else {
        Engine engine = Engine.create(agreement);
        while (ordered.hasNext()) {
          RecordedInput r = ordered.next();
          sum.input(r.record());
          engine.process(r, sink);
        }
      }
      written = count[0];
    } catch (EngineException e) {
      throw new UserException("replay stopped: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UserException("cannot write output: " + UserException.causeMessage(e));
    } finally {
      if (rejectsOut != null) {
        rejectsOut.close();
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (summary) {
      sum.print(
          stdout,
          agreement.ref() + (out == null ? "" : " (" + written + " output records in " + out + ")"),
          millis);
    }
    if (explain != null) {
      Set<String> needed =
          ReplayExplainer.inputIds(explain, Objects.requireNonNull(index, "kept for --explain"));
      Map<String, RecordedInput> inputs = new HashMap<>();
      if (!needed.isEmpty()) {
        Iterator<RecordedInput> again = concat(fmt, null, null, new AtomicLong(), null, null);
        while (again.hasNext()) {
          RecordedInput r = again.next();
          if (needed.contains(r.record().id())) {
            inputs.put(r.record().id(), r);
          }
        }
      }
      stdout.println();
      if (!new ReplayExplainer(Objects.requireNonNull(index, "kept for --explain"), inputs, stdout)
          .explain(explain)) {
        throw new UserException("no output has the id '" + explain + "'");
      }
    }
    return 0;
  }

  private static void write(Writer w, CharSequence line) {
    try {
      w.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private @Nullable Writer openOut() throws IOException {
    if (out != null) {
      return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }
    if (summary || explain != null) {
      return null;
    }
    return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  private Iterator<RecordedInput> concat(
      ImportFormat fmt,
      @Nullable PrintWriter err,
      @Nullable Writer rejectsOut,
      AtomicLong rejected,
      @Nullable Summary sum,
      @Nullable ProgressBar bar) {
    List<Path> files = events;
    return new Iterator<>() {
      int next;
      Iterator<RecordedInput> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (next >= files.size()) {
            return false;
          }
          current =
              EventFiles.open(
                  files.get(next++),
                  fmt,
                  Objects.requireNonNull(parties, "set when the agreement was loaded"),
                  rejection -> {
                    rejected.incrementAndGet();
                    if (sum != null) {
                      sum.rejected();
                    }
                    try {
                      if (rejectsOut != null) {
                        rejectsOut.write(rejection + "\n");
                      } else if (err != null) {
                        err.println("rejected: " + rejection);
                      }
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  },
                  note -> {
                    if (sum != null) {
                      sum.note(note);
                    } else if (err != null) {
                      err.println("note: " + note);
                    }
                  },
                  n -> {
                    if (bar != null) {
                      bar.stepBy(n);
                    }
                  });
        }
        return true;
      }

      @Override
      public RecordedInput next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Keeps the records whose record time is in [from, to). */
  private static Iterator<RecordedInput> filter(
      Iterator<RecordedInput> in, @Nullable Instant from, @Nullable Instant to) {
    if (from == null && to == null) {
      return in;
    }
    return new Iterator<>() {
      @Nullable RecordedInput next;

      @Override
      public boolean hasNext() {
        while (next == null && in.hasNext()) {
          RecordedInput r = in.next();
          if ((from == null || !r.recordedAt().isBefore(from))
              && (to == null || r.recordedAt().isBefore(to))) {
            next = r;
          }
        }
        return next != null;
      }

      @Override
      public RecordedInput next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        RecordedInput r = Objects.requireNonNull(next);
        next = null;
        return r;
      }
    };
  }

  /** Loads and validates an agreement file, or fails with its diagnostics as a user error. */
  public static Agreement loadAgreement(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException("cannot read agreement " + file + ": no such file");
    }
    LoadResult result = AgreementFiles.load(file, file.toString());
    if (!result.isValid()) {
      throw new UserException(result.toDisplayString().stripTrailing());
    }
    return result.agreement();
  }

  static Instant instant(String option, String text) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserException(
          option
              + " must be an ISO-8601 instant (2026-03-01T00:00:00Z) or a date (2026-03-01), was '"
              + text
              + "'");
    }
  }
}
