package org.umbrella.engine.input;

import java.time.Instant;
import java.util.Objects;

/**
 * The clock advances to {@code time}; nothing else happens. Deadlines up to {@code time} fall due.
 */
public record Tick(String id, Instant time) implements InputRecord {
  public Tick {
    Objects.requireNonNull(time, "time");
    id = id == null || id.isEmpty() ? "tick@" + time : id;
  }

  public Tick(Instant time) {
    this("", time);
  }

  @Override
  public String type() {
    return "tick";
  }
}
