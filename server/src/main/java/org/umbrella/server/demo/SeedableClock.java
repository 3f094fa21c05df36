package org.umbrella.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The system clock, except while a demo stream is replayed: then it reads the time of the record
 * being replayed, so votes and answers land at their own moments in the story.
 */
public final class SeedableClock extends Clock {
  private final Clock base;
  private volatile @Nullable Instant pinned;

  public SeedableClock(Clock base) {
    this.base = base;
  }

  /** Reads {@code at} until {@link #release()}. */
  public void pin(Instant at) {
    this.pinned = at;
  }

  public void release() {
    this.pinned = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant p = pinned;
    return p != null ? p : base.instant();
  }
}
