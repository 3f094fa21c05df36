package org.umbrella.stress;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of one design over one stream of events produced, counted as {@code umbrella replay
 * --summary} counts it (a finding counts as raised once, whether it was first a candidate or
 * confirmed at once; obligations by their last status).
 *
 * @param inputs records fed to the engine
 * @param findings per finding definition, in the agreement's order
 * @param guarantees per guarantee, in the agreement's order
 * @param obligations per duty-bearing party (sorted): obligations by last status
 * @param statusChanges every status change the run emitted
 * @param alerts alerts by reason (sorted)
 * @param triggerPoints places [lat, lon] of the incidents behind confirmed findings that triggered
 *     a guarantee
 */
public record Outcome(
    long inputs,
    Map<String, FindingCount> findings,
    Map<String, GuaranteeCount> guarantees,
    Map<String, Map<String, Long>> obligations,
    long statusChanges,
    Map<String, Long> alerts,
    List<double[]> triggerPoints) {

  /**
   * The counts of guarantee {@code id}, which every outcome of one agreement has.
   *
   * @throws IllegalArgumentException if the agreement has no such guarantee
   */
  public GuaranteeCount guarantee(String id) {
    GuaranteeCount g = guarantees.get(id);
    if (g == null) {
      throw new IllegalArgumentException("no guarantee '" + id + "' in " + guarantees.keySet());
    }
    return g;
  }

  /**
   * One finding definition's counts.
   *
   * @param raised findings raised (candidate or confirmed)
   * @param confirmed findings confirmed
   * @param rejected candidates rejected
   * @param withdrawn findings withdrawn
   * @param firstConfirmed record time of the first confirmation
   * @param firstLagDays days from the earliest incident of the first confirmed finding to its
   *     confirmation
   * @param confirmedByMonth confirmations by month of record time (yyyy-MM, sorted)
   */
  public record FindingCount(
      long raised,
      long confirmed,
      long rejected,
      long withdrawn,
      Optional<Instant> firstConfirmed,
      Optional<Double> firstLagDays,
      Map<String, Long> confirmedByMonth) {}

  /**
   * One guarantee's status history in the run.
   *
   * @param triggered times it entered "triggered" (once, unless it was reactivated in between)
   * @param triggerFindings distinct confirmed findings that put duties on its guarantors (each a
   *     new call on them)
   * @param firstTriggered record time of the first trigger
   * @param firstLagDays days from the earliest incident of the finding that first triggered it to
   *     that trigger
   * @param voided whether a void condition fired
   * @param voidedAt when it did
   * @param voidCause the engine's cause text (names the finding and the side it was against)
   * @param duties the obligations put on guarantors, counted by "party: duty"
   */
  public record GuaranteeCount(
      long triggered,
      long triggerFindings,
      Optional<Instant> firstTriggered,
      Optional<Double> firstLagDays,
      boolean voided,
      Optional<Instant> voidedAt,
      Optional<String> voidCause,
      Map<String, Long> duties) {}

  /** Confirmed findings of one definition (0 when unknown). */
  public long confirmed(String definition) {
    FindingCount c = findings.get(definition);
    return c == null ? 0 : c.confirmed();
  }
}
