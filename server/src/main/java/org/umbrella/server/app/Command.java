package org.umbrella.server.app;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Vote;

/**
 * A change a client asks the workflow to make, validated once, when it is made: a command that
 * exists is well formed, and the workflow checks only what depends on the state (that the report
 * exists, that the finding is still a candidate, that the deadline has not passed). The API builds
 * commands from JSON bodies and the pages from forms, so both refuse the same input with the same
 * {@link DomainError.Invalid}, which names the field as the API names it.
 *
 * <p>Not for filing reports: a report is a larger document with its own reader ({@code
 * ReportInput}), and the store's rules decide what a review may change ({@code ReviewRules}).
 */
public sealed interface Command {
  /** Notes and reasons: long enough for a paragraph, bounded so a body cannot grow the journal. */
  int MAX_NOTE = 4000;

  /** A guarantor's decision reference (for example the cabinet decision's number). */
  int MAX_DECISION = 200;

  /** The votes a body member may cast, as spelt on the wire. */
  List<String> VOTES = Arrays.stream(Vote.values()).map(Vote::wireName).toList();

  /** The answers a guarantor may give, as spelt on the wire. */
  List<String> ANSWERS = Arrays.stream(Answer.values()).map(Answer::wireName).toList();

  /** The account giving the command, as it is audited. */
  String actor();

  /**
   * A verifier's review of a report: corroborate, verify or reject it, optionally attributing it to
   * a party with a confidence. A rejection needs a reason in the note.
   *
   * @param reportId the report
   * @param decision corroborated, verified or rejected (never reported)
   * @param actorParty the party the incident is attributed to, or empty
   * @param confidence the confidence of the attribution, 0 to 1
   * @param note the reason (required for a rejection)
   */
  record ReviewReport(
      String reportId,
      ReviewStatus decision,
      String actorParty,
      double confidence,
      String note,
      String actor)
      implements Command {
    /** The decisions a review may make, as spelt on the wire. */
    public static final List<String> DECISIONS = List.of("corroborated", "verified", "rejected");

    public ReviewReport {
      if (decision == ReviewStatus.REPORTED) {
        throw oneOf("/status", "status", DECISIONS, decision.wireName());
      }
      if (!actorParty.isEmpty() && !actorParty.matches("[A-Z]{2,8}")) {
        throw new DomainError.Invalid(
            "/actor/party", "party must be a party code such as RU or UA");
      }
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new DomainError.Invalid(
            "/actor/confidence", "confidence must be a number from 0 to 1");
      }
      checkNote(note);
      if (decision == ReviewStatus.REJECTED && note.isBlank()) {
        throw new DomainError.Invalid(
            "/note", "a rejection needs a reason: say in the note why the report is rejected");
      }
    }

    /** A review from the wire's spelling of the decision ({@code null} when it was not given). */
    public static ReviewReport of(
        String reportId,
        @Nullable String decision,
        String actorParty,
        double confidence,
        String note,
        String actor) {
      if (decision == null) {
        throw new DomainError.Invalid("/status", "status is required; one of " + DECISIONS);
      }
      ReviewStatus status =
          DECISIONS.contains(decision)
              ? ReviewStatus.fromWire(decision).orElseThrow()
              : ReviewStatus.REPORTED;
      if (status == ReviewStatus.REPORTED) {
        throw oneOf("/status", "status", DECISIONS, decision);
      }
      return new ReviewReport(reportId, status, actorParty, confidence, note, actor);
    }
  }

  /**
   * A body member's vote on a candidate finding, cast for the member's party.
   *
   * @param findingId the finding
   * @param party the voting party
   * @param vote confirm, reject or abstain
   */
  record CastVote(String findingId, String party, Vote vote, String actor) implements Command {
    public CastVote {
      if (party.isEmpty()) {
        throw new DomainError.Invalid("/vote", "only an account of a party votes");
      }
    }

    /** A vote from the wire's spelling ({@code null} when it was not given). */
    public static CastVote of(String findingId, String party, @Nullable String vote, String actor) {
      if (vote == null) {
        throw new DomainError.Invalid("/vote", "vote is required; one of " + VOTES);
      }
      return new CastVote(
          findingId,
          party,
          Vote.fromWire(vote).orElseThrow(() -> oneOf("/vote", "vote", VOTES, vote)),
          actor);
    }
  }

  /**
   * A guarantor's answer to a pending obligation: fulfilled (with the decision that fulfils it) or
   * waived.
   *
   * @param obligationId the obligation
   * @param answer fulfilled or waived
   * @param decision the decision's reference (what the agreement asks for it is checked against the
   *     obligation by the workflow)
   * @param note free text
   */
  record AnswerObligation(
      String obligationId, Answer answer, String decision, String note, String actor)
      implements Command {
    public AnswerObligation {
      if (decision.length() > MAX_DECISION) {
        throw new DomainError.Invalid(
            "/decision", "decision must have at most " + MAX_DECISION + " characters");
      }
      checkNote(note);
    }

    /** An answer from the wire's spelling ({@code null} when it was not given). */
    public static AnswerObligation of(
        String obligationId, @Nullable String answer, String decision, String note, String actor) {
      if (answer == null) {
        throw new DomainError.Invalid("/answer", "answer is required; one of " + ANSWERS);
      }
      return new AnswerObligation(
          obligationId,
          Answer.fromWire(answer).orElseThrow(() -> oneOf("/answer", "answer", ANSWERS, answer)),
          decision,
          note,
          actor);
    }
  }

  /**
   * The mechanism's report of a provision's implementation level on the Peace Accords Matrix scale.
   *
   * @param provisionId the provision
   * @param level 0 (not begun) to 3 (fully implemented)
   * @param note free text
   */
  record ReportProvision(String provisionId, int level, String note, String actor)
      implements Command {
    public ReportProvision {
      if (level < 0 || level > 3) {
        throw new DomainError.Invalid(
            "/level", "level must be 0, 1, 2 or 3 (Peace Accords Matrix scale), was " + level);
      }
      checkNote(note);
    }
  }

  private static void checkNote(String note) {
    if (note.length() > MAX_NOTE) {
      throw new DomainError.Invalid("/note", "note must have at most " + MAX_NOTE + " characters");
    }
  }

  private static DomainError.Invalid oneOf(
      String field, String name, List<String> allowed, String was) {
    String shown = was.length() > 60 ? was.substring(0, 60) + "..." : was;
    return new DomainError.Invalid(
        field, name + " must be one of " + allowed + ", was '" + shown + "'");
  }
}
