package org.umbrella.engine.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.umbrella.engine.input.Answer;

/**
 * Where a guarantor's obligation stands: {@link #PENDING} from the trigger until it is answered
 * {@link #FULFILLED} or {@link #WAIVED}, or {@link #BREACHED} when its deadline passes on trusted
 * time with no answer. Only {@code PENDING} can change.
 */
public enum ObligationStatus {
  PENDING,
  FULFILLED,
  WAIVED,
  BREACHED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The lower-case name written in output records, for example {@code "breached"}. */
  public String wireName() {
    return wire;
  }

  /** True for every status but {@code PENDING}: nothing changes the obligation after it. */
  public boolean isFinal() {
    return this != PENDING;
  }

  /** The status an accepted {@code answer} gives. */
  public static ObligationStatus answered(Answer answer) {
    return switch (answer) {
      case FULFILLED -> FULFILLED;
      case WAIVED -> WAIVED;
    };
  }

  /** The status whose {@link #wireName()} is {@code name}, if any. */
  public static Optional<ObligationStatus> fromWire(String name) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(name)).findFirst();
  }

  /** The {@link #wireName()}, so that a status concatenated into a message reads as in output. */
  @Override
  public String toString() {
    return wire;
  }
}
