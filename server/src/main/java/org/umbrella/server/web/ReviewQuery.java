package org.umbrella.server.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.umbrella.server.ops.ReportVocabulary;

/**
 * The review queue's filters and position as the page's URL carries them ({@code kind}, {@code
 * status}, {@code age} in hours, {@code offset}); values outside the vocabularies are ignored, so
 * that a stale or edited link still shows a queue.
 *
 * @param kind an incident kind, or empty for all
 * @param status {@code reported}, {@code corroborated}, or empty for both
 * @param ageHours only reports waiting longer than this many hours (0: all)
 */
public record ReviewQuery(String kind, String status, int ageHours, int offset, Instant now) {
  /** The statuses a report waits for review in. */
  public static final List<String> WAITING = List.of("reported", "corroborated");

  /** The age filter's choices, in hours. */
  public static final List<Integer> AGES = List.of(0, 1, 6, 24, 72, 168);

  static ReviewQuery of(Context ctx, Instant now) {
    String kind = one(ctx.queryParam("kind"), ReportVocabulary.INCIDENT_KINDS);
    String status = one(ctx.queryParam("status"), WAITING);
    int age = 0;
    int offset = 0;
    try {
      age = Math.max(0, Math.min(24 * 365, Integer.parseInt(nz(ctx.queryParam("age")))));
    } catch (NumberFormatException e) {
      // an edited link: no age filter
    }
    try {
      offset = Math.max(0, Math.min(100_000_000, Integer.parseInt(nz(ctx.queryParam("offset")))));
    } catch (NumberFormatException e) {
      // the first page
    }
    return new ReviewQuery(kind, status, age, offset, now);
  }

  private static String nz(String s) {
    return s == null ? "" : s.trim();
  }

  private static String one(String v, List<String> allowed) {
    return v != null && allowed.contains(v) ? v : "";
  }

  Queues.Filter filter() {
    Set<String> statuses = new LinkedHashSet<>(status.isEmpty() ? WAITING : List.of(status));
    return new Queues.Filter(
        statuses,
        kind.isEmpty() ? null : Set.of(kind),
        null,
        null,
        ageHours == 0 ? null : now.minus(Duration.ofHours(ageHours)));
  }

  /** This query's URL at {@code offset}. */
  public String at(int newOffset) {
    StringBuilder sb = new StringBuilder("/review?");
    if (!kind.isEmpty()) {
      sb.append("kind=").append(URLEncoder.encode(kind, StandardCharsets.UTF_8)).append('&');
    }
    if (!status.isEmpty()) {
      sb.append("status=").append(status).append('&');
    }
    if (ageHours > 0) {
      sb.append("age=").append(ageHours).append('&');
    }
    sb.append("offset=").append(newOffset);
    return sb.toString();
  }

  /** This query's URL at its own offset (where a review returns to). */
  public String self() {
    return at(offset);
  }
}
