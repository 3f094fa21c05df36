package org.umbrella.server.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;

/**
 * The pages' read model over the workflow's current view ({@code ops_report}): work queues that
 * count what they hold and page through all of it, oldest first, and counts for "N of M". Reads
 * only; every change goes through {@link Operations}.
 */
public final class Queues {
  /** The most items one page of a queue shows. */
  public static final int PAGE_SIZE = 50;

  /**
   * Reports near enough to be the same incident: same kind, within about 2 km and two hours. The
   * duplicate hint on the review queue counts these.
   */
  static final double NEAR_DEGREES_LAT = 0.02;

  static final double NEAR_DEGREES_LON = 0.03;
  static final int NEAR_HOURS = 2;

  private final Jdbi jdbi;
  private final Operations ops;

  public Queues(Operations ops) {
    this.ops = ops;
    this.jdbi = ops.jdbi();
  }

  /**
   * What a queue or list selects; null or empty fields do not filter.
   *
   * @param filedBefore only reports filed before this instant (the age filter)
   */
  public record Filter(
      Set<String> statuses,
      @Nullable Set<String> kinds,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Instant filedBefore,
      @Nullable Set<String> actors) {
    /** A filter on everything but the actor. */
    public Filter(
        Set<String> statuses,
        @Nullable Set<String> kinds,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Instant filedBefore) {
      this(statuses, kinds, from, to, filedBefore, null);
    }
  }

  /** One page of a queue: its items, their position in the whole and the whole's size. */
  public record Page<T>(List<T> items, int offset, long total, int pageSize) {
    /** 1-based position of the first item (0 when empty). */
    public long first() {
      return items.isEmpty() ? 0 : offset + 1;
    }

    /** 1-based position of the last item. */
    public long last() {
      return (long) offset + items.size();
    }

    public boolean hasNext() {
      return last() < total;
    }

    public boolean hasPrevious() {
      return offset > 0;
    }

    public int nextOffset() {
      return offset + pageSize;
    }

    public int previousOffset() {
      return Math.max(0, offset - pageSize);
    }

    /** The offset of the last page. */
    public int lastOffset() {
      return total == 0 ? 0 : (int) ((total - 1) / pageSize * pageSize);
    }
  }

  /** A report on the review queue and how many other reports look like the same incident. */
  public record Item(Report report, int nearDuplicates) {}

  /**
   * The review queue: reports in {@code filter}'s statuses, the longest-waiting first (by time
   * filed, then incident time, then id), {@code offset} into the whole.
   */
  public Page<Item> reviewQueue(Filter filter, int offset) {
    long total = count(filter);
    int start = (int) Math.max(0, Math.min(offset, total));
    List<String> ids =
        select(
            "select id",
            filter,
            " order by filed_at, time, id limit :limit offset :offset",
            q -> q.bind("limit", PAGE_SIZE).bind("offset", start),
            String.class);
    Map<String, Integer> near = nearDuplicates(ids);
    List<Item> items = new ArrayList<>(ids.size());
    for (String id : ids) {
      // a report reviewed meanwhile still shows, in its new state
      ops.report(id).ifPresent(r -> items.add(new Item(r, near.getOrDefault(id, 0))));
    }
    return new Page<>(items, start, total, PAGE_SIZE);
  }

  /** When each of {@code ids} was first verified (absent: never). */
  public Map<String, Instant> verifiedAt(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> out = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select report_id, min(at) as at from ops_review where status = 'verified' and report_id in (<ids>) group by report_id")
                .bindList("ids", ids)
                .map(
                    (rs, ctx) ->
                        Map.entry(rs.getString("report_id"), rs.getTimestamp("at").toInstant()))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** How many reports {@code filter} selects. */
  public long count(Filter filter) {
    return select("select count(*)", filter, "", q -> q, Long.class).get(0);
  }

  /**
   * For each of {@code ids}, the number of other, not rejected reports of the same kind nearby in
   * place and time.
   */
  Map<String, Integer> nearDuplicates(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> out = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
            select a.id, count(b.id) as n from ops_report a join ops_report b
              on b.id <> a.id and b.kind = a.kind and b.status <> 'rejected'
             and b.time between a.time - make_interval(hours => :h) and a.time + make_interval(hours => :h)
             and abs(b.lat - a.lat) <= :dlat and abs(b.lon - a.lon) <= :dlon
            where a.id in (<ids>) group by a.id""")
                .bindList("ids", ids)
                .bind("h", NEAR_HOURS)
                .bind("dlat", NEAR_DEGREES_LAT)
                .bind("dlon", NEAR_DEGREES_LON)
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private <T> List<T> select(
      String head, Filter f, String tail, UnaryOperator<Query> extra, Class<T> type) {
    StringBuilder sql = new StringBuilder(head).append(" from ops_report where true");
    if (f.statuses() != null && !f.statuses().isEmpty()) {
      sql.append(" and status in (<statuses>)");
    }
    if (f.kinds() != null && !f.kinds().isEmpty()) {
      sql.append(" and kind in (<kinds>)");
    }
    if (f.from() != null) {
      sql.append(" and time >= :from");
    }
    if (f.to() != null) {
      sql.append(" and time < :to");
    }
    if (f.filedBefore() != null) {
      sql.append(" and filed_at < :filedBefore");
    }
    if (f.actors() != null && !f.actors().isEmpty()) {
      sql.append(" and actor_party in (<actors>)");
    }
    sql.append(tail);
    return jdbi.withHandle(
        h -> {
          Query q = h.createQuery(sql.toString());
          if (f.statuses() != null && !f.statuses().isEmpty()) {
            q.bindList("statuses", List.copyOf(f.statuses()));
          }
          if (f.kinds() != null && !f.kinds().isEmpty()) {
            q.bindList("kinds", List.copyOf(f.kinds()));
          }
          Optional.ofNullable(f.from()).ifPresent(v -> q.bind("from", v));
          Optional.ofNullable(f.to()).ifPresent(v -> q.bind("to", v));
          Optional.ofNullable(f.filedBefore()).ifPresent(v -> q.bind("filedBefore", v));
          if (f.actors() != null && !f.actors().isEmpty()) {
            q.bindList("actors", List.copyOf(f.actors()));
          }
          return extra.apply(q).mapTo(type).list();
        });
  }
}
