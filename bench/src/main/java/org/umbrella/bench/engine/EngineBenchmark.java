package org.umbrella.bench.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;

/**
 * JMH: incidents per second through the engine, the hand-written loop (bare, and with the revision
 * index and one record per finding) and Esper (bare, and with a 30-day revision window), each given
 * the same 200,000 pre-generated incidents (so generation is not measured) with fresh state per
 * invocation, set up outside the measurement (for Esper: compiling and deploying the EPL). Each
 * contestant has its own state class, so a benchmark sets up only what it measures. Scores are in
 * incidents/s (ops/s with one op per incident).
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp
 * bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx512m", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {
  static final int N = 200_000;

  Agreement agreement;
  List<Incident> incidents;

  @Setup(Level.Trial)
  public void load() {
    agreement =
        TwentyPoint.load(
            Path.of(System.getProperty("umbrella.agreement", TwentyPoint.DEFAULT_PATH)));
    incidents = new ArrayList<>(N);
    Iterator<Incident> s = TwentyPoint.stream(agreement, N, 42);
    s.forEachRemaining(incidents::add);
  }

  /** A fresh engine per invocation. */
  @State(Scope.Thread)
  public static class EngineState {
    Engine engine;

    @Setup(Level.Invocation)
    public void fresh(EngineBenchmark b) {
      engine = Engine.create(b.agreement);
    }
  }

  /** A fresh hand loop per invocation. */
  @State(Scope.Thread)
  public static class HandState {
    HandLoop hand;
    HandLoop handWithRecords;

    @Setup(Level.Invocation)
    public void fresh(EngineBenchmark b) {
      hand = new HandLoop(b.agreement);
      handWithRecords = new HandLoop(b.agreement, true, o -> {});
    }
  }

  /**
   * A fresh Esper runtime per invocation (the previous one destroyed); with the revision window
   * when {@link #revisions}.
   */
  public abstract static class EsperBase {
    @Nullable EsperPeer esper;

    abstract boolean revisions();

    @Setup(Level.Invocation)
    public void fresh(EngineBenchmark b) {
      close();
      esper = new EsperPeer(b.agreement, revisions());
    }

    @TearDown(Level.Trial)
    public void close() {
      if (esper != null) {
        esper.close();
        esper = null;
      }
    }
  }

  /** The bare EPL. */
  @State(Scope.Thread)
  public static class EsperState extends EsperBase {
    @Override
    boolean revisions() {
      return false;
    }
  }

  /** The EPL with the 30-day revision window. */
  @State(Scope.Thread)
  public static class EsperRevisionsState extends EsperBase {
    @Override
    boolean revisions() {
      return true;
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void engine(EngineState s, Blackhole bh) {
    Engine engine = s.engine;
    for (Incident i : incidents) {
      engine.process(i, bh::consume);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long handWrittenLoop(HandState s) {
    for (Incident i : incidents) {
      s.hand.process(i);
    }
    return s.hand.outputs();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long handLoopWithRecords(HandState s) {
    for (Incident i : incidents) {
      s.handWithRecords.process(i);
    }
    return s.handWithRecords.outputs();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long esper(EsperState s) {
    EsperPeer peer = Objects.requireNonNull(s.esper, "set up per iteration");
    for (Incident i : incidents) {
      peer.process(i);
    }
    return peer.counts[0];
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long esperWithRevisions(EsperRevisionsState s) {
    EsperPeer peer = Objects.requireNonNull(s.esper, "set up per iteration");
    for (Incident i : incidents) {
      peer.process(i);
    }
    return peer.counts[0] + peer.revisions;
  }
}
