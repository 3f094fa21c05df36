package org.umbrella.server.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.ops.Operations;

/**
 * The provisions page's rows: every provision of the enforced agreement, in the agreement's order,
 * with the status the engine last recorded for it (none yet: not reported).
 */
public record ProvisionRows(List<Row> rows) {
  /** The scale's words, by level. */
  public static final List<String> LEVELS = List.of("not begun", "minimal", "intermediate", "full");

  /** One provision and its last status. */
  public record Row(
      String id,
      String title,
      Optional<String> status,
      Optional<Integer> level,
      Optional<Instant> at) {
    /** The status in words: "implemented 2 (intermediate)", "not reported". */
    public String statusText() {
      if (level.isPresent()) {
        return "level " + level.get() + ", " + LEVELS.get(level.get());
      }
      return status.map(s -> s.replace('-', ' ')).orElse("not reported");
    }

    /** {@link #statusText()} in the reader's language. */
    public String statusText(Messages m) {
      if (level.isPresent()) {
        return m.f("prov.level", level.get(), m.t("level." + level.get()));
      }
      return status.map(s -> m.code("status", s)).orElse(m.t("prov.not-reported"));
    }
  }

  public ProvisionRows {
    rows = List.copyOf(rows);
  }

  /**
   * The rows of {@code agreement}'s provisions with {@code statuses} (subjects {@code
   * provision:ID}).
   */
  static ProvisionRows of(Optional<Agreement> agreement, List<Operations.Status> statuses) {
    Map<String, Operations.Status> bySubject =
        statuses.stream()
            .collect(
                Collectors.toMap(
                    Operations.Status::subject,
                    Function.identity(),
                    (a, b) -> a.at().isAfter(b.at()) ? a : b));
    List<Row> out = new ArrayList<>();
    agreement.ifPresent(
        a ->
            a.provisions()
                .values()
                .forEach(
                    p -> {
                      Optional<Operations.Status> s =
                          Optional.ofNullable(bySubject.get("provision:" + p.id()));
                      out.add(
                          new Row(
                              p.id(),
                              p.title(),
                              s.map(st -> st.status().wireName()),
                              s.flatMap(Operations.Status::level),
                              s.map(Operations.Status::at)));
                    }));
    return new ProvisionRows(out);
  }
}
