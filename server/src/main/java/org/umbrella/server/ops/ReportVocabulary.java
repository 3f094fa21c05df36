package org.umbrella.server.ops;

import java.util.Arrays;
import java.util.List;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;

/**
 * The words an incident report may use, as spelt on the wire, read from the enums that own them
 * (`docs/incidents.md`): the engine's {@link Kind}, {@link TimePrecision} and {@link
 * PlacePrecision}, and the store's {@link ReviewStatus}. The server keeps no copy of its own, so a
 * kind added to the engine is accepted, offered in the forms and listed in the OpenAPI document at
 * once. The words of commands (review decisions, votes, answers) are {@link
 * org.umbrella.server.app.Command}'s, made the same way.
 */
public final class ReportVocabulary {
  private ReportVocabulary() {}

  /** Incident kinds, in the engine's order. */
  public static final List<String> INCIDENT_KINDS =
      Arrays.stream(Kind.values()).map(Kind::wireName).toList();

  /** How precisely a report's time is known, finest first. */
  public static final List<String> TIME_PRECISIONS =
      Arrays.stream(TimePrecision.values()).map(TimePrecision::wireName).toList();

  /** How precisely a report's place is known, finest first. */
  public static final List<String> PLACE_PRECISIONS =
      Arrays.stream(PlacePrecision.values()).map(PlacePrecision::wireName).toList();

  /** Review statuses, in the order of review (rejected last). */
  public static final List<String> REVIEW_STATUSES =
      Arrays.stream(ReviewStatus.values()).map(ReviewStatus::wireName).toList();
}
