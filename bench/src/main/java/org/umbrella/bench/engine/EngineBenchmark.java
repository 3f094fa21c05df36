package org.umbrella.bench.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;

/**
 * JMH: incidents per second through the engine, the hand-written loop and Esper, each given the
 * same 200,000 pre-generated incidents (so generation is not measured) with fresh state per
 * invocation (set up outside the measurement, including Esper's EPL compilation). Scores are in incidents/s (ops/s with one op per incident).
 *
 * <p>Run from the repository root: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp
 * bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {
  static final int N = 200_000;

  Agreement agreement;
  List<Incident> incidents;

  Engine engine;
  HandLoop hand;
  EsperPeer esper;

  @Setup(Level.Trial)
  public void load() {
    agreement = TwentyPoint.load(Path.of(System.getProperty("umbrella.agreement", TwentyPoint.DEFAULT_PATH)));
    incidents = new ArrayList<>(N);
    Iterator<Incident> s = TwentyPoint.stream(agreement, N, 42);
    s.forEachRemaining(incidents::add);
  }

  @Setup(Level.Invocation)
  public void fresh() {
    engine = Engine.create(agreement);
    hand = new HandLoop(agreement);
    if (esper != null) {
      esper.close();
    }
    esper = new EsperPeer(agreement); // compiling and deploying the EPL is not measured
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void engine(Blackhole bh) {
    for (Incident i : incidents) {
      engine.process(i, bh::consume);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long handWrittenLoop() {
    for (Incident i : incidents) {
      hand.process(i);
    }
    return hand.outputs();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long esper() {
    for (Incident i : incidents) {
      esper.process(i);
    }
    return esper.counts[0];
  }
}
