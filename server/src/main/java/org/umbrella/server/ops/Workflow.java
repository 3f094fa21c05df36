package org.umbrella.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.live.EventBus;

/**
 * What the workflow's entity classes ({@link Reports}, {@link Findings}, {@link Obligations},
 * {@link Provisions}, {@link EngineRecords}) share: the database, the server clock, the event bus,
 * the ledger every change is written to, and the engine's queue and port (through {@link
 * Operations}, which connects the engine after they are made).
 */
abstract class Workflow {
  static final ObjectMapper JSON = new ObjectMapper();

  final Operations ops;
  final Jdbi jdbi;
  final Clock clock;
  final EventBus events;
  final ServerLedger ledger;
  final EngineQueue engineQueue;

  Workflow(
      Operations ops,
      Jdbi jdbi,
      Clock clock,
      EventBus events,
      ServerLedger ledger,
      EngineQueue engineQueue) {
    this.ops = ops;
    this.jdbi = jdbi;
    this.clock = clock;
    this.events = events;
    this.ledger = ledger;
    this.engineQueue = engineQueue;
  }

  /** The engine connected now ({@link Enforcement#NONE} until one is). */
  final Enforcement enforcement() {
    return ops.enforcement();
  }

  /**
   * Runs {@code task} on the engine's thread once it has seen every change accepted so far, and
   * waits.
   */
  final void onEngine(Runnable task) {
    engineQueue.await(task);
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String s, TypeReference<T> type) {
    try {
      return JSON.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }
}
