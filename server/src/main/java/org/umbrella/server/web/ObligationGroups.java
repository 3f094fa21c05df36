package org.umbrella.server.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umbrella.server.ops.Operations;

/**
 * Obligations grouped by what raised them: a guarantee triggers when a finding is confirmed, and
 * every obligation it raises carries the same guarantee and the same raised-at instant. The group
 * names the confirmed finding decided at (or last before) that instant, so that two "US: consult"
 * cards from different triggers can be told apart and followed to their evidence.
 */
public record ObligationGroups(List<Group> groups) {

  /** The obligations one trigger raised and the finding that triggered them, when known. */
  public record Group(
      String guarantee,
      Instant raisedAt,
      Optional<Operations.Finding> finding,
      List<Operations.Obligation> obligations) {}

  /**
   * Groups {@code obligations} (order kept: the first group has the soonest deadline), linking them
   * to {@code confirmed}.
   */
  public static ObligationGroups of(
      List<Operations.Obligation> obligations, List<Operations.Finding> confirmed) {
    Map<String, List<Operations.Obligation>> byTrigger = new LinkedHashMap<>();
    for (Operations.Obligation o : obligations) {
      byTrigger
          .computeIfAbsent(o.guarantee() + "\u0000" + o.raisedAt(), k -> new ArrayList<>())
          .add(o);
    }
    List<Group> out = new ArrayList<>();
    byTrigger
        .values()
        .forEach(
            list -> {
              Operations.Obligation first = list.get(0);
              Optional<Operations.Finding> f =
                  confirmed.stream()
                      .filter(
                          x ->
                              x.decidedAt().isPresent()
                                  && !x.decidedAt().get().isAfter(first.raisedAt())
                                  && Duration.between(x.decidedAt().get(), first.raisedAt())
                                          .compareTo(Duration.ofMinutes(5))
                                      <= 0)
                      .max(Comparator.comparing(x -> x.decidedAt().get()));
              out.add(new Group(first.guarantee(), first.raisedAt(), f, List.copyOf(list)));
            });
    return new ObligationGroups(List.copyOf(out));
  }

  /**
   * The deadline as its state makes it matter: a countdown only while pending, otherwise when it
   * was answered or that it was missed.
   */
  public static String deadline(Operations.Obligation o, Instant now) {
    return switch (o.status()) {
      case PENDING -> o.due().isAfter(now) ? "" : "deadline passed";
      case FULFILLED -> "fulfilled" + o.answeredAt().map(a -> " on " + Dates.human(a)).orElse("");
      case WAIVED -> "waived" + o.answeredAt().map(a -> " on " + Dates.human(a)).orElse("");
      case BREACHED -> "breached: not answered by " + Dates.human(o.due());
    };
  }

  /** {@link #deadline(Operations.Obligation, Instant)} in the reader's language. */
  public static String deadline(Operations.Obligation o, Instant now, Messages m) {
    return switch (o.status()) {
      case PENDING -> o.due().isAfter(now) ? "" : m.t("deadline.passed");
      case FULFILLED, WAIVED ->
          o.answeredAt()
              .map(a -> m.f("deadline." + o.status().wireName() + ".on", m.date(a)))
              .orElse(m.code("status", o.status().wireName()));
      case BREACHED -> m.f("deadline.breached", m.date(o.due()));
    };
  }
}
