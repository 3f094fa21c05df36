package org.umbrella.engine.output;

import java.time.Instant;
import java.util.List;

/**
 * Who must be told ({@code to}), about what ({@code about}: an output or input id), why ({@code
 * reason}: a stable code such as {@code decision-overdue}) and a sentence for people ({@code
 * message}).
 */
public record AlertRecord(
    String id,
    Instant time,
    List<String> to,
    String about,
    String reason,
    String message,
    Cause cause)
    implements OutputRecord {
  public AlertRecord {
    to = List.copyOf(to);
  }

  @Override
  public String type() {
    return "alert";
  }
}
