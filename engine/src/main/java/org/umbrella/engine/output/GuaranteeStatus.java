package org.umbrella.engine.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life of a guarantee: {@link #INACTIVE} until its activation, {@link #ACTIVE}, {@link
 * #TRIGGERED} by a confirmed finding, and finally {@link #VOID} (a voiding finding) or {@link
 * #EXPIRED} (its term ended on trusted time). {@code VOID} and {@code EXPIRED} are final.
 */
public enum GuaranteeStatus implements SubjectStatus {
  INACTIVE,
  ACTIVE,
  TRIGGERED,
  VOID,
  EXPIRED;

  static final String KIND = "guarantee";

  private final String wire = name().toLowerCase(Locale.ROOT);

  @Override
  public String wireName() {
    return wire;
  }

  @Override
  public String subjectKind() {
    return KIND;
  }

  /** True for {@code ACTIVE} and {@code TRIGGERED}: the guarantee binds its guarantors. */
  public boolean isInEffect() {
    return this == ACTIVE || this == TRIGGERED;
  }

  /** True for {@code VOID} and {@code EXPIRED}: nothing changes the guarantee after it. */
  public boolean isFinal() {
    return this == VOID || this == EXPIRED;
  }

  /** The status whose {@link #wireName()} is {@code name}, if any. */
  public static Optional<GuaranteeStatus> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(name)).findFirst();
  }

  /** The {@link #wireName()}, so that a status concatenated into a message reads as in output. */
  @Override
  public String toString() {
    return wire;
  }
}
