package org.umbrella.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail: one row per state change, written in the same transaction as the change, so a
 * change without its audit row cannot be committed. Details never contain secrets.
 */
public final class Audit {
  /** One audited change. */
  public record Entry(
      long id, Instant at, String actor, String action, String subject, String detail) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private Audit() {}

  /** One change to audit. */
  public record Change(
      Instant at, String actor, String action, String subject, Map<String, ?> detail) {}

  private static final String INSERT =
      "insert into audit_event (at, actor, action, subject, detail) values (:at, :actor, :action, :subject, cast(:d as jsonb))";

  /** Records a change on {@code handle} (the caller's transaction). */
  public static void record(
      Handle handle,
      Instant at,
      String actor,
      String action,
      String subject,
      Map<String, ?> detail) {
    handle
        .createUpdate(INSERT)
        .bind("at", at)
        .bind("actor", actor)
        .bind("action", action)
        .bind("subject", subject)
        .bind("d", json(detail))
        .execute();
  }

  /** Records several changes on {@code handle} (the caller's transaction) in one batch. */
  public static void recordAll(Handle handle, List<Change> changes) {
    var batch = handle.prepareBatch(INSERT);
    for (Change c : changes) {
      batch
          .bind("at", c.at())
          .bind("actor", c.actor())
          .bind("action", c.action())
          .bind("subject", c.subject())
          .bind("d", json(c.detail()))
          .add();
    }
    if (!changes.isEmpty()) {
      batch.execute();
    }
  }

  private static String json(Map<String, ?> detail) {
    try {
      return JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail must be plain values", e);
    }
  }

  /** The latest entries, newest first. */
  public static List<Entry> latest(Jdbi jdbi, int limit, long beforeId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, at, actor, action, subject, detail::text as detail from audit_event
            where id < :before order by id desc limit :limit""")
                .bind("before", beforeId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Entry(
                            rs.getLong("id"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("subject"),
                            rs.getString("detail")))
                .list());
  }
}
