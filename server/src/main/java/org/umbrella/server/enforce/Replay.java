package org.umbrella.server.enforce;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.server.journal.Journal;
import org.umbrella.server.ops.Operations;

/**
 * Rebuilds the engine's in-memory state after a restart from the journal ({@link Journal}): every
 * input it consumed, each report version included, in the order it consumed them, each at its
 * record time. One streaming pass; nothing is read from the pages' tables.
 */
public final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  private Replay() {}

  /** Rebuilds {@code engine} from the whole journal; returns the number of entries read. */
  public static long stored(Operations ops, EngineEnforcement engine) {
    long n = engine.rebuild();
    if (n > 0) {
      LOG.info("rebuilt the engine from {} journal entries", n);
    }
    return n;
  }

  /**
   * Hands every journaled input the engine consumes to {@code sink}, in the order it consumes them.
   */
  public static void inputs(Operations ops, Consumer<RecordedInput> sink) {
    Journal.read(
        ops.jdbi(),
        0,
        e -> {
          if (e instanceof Journal.InputEntry in && EngineEnforcement.feeds(in.input().record())) {
            sink.accept(in.input());
          }
        });
  }
}
