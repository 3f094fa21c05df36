package org.umbrella.server.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;

/**
 * Why an output exists and what followed from it, as the engine recorded it: every record the
 * engine emitted about one id (its status changes, each with the rule that made it), then the
 * records that rest on it (a guarantee's status, the obligations it raised), a few levels down. The
 * same causes {@code umbrella why} follows, read from the recorded outputs rather than a file.
 *
 * @param history the records about the id itself, oldest first
 * @param consequences the records resting on it, directly or through one another, oldest first
 */
public record CausalChain(List<Step> history, List<Step> consequences) {

  /** The most levels of consequences followed (finding, guarantee status, obligations). */
  static final int DEPTH = 3;

  /** The most records shown per level: a chain is short, an index over a loop is not. */
  static final int MAX_PER_LEVEL = 200;

  /**
   * One output record in words.
   *
   * @param id what it is about
   * @param type finding, obligation, status or alert
   * @param time the engine time it was emitted at
   * @param state what it says: "candidate", "guarantee us-guarantee: active → triggered", …
   * @param rule the rule that produced it, in the engine's words
   * @param inputs the input records it rests on (report ids, votes, answers)
   * @param outputs the earlier outputs it rests on
   * @param party the party an obligation binds (who may read it), empty for other records
   */
  public record Step(
      String id,
      String type,
      Instant time,
      String state,
      String rule,
      List<String> inputs,
      List<String> outputs,
      String party) {}

  /**
   * The chain with only the steps {@code visible} admits (obligations only for those who may read
   * them).
   */
  public CausalChain visibleTo(Predicate<Step> visible) {
    return new CausalChain(
        history.stream().filter(visible).toList(), consequences.stream().filter(visible).toList());
  }

  public CausalChain {
    history = List.copyOf(history);
    consequences = List.copyOf(consequences);
  }

  /** The step {@code r} makes. */
  static Step step(OutputRecord r) {
    String state =
        switch (r) {
          case FindingRecord f -> f.status().wireName();
          case ObligationRecord o ->
              o.party()
                  + ": "
                  + o.duty()
                  + " — "
                  + o.status().wireName()
                  + (o.decision().isEmpty() ? "" : " (" + o.decision() + ")");
          case StatusRecord s ->
              s.subjectKind()
                  + " "
                  + s.subject()
                  + ": "
                  + s.previous().wireName()
                  + " → "
                  + s.status().wireName();
          case AlertRecord a -> "alert to " + String.join(", ", a.to()) + ": " + a.message();
        };
    return new Step(
        r.id(),
        r.type(),
        r.time(),
        state,
        r.cause().rule(),
        r.cause().inputs(),
        r.cause().outputs(),
        r instanceof ObligationRecord o ? o.party() : "");
  }

  /**
   * The chain of {@code id} from records already found: {@code levels.get(0)} holds the records
   * mentioning {@code id}, each later level the records mentioning an id of the level before. A
   * record belongs to the history when it is about {@code id}, to the consequences when it rests on
   * an id already in the chain.
   */
  static CausalChain of(String id, List<List<OutputRecord>> levels) {
    List<Step> history = new ArrayList<>();
    List<Step> consequences = new ArrayList<>();
    Set<String> chain = new LinkedHashSet<>(List.of(id));
    Set<String> seen = new LinkedHashSet<>();
    for (List<OutputRecord> level : levels) {
      for (OutputRecord r : level) {
        String key =
            r.type() + "\u0000" + r.id() + "\u0000" + r.time() + "\u0000" + step(r).state();
        if (!seen.add(key)) {
          continue;
        }
        if (r instanceof AlertRecord) {
          continue; // addressed to some parties only, and not a step of the chain
        }
        if (r.id().equals(id)) {
          history.add(step(r));
        } else if (r.cause().outputs().stream().anyMatch(chain::contains)) {
          consequences.add(step(r));
        }
      }
      for (OutputRecord r : level) {
        if (!r.id().equals(id) && r.cause().outputs().stream().anyMatch(chain::contains)) {
          chain.add(r.id());
        }
      }
    }
    Comparator<Step> byTime = Comparator.comparing(Step::time);
    history.sort(byTime);
    consequences.sort(byTime);
    return new CausalChain(history, consequences);
  }

  /**
   * Reads the chain of {@code id} from the recorded outputs. The outputs are searched by text (the
   * canonical encoding quotes every id), then decoded and matched exactly.
   */
  public static CausalChain load(Jdbi jdbi, String id) {
    List<List<OutputRecord>> levels = new ArrayList<>();
    Set<String> wanted = new LinkedHashSet<>(List.of(id));
    Set<String> asked = new LinkedHashSet<>();
    for (int depth = 0; depth <= DEPTH && !wanted.isEmpty(); depth++) {
      asked.addAll(wanted);
      List<String> patterns = wanted.stream().map(w -> "%" + like(quoted(w)) + "%").toList();
      List<OutputRecord> level =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select seq, body_text from outputs where body_text like any(array[<p>]) order by seq limit :l")
                      .bindList("p", patterns)
                      .bind("l", MAX_PER_LEVEL)
                      .map(
                          (rs, ctx) ->
                              OutputCodec.decode(rs.getString("body_text"), rs.getLong("seq")))
                      .list());
      levels.add(level);
      Set<String> next = new LinkedHashSet<>();
      for (OutputRecord r : level) {
        if (!asked.contains(r.id())
            && r.cause().outputs().stream().anyMatch(asked::contains)
            && !(r instanceof AlertRecord)) {
          next.add(r.id());
        }
      }
      wanted = next;
    }
    return of(id, levels);
  }

  /**
   * {@code id} as canonical JSON writes a string (ids are plain: quotes and backslashes escaped).
   */
  static String quoted(String id) {
    return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** {@code s} with LIKE's wildcards escaped (PostgreSQL's default escape is the backslash). */
  static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
