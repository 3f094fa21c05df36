package org.umbrella.stress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stress test's result: for each design, what it produced over the events as recorded and, with
 * samples, how likely each outcome is under the evidence's uncertainty.
 *
 * @param settings how it ran
 * @param designs one result per design, in the order given
 * @param parameterSensitivity per swept path: the largest change of any probability (or, without
 *     samples, of any outcome as recorded: 0 or 1) between a point of the sweep and the design it
 *     varies
 */
public record StressReport(
    Settings settings, List<DesignResult> designs, Map<String, Double> parameterSensitivity) {

  /**
   * One design's result.
   *
   * @param name the design's name
   * @param agreement the agreement's reference (id@version)
   * @param point for a point of a sweep, what it varies
   * @param asRecorded the run over the events as recorded (equal to {@code umbrella replay})
   * @param sampled the probabilities, when samples were asked for
   */
  public record DesignResult(
      String name,
      String agreement,
      Optional<Design.Point> point,
      Outcome asRecorded,
      Optional<Sampled> sampled) {}

  /**
   * Probabilities over samples. A probability is the share of samples in which the outcome
   * happened; its standard error is {@code sqrt(p (1 - p) / n)}.
   *
   * @param samples number of samples
   * @param findingConfirmed per finding definition: probability that at least one was confirmed
   * @param meanConfirmed per finding definition: mean number confirmed
   * @param guaranteeTriggered per guarantee: probability that it triggered
   * @param guaranteeVoided per guarantee: probability that a void condition fired
   * @param medianTriggerLagDays per guarantee that triggered in some sample: median days from the
   *     first qualifying incident to the trigger, over those samples
   * @param partyBreached per duty-bearing party: probability that at least one of its obligations
   *     was breached
   * @param sensitivity per source of uncertainty (when asked for): the largest change, over every
   *     probability above and every mean count (relative to the larger), between samples redrawing
   *     only that source and the run as recorded
   */
  public record Sampled(
      int samples,
      Map<String, Double> findingConfirmed,
      Map<String, Double> meanConfirmed,
      Map<String, Double> guaranteeTriggered,
      Map<String, Double> guaranteeVoided,
      Map<String, Double> medianTriggerLagDays,
      Map<String, Double> partyBreached,
      Map<String, Double> sensitivity) {}
}
