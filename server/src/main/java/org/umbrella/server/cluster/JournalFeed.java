package org.umbrella.server.cluster;

import java.util.function.Consumer;
import org.umbrella.server.journal.Journal;

/** Where the bridge reads the journal: entries after a number, in order. */
@FunctionalInterface
public interface JournalFeed {
  /**
   * Hands at most {@code limit} entries numbered after {@code afterSeq} to {@code sink}, in order;
   * answers the number of the last entry handed over ({@code afterSeq} if none).
   */
  long read(long afterSeq, int limit, Consumer<Journal.Entry> sink);
}
