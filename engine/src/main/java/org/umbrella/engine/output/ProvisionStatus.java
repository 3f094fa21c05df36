package org.umbrella.engine.output;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a provision: a {@link Stage} and, for {@link Stage#IMPLEMENTED}, the level last
 * reported ({@code implemented-N} in output). Immutable; the stages without a level are the
 * constants {@link #PENDING}, {@link #IN_FORCE}, {@link #BREACHED}, {@link #REVOKED} and {@link
 * #SUSPENDED}.
 *
 * @param stage where the provision stands
 * @param level the reported implementation level, 0 or more, for {@code IMPLEMENTED}; -1 otherwise
 */
public record ProvisionStatus(Stage stage, int level) implements SubjectStatus {
  static final String KIND = "provision";
  private static final String IMPLEMENTED_PREFIX = "implemented-";

  public static final ProvisionStatus PENDING = new ProvisionStatus(Stage.PENDING, -1);
  public static final ProvisionStatus IN_FORCE = new ProvisionStatus(Stage.IN_FORCE, -1);
  public static final ProvisionStatus BREACHED = new ProvisionStatus(Stage.BREACHED, -1);
  public static final ProvisionStatus REVOKED = new ProvisionStatus(Stage.REVOKED, -1);
  public static final ProvisionStatus SUSPENDED = new ProvisionStatus(Stage.SUSPENDED, -1);

  /** The stages of a provision, in the order a provision usually passes them. */
  public enum Stage {
    PENDING,
    IN_FORCE,
    IMPLEMENTED,
    BREACHED,
    REVOKED,
    SUSPENDED;

    private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public ProvisionStatus {
    Objects.requireNonNull(stage, "stage");
    if ((stage == Stage.IMPLEMENTED) != (level >= 0)) {
      throw new IllegalArgumentException(
          "a level (>= 0) goes with IMPLEMENTED and only with it: " + stage + " " + level);
    }
  }

  /** The status after an implementation report at {@code level}. */
  public static ProvisionStatus implemented(int level) {
    return new ProvisionStatus(Stage.IMPLEMENTED, level);
  }

  /** The reported level, present only for {@code IMPLEMENTED}. */
  public Optional<Integer> implementationLevel() {
    return stage == Stage.IMPLEMENTED ? Optional.of(level) : Optional.empty();
  }

  @Override
  public String wireName() {
    return stage == Stage.IMPLEMENTED ? IMPLEMENTED_PREFIX + level : stage.wire;
  }

  @Override
  public String subjectKind() {
    return KIND;
  }

  /** Is this one of {@code stages}? */
  public boolean isAny(Stage... stages) {
    for (Stage s : stages) {
      if (stage == s) {
        return true;
      }
    }
    return false;
  }

  /** The status spelled {@code name} ({@code "in-force"}, {@code "implemented-3"}, ...), if any. */
  public static Optional<ProvisionStatus> fromWire(String name) {
    if (name.startsWith(IMPLEMENTED_PREFIX)) {
      String digits = name.substring(IMPLEMENTED_PREFIX.length());
      if (digits.isEmpty()
          || digits.length() > 10
          || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
          || Long.parseLong(digits) > Integer.MAX_VALUE) {
        return Optional.empty();
      }
      ProvisionStatus s = implemented(Integer.parseInt(digits));
      // one spelling per status: "implemented-03" is not "implemented-3"
      return s.wireName().equals(name) ? Optional.of(s) : Optional.empty();
    }
    for (Stage s : Stage.values()) {
      if (s != Stage.IMPLEMENTED && s.wire.equals(name)) {
        return Optional.of(new ProvisionStatus(s, -1));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName();
  }
}
