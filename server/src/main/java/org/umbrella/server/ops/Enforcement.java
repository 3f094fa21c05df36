package org.umbrella.server.ops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port through which accepted changes reach the enforcement engine, which answers by recording
 * findings, obligations and status on {@link Operations}.
 *
 * <p>Implementations run in-process on one thread, in commit order, after the change is committed
 * (see {@link Operations}).
 */
public interface Enforcement {
  /**
   * A report was filed or reviewed; {@code recordedAt} is the server clock when the change was
   * accepted (trusted time), the report's own {@code time} only its claim.
   */
  void reportChanged(Report report, Instant recordedAt);

  /** A vote was cast on a candidate finding. */
  void voted(Operations.Finding finding);

  /** An obligation was answered. */
  void answered(Operations.Obligation obligation);

  /** A provision's implementation level was reported. */
  default void provisionReported(String id, String provision, int level, String note, Instant at) {}

  /**
   * Refuses a provision report for a provision the enforced agreement does not have, before it is
   * stored.
   *
   * @throws org.umbrella.server.app.DomainError 404 naming the provision
   */
  default void checkProvision(String provision) {}

  /**
   * Refuses an answer the engine would not count (a decision outside the duty's options), before it
   * is stored.
   *
   * @throws org.umbrella.server.app.DomainError 400 naming the field
   */
  default void checkAnswer(Operations.Obligation obligation, String answer, String decision) {}

  /** The decisions a fulfilled answer to {@code obligation} may name (empty: free text). */
  default List<String> decisionOptions(Operations.Obligation obligation) {
    return List.of();
  }

  /** The time the engine has reached, for pages; empty before the first record. */
  default Optional<Instant> engineTime() {
    return Optional.empty();
  }

  /** The enforced agreement's places as GeoJSON, if an agreement is enforced. */
  default Optional<String> placesGeoJson() {
    return Optional.empty();
  }

  /** Whether an engine is connected (pages say so when it is not). */
  boolean connected();

  /** No engine: changes are stored and audited, nothing is derived from them. */
  Enforcement NONE =
      new Enforcement() {
        @Override
        public void reportChanged(Report report, Instant recordedAt) {}

        @Override
        public void voted(Operations.Finding finding) {}

        @Override
        public void answered(Operations.Obligation obligation) {}

        @Override
        public boolean connected() {
          return false;
        }
      };
}
