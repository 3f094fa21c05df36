package org.umbrella.engine.input;

import java.time.Instant;
import java.util.Objects;

/**
 * A guarantor's answer to an obligation: {@code fulfilled} with the decision taken (one of the
 * duty's options, or {@code ""} when it has none), or {@code waived}; {@code note} is free text.
 */
public record Response(
    String id,
    Instant time,
    String obligation,
    String party,
    Answer answer,
    String decision,
    String note)
    implements InputRecord {
  public Response {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(obligation, "obligation");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(answer, "answer");
    decision = decision == null ? "" : decision;
    note = note == null ? "" : note;
  }

  @Override
  public String type() {
    return "response";
  }
}
