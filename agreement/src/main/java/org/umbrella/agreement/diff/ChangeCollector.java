package org.umbrella.agreement.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.TimeSpan;

/**
 * The changes of one comparison as they are found, and the generic comparisons that find them:
 * clauses added or removed from a section, and a clause's values, texts and unordered lists.
 *
 * <p>For {@link AgreementDiff} only. It knows nothing of what a clause holds: which fields are
 * compared, and how, stays with the per-section comparisons in AgreementDiff. Not thread-safe; one
 * per call of {@link AgreementDiff#compare(Agreement, Agreement, boolean)}.
 */
final class ChangeCollector {
  private final List<Change> changes = new ArrayList<>();
  private final boolean citations;
  private final Agreement before;
  private final Agreement after;

  ChangeCollector(boolean citations, Agreement before, Agreement after) {
    this.citations = citations;
    this.before = before;
    this.after = after;
  }

  /** The changes found so far, in the order found. */
  List<Change> changes() {
    return List.copyOf(changes);
  }

  /**
   * Clauses of {@code section} removed, then added (each with its title), then the changes inside
   * clauses both sides hold, as {@code diff} finds them.
   */
  <T> void section(
      String section,
      Map<String, T> before,
      Map<String, T> after,
      Function<T, String> title,
      ClauseDiff<T> diff) {
    for (Map.Entry<String, T> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        changes.add(
            new Change(
                section, e.getKey(), Change.Kind.REMOVED, titled(title.apply(e.getValue()))));
      }
    }
    for (Map.Entry<String, T> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        changes.add(
            new Change(section, e.getKey(), Change.Kind.ADDED, titled(title.apply(e.getValue()))));
      }
    }
    for (Map.Entry<String, T> e : after.entrySet()) {
      T old = before.get(e.getKey());
      if (old != null) {
        diff.accept(new Clause(this, section, e.getKey()), old, e.getValue());
      }
    }
  }

  private static String titled(String title) {
    return title.isEmpty() ? "(untitled)" : title;
  }

  /** The comparison of one kind of clause, present on both sides. */
  @FunctionalInterface
  interface ClauseDiff<T> {
    void accept(Clause clause, T before, T after);
  }

  /** Changes of one clause, reported under its section and id. */
  record Clause(ChangeCollector c, String section, String id) {
    void add(Change.Kind kind, String description) {
      c.changes.add(new Change(section, id, kind, description));
    }

    void value(String field, Object before, Object after) {
      value(field, null, before, after);
    }

    /**
     * A changed value; {@code labelPath} (the value's path under its clause, as labels name it, or
     * null) marks the change when either side labels the value modelled.
     */
    void value(String field, @Nullable String labelPath, Object before, Object after) {
      if (sameSpan(before, after)) {
        return;
      }
      String b = show(before);
      String a = show(after);
      if (!b.equals(a)) {
        Change.Modelled m =
            labelPath == null
                ? Change.Modelled.NEITHER
                : Change.Modelled.of(c.before.isModelled(labelPath), c.after.isModelled(labelPath));
        c.changes.add(
            new Change(section, id, Change.Kind.CHANGED, field + " " + b + " -> " + a, m));
      }
    }

    void text(String field, Optional<String> before, Optional<String> after) {
      if (!before.equals(after)) {
        add(
            Change.Kind.CHANGED,
            field
                + " "
                + before.map(s -> "\"" + s + "\"").orElse("none")
                + " -> "
                + after.map(s -> "\"" + s + "\"").orElse("none"));
      }
    }

    void set(String field, List<?> before, List<?> after) {
      set(field, null, before, after);
    }

    void set(String field, @Nullable String labelPath, List<?> before, List<?> after) {
      Change.Modelled m =
          labelPath == null
              ? Change.Modelled.NEITHER
              : Change.Modelled.of(c.before.isModelled(labelPath), c.after.isModelled(labelPath));
      List<String> b = before.stream().map(Object::toString).toList();
      List<String> a = after.stream().map(Object::toString).toList();
      List<String> gained = a.stream().filter(x -> !b.contains(x)).toList();
      List<String> lost = b.stream().filter(x -> !a.contains(x)).toList();
      boolean plural = field.endsWith("s");
      if (!gained.isEmpty()) {
        c.changes.add(
            new Change(
                section,
                id,
                Change.Kind.CHANGED,
                field + (plural ? " gain " : " gains ") + String.join(", ", gained),
                m));
      }
      if (!lost.isEmpty()) {
        c.changes.add(
            new Change(
                section,
                id,
                Change.Kind.CHANGED,
                field + (plural ? " lose " : " loses ") + String.join(", ", lost),
                m));
      }
    }

    void cites(List<Citation> before, List<Citation> after) {
      if (c.citations) {
        set("citations", before, after);
      }
    }
  }

  /** Spans written differently but equally long ({@code 3d}, {@code 72h}) mean the same. */
  private static boolean sameSpan(Object before, Object after) {
    Object b = before instanceof Optional<?> o ? o.orElse(null) : before;
    Object a = after instanceof Optional<?> o ? o.orElse(null) : after;
    return b instanceof TimeSpan x && a instanceof TimeSpan y && x.isSameLengthAs(y);
  }

  private static String show(Object o) {
    if (o instanceof Optional<?> opt) {
      return opt.map(ChangeCollector::show).orElse("none");
    }
    if (o instanceof OptionalInt oi) {
      return oi.isPresent() ? Integer.toString(oi.getAsInt()) : "none";
    }
    return Objects.toString(o);
  }
}
