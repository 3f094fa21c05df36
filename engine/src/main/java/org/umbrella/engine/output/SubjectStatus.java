package org.umbrella.engine.output;

import java.util.Optional;

/**
 * The state of a subject a {@link StatusRecord} reports on: a guarantee ({@link GuaranteeStatus})
 * or a provision ({@link ProvisionStatus}). The kind of the status is the kind of the subject, so a
 * record cannot pair a provision with a guarantee's state.
 */
public sealed interface SubjectStatus permits GuaranteeStatus, ProvisionStatus {
  /** The spelling in output records, for example {@code "triggered"} or {@code "implemented-2"}. */
  String wireName();

  /** {@code "guarantee"} or {@code "provision"}, the output's {@code subject-kind}. */
  String subjectKind();

  /**
   * The status of a subject of {@code subjectKind} spelled {@code name}, if both are known.
   *
   * <p>Used by readers of output and of projections; the engine itself never parses a status.
   */
  static Optional<SubjectStatus> fromWire(String subjectKind, String name) {
    return switch (subjectKind) {
      case GuaranteeStatus.KIND -> GuaranteeStatus.fromWire(name).map(s -> s);
      case ProvisionStatus.KIND -> ProvisionStatus.fromWire(name).map(s -> s);
      default -> Optional.empty();
    };
  }
}
