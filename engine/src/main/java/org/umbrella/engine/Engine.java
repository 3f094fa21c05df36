package org.umbrella.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.internal.Evaluator;
import org.umbrella.engine.output.OutputRecord;

/**
 * The enforcement engine for one agreement and one input stream (LANGUAGE.md section 2,
 * docs/engine.md).
 *
 * <p>Two clocks (docs/engine.md, "Time"). Every record claims an event time ({@link
 * InputRecord#time()}), typed by people or copied from a dataset: it only places an incident in
 * windows and is what a finding's evidence reports. Every record is also <em>recorded</em> at a
 * trusted time, the service's journaled clock when it accepted the record. The engine's clock is
 * the latest record time: deadlines (activations, terms, breaches, overdue decisions, provisions)
 * fall due only as it reaches them, and every output is stamped on it. A future-dated claim can
 * therefore never breach, activate or expire anything.
 *
 * <p>Feed records in record-time order with {@link #process(InputRecord, Instant, Consumer)}; the
 * engine carries its state from one call to the next, so a stream may be fed in chunks of any size
 * and gives the same outputs, byte for byte, as when fed at once. A record time earlier than the
 * clock is taken as the clock (the clock never goes back). {@link #process(InputRecord, Consumer)}
 * without a record time is historical (batch) mode: the record's own time stands for its record
 * time, as when replaying an already-collected dataset. Outputs are a pure function of the
 * agreement and the input sequence: no clock, no randomness, no hash order. Places are compiled
 * once when the engine is created.
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
   * @throws EngineException if the agreement names something the engine cannot resolve (a validated
   *     agreement never does)
   */
  public static Engine create(Agreement agreement) {
    return new Engine(agreement, EngineOptions.defaults());
  }

  /** As {@link #create(Agreement)} with explicit options. */
  public static Engine create(Agreement agreement, EngineOptions options) {
    return new Engine(agreement, options);
  }

  /**
   * Processes one record recorded at {@code recordedAt} (trusted time): first the deadlines at or
   * before {@code max(clock, recordedAt)} (breaches, expiries, activations, overdue decisions),
   * each stamped at its own instant, then the record, stamped at the clock. Outputs are handed to
   * {@code out} in order. The record's claimed time moves no deadline.
   *
   * <p>A condition that fails at run time on this record counts as not met, with an alert ({@code
   * condition-failed}); it does not stop the engine.
   *
   * @throws IllegalArgumentException if {@code record} is a {@link Tick} whose time differs from
   *     {@code recordedAt} (a tick is trusted time itself)
   */
  public void process(InputRecord record, Instant recordedAt, Consumer<OutputRecord> out) {
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (record instanceof Tick tick && !tick.time().equals(recordedAt)) {
      throw new IllegalArgumentException(
          "a tick is trusted time itself: its time "
              + tick.time()
              + " must equal its record time "
              + recordedAt);
    }
    evaluator.process(record, recordedAt, out);
  }

  /** Convenience: {@link #process(InputRecord, Instant, Consumer)} collecting the outputs. */
  public List<OutputRecord> process(InputRecord record, Instant recordedAt) {
    List<OutputRecord> out = new ArrayList<>();
    process(record, recordedAt, out::add);
    return out;
  }

  /**
   * Convenience: {@link #process(InputRecord, Instant, Consumer)} for a record and its record time.
   */
  public void process(RecordedInput recorded, Consumer<OutputRecord> out) {
    process(recorded.record(), recorded.recordedAt(), out);
  }

  /**
   * Historical (batch) mode: the record's own time is taken as its record time, as when replaying
   * an already-collected dataset where the dataset is the record. Equivalent to {@code
   * process(record, record.time(), out)}.
   */
  public void process(InputRecord record, Consumer<OutputRecord> out) {
    evaluator.process(record, record.time(), out);
  }

  /** Convenience: {@link #process(InputRecord, Consumer)} collecting the outputs. */
  public List<OutputRecord> process(InputRecord record) {
    List<OutputRecord> out = new ArrayList<>();
    evaluator.process(record, record.time(), out::add);
    return out;
  }

  /**
   * The trusted clock: the latest record time processed (or deadline fired), or null before the
   * first record. Never a claimed event time, so never ahead of what the service has journaled.
   */
  public @Nullable Instant clock() {
    return evaluator.clock();
  }

  /**
   * The earliest deadline the engine has scheduled (activation, expiry, a decision or duty falling
   * due, a provision's date), or empty when none is: a service ticks only when its clock reaches
   * it, so a tick that fires nothing need not be journaled. A deadline may fire nothing (the
   * obligation it watched was answered meanwhile).
   */
  public Optional<Instant> nextDeadline() {
    return evaluator.nextDeadline();
  }

  public Agreement agreement() {
    return evaluator.agreement();
  }
}
