package org.umbrella.engine.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a finding stands: raised as {@link #CANDIDATE} (a body must decide) or {@link #CONFIRMED}
 * (no decision needed), then decided {@code CONFIRMED} or {@link #REJECTED}, or {@link #WITHDRAWN}
 * when the evidence it rested on was rejected, re-attributed or revised away.
 *
 * <p>{@link #wireName()} is the spelling in the canonical output and in every API; {@link #code()}
 * is the byte the engine stores a status as, one a finding.
 */
public enum FindingStatus {
  CANDIDATE(0),
  CONFIRMED(1),
  REJECTED(2),
  WITHDRAWN(3);

  private static final FindingStatus[] BY_CODE = {CANDIDATE, CONFIRMED, REJECTED, WITHDRAWN};
  private final String wire = name().toLowerCase(Locale.ROOT);
  private final byte code;

  FindingStatus(int code) {
    this.code = (byte) code;
  }

  /** The compact code of this status, 0-3; {@link #ofCode} maps it back. */
  public byte code() {
    return code;
  }

  /** The lower-case name written in output records, for example {@code "confirmed"}. */
  public String wireName() {
    return wire;
  }

  /** True for {@code CONFIRMED} and {@code REJECTED}, the outcomes a body can decide. */
  public boolean isDecided() {
    return this == CONFIRMED || this == REJECTED;
  }

  /** The status whose {@link #code()} is {@code code}. */
  public static FindingStatus ofCode(int code) {
    return BY_CODE[code];
  }

  /** The status whose {@link #wireName()} is {@code name}, if any. */
  public static Optional<FindingStatus> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(name)).findFirst();
  }

  /** The {@link #wireName()}, so that a status concatenated into a message reads as in output. */
  @Override
  public String toString() {
    return wire;
  }
}
