package org.umbrella.server.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;

/** What the dashboard shows to one principal (already filtered by the access policy). */
public record Dashboard(
    List<Operations.Status> guarantees,
    List<Operations.Status> provisions,
    Optional<List<Operations.Obligation>> obligations,
    List<Operations.Finding> findings,
    List<Report> reports,
    Instant now) {

  /** "23h 12m left", "overdue by 2h 03m" for an obligation due at {@code due}. */
  public String countdown(Instant due) {
    Duration d = Duration.between(now, due);
    boolean overdue = d.isNegative();
    d = d.abs();
    String text =
        d.toDays() > 0
            ? d.toDays() + "d " + d.toHoursPart() + "h"
            : d.toHours() + "h " + String.format("%02dm", d.toMinutesPart());
    return overdue ? "overdue by " + text : text + " left";
  }

  /** CSS class of a status badge. */
  public static String badge(String status) {
    return "badge s-" + status.replaceAll("[^a-z0-9-]", "");
  }
}
