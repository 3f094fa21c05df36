package org.umbrella.server.ops;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.journal.Journal;

/**
 * The bodies that determine findings ({@code ops_body}), projected from the journal: they are the
 * bodies of the agreement version last put in force (the journal's last {@code agreement} entry),
 * or of {@code fallback} when the journal holds none (a service given an agreement without its
 * bytes). Rebuilt whole, in one transaction, when the service starts (after the version in force is
 * journaled) and by {@code umbrella audit rebuild-projections}; nothing else writes the table in
 * production ({@link Operations#defineBody} is for tests that need a body no agreement has).
 */
public final class BodyProjection {
  /** Adds a body or replaces its title and members. */
  private static final String UPSERT =
      """
      insert into ops_body (id, title, members) values (:id, :t, :m)
      on conflict (id) do update set title = excluded.title, members = excluded.members""";

  private BodyProjection() {}

  /**
   * Rebuilds {@code ops_body}: the in-force version's bodies replace what the table held, except
   * that a body a recorded finding names stays (with its last definition) until the outcome
   * projection drops that finding, since the finding's page shows it. Answers the number of bodies
   * of the version in force.
   */
  public static int rebuild(Jdbi jdbi, @Nullable Agreement fallback) {
    return jdbi.inTransaction(
        h -> {
          List<Journal.AgreementEntry> journaled = Journal.versions(h);
          Agreement in =
              journaled.isEmpty() ? fallback : journaled.get(journaled.size() - 1).version().load();
          List<String> ids = in == null ? List.of() : List.copyOf(in.bodies().keySet());
          h.createUpdate(
                  """
              delete from ops_body b where not (b.id = any(:ids))
              and not exists (select 1 from ops_finding f where f.body = b.id)""")
              .bindArray("ids", String.class, ids)
              .execute();
          if (in == null || ids.isEmpty()) {
            return 0;
          }
          var upsert = h.prepareBatch(UPSERT);
          in.bodies()
              .values()
              .forEach(
                  b ->
                      upsert
                          .bind("id", b.id())
                          .bind("t", b.title().orElse(b.id()))
                          .bind("m", String.join(",", b.members()))
                          .add());
          return upsert.execute().length;
        });
  }

  /** Adds or replaces one body: for tests that need a body no agreement in force has. */
  static void define(Jdbi jdbi, Operations.Body body) {
    jdbi.useHandle(
        h ->
            h.createUpdate(UPSERT)
                .bind("id", body.id())
                .bind("t", body.title())
                .bind("m", String.join(",", body.members()))
                .execute());
  }
}
