package org.umbrella.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.internal.Evaluator;
import org.umbrella.engine.output.OutputRecord;

/**
 * The enforcement engine for one agreement and one input stream (LANGUAGE.md section 2,
 * docs/engine.md).
 *
 * <p>Feed records in time order with {@link #process}; the engine carries its state from one call
 * to the next, so a stream may be fed in chunks of any size and gives the same outputs, byte for
 * byte, as when fed at once. A record earlier than the latest one is processed at the current clock
 * (its own time still counts for windows). Outputs are a pure function of the agreement and the
 * input sequence: no clock, no randomness, no hash order. Places are compiled once when the engine
 * is created.
 *
 * <p>Not thread-safe: one engine per stream.
 */
public final class Engine {
  private final Evaluator evaluator;

  private Engine(Agreement agreement, EngineOptions options) {
    this.evaluator = new Evaluator(agreement, options);
  }

  /**
   * Compiles {@code agreement} into a fresh engine at the start of time.
   *
   * @throws EngineException if the agreement names something the engine cannot resolve (a validated agreement never does)
   */
  public static Engine create(Agreement agreement) {
    return new Engine(agreement, EngineOptions.defaults());
  }

  /** As {@link #create(Agreement)} with explicit options. */
  public static Engine create(Agreement agreement, EngineOptions options) {
    return new Engine(agreement, options);
  }

  /**
   * Processes one record: first the deadlines at or before its time (breaches, expiries,
   * activations, overdue decisions), then the record. Outputs are handed to {@code out} in order.
   *
   * @throws EngineException if a condition cannot be evaluated on the record
   */
  public void process(InputRecord record, Consumer<OutputRecord> out) {
    evaluator.process(record, out);
  }

  /** Convenience: {@link #process} collecting the outputs. */
  public List<OutputRecord> process(InputRecord record) {
    List<OutputRecord> out = new ArrayList<>();
    evaluator.process(record, out::add);
    return out;
  }

  /** The latest event time processed, or null before the first record. */
  public Instant clock() {
    return evaluator.clock();
  }

  public Agreement agreement() {
    return evaluator.agreement();
  }
}
