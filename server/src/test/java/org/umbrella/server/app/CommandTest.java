package org.umbrella.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Answer;
import org.umbrella.engine.input.Vote;

/**
 * Each command's rules, side by side: the situation (what a client sent), the rule it breaks, and
 * the field the refusal names. A command that exists is well formed, so the workflow and the pages
 * need not check these again.
 */
class CommandTest {
  static final String LONG_NOTE = "x".repeat(Command.MAX_NOTE + 1);

  static Stream<Arguments> refusals() {
    return Stream.of(
        // situation, field named, words of the rule
        refused(
            "a review without a decision",
            () -> Command.ReviewReport.of("r1", null, "", 0, "", "v"),
            "/status",
            "status is required"),
        refused(
            "a review back to reported",
            () -> Command.ReviewReport.of("r1", "reported", "", 0, "", "v"),
            "/status",
            "must be one of [corroborated, verified, rejected]"),
        refused(
            "a review with a made-up decision",
            () -> Command.ReviewReport.of("r1", "approved", "", 0, "", "v"),
            "/status",
            "was 'approved'"),
        refused(
            "a rejection without a reason",
            () -> Command.ReviewReport.of("r1", "rejected", "", 0, "  ", "v"),
            "/note",
            "a rejection needs a reason"),
        refused(
            "an attribution to a lower-case party",
            () -> Command.ReviewReport.of("r1", "verified", "ru", 0.5, "", "v"),
            "/actor/party",
            "party code"),
        refused(
            "a confidence above 1",
            () -> Command.ReviewReport.of("r1", "verified", "RU", 1.5, "", "v"),
            "/actor/confidence",
            "from 0 to 1"),
        refused(
            "a confidence that is not a number",
            () -> Command.ReviewReport.of("r1", "verified", "RU", Double.NaN, "", "v"),
            "/actor/confidence",
            "from 0 to 1"),
        refused(
            "a note longer than the limit",
            () -> Command.ReviewReport.of("r1", "verified", "", 0, LONG_NOTE, "v"),
            "/note",
            "at most 4000 characters"),
        refused(
            "a vote without a choice",
            () -> Command.CastVote.of("f1", "GB", null, "body-gb"),
            "/vote",
            "vote is required; one of [confirm, reject, abstain]"),
        refused(
            "a vote of 'yes'",
            () -> Command.CastVote.of("f1", "GB", "yes", "body-gb"),
            "/vote",
            "was 'yes'"),
        refused(
            "an answer without a choice",
            () -> Command.AnswerObligation.of("o1", null, "", "", "g"),
            "/answer",
            "answer is required; one of [fulfilled, waived]"),
        refused(
            "an answer of 'done'",
            () -> Command.AnswerObligation.of("o1", "done", "", "", "g"),
            "/answer",
            "was 'done'"),
        refused(
            "a decision reference over 200 characters",
            () -> Command.AnswerObligation.of("o1", "fulfilled", "d".repeat(201), "", "g"),
            "/decision",
            "at most 200 characters"),
        refused(
            "an implementation level of 4",
            () -> new Command.ReportProvision("p1", 4, "", "v"),
            "/level",
            "0, 1, 2 or 3"),
        refused(
            "a negative implementation level",
            () -> new Command.ReportProvision("p1", -1, "", "v"),
            "/level",
            "was -1"),
        refused(
            "a provision note longer than the limit",
            () -> new Command.ReportProvision("p1", 2, LONG_NOTE, "v"),
            "/note",
            "at most 4000 characters"));
  }

  static Arguments refused(
      String situation, Supplier<Command> command, String field, String words) {
    return Arguments.of(situation, command, field, words);
  }

  @ParameterizedTest(name = "{0} is refused at {2}")
  @MethodSource("refusals")
  void commandsRefuse_whatTheirRulesForbid_namingTheField(
      String situation, Supplier<Command> command, String field, String words) {
    assertThatThrownBy(command::get)
        .as(situation)
        .isInstanceOfSatisfying(
            DomainError.Invalid.class,
            e -> {
              assertThat(e.field()).contains(field);
              assertThat(e.detail()).contains(words);
            });
  }

  @Property
  void everyWellFormedReview_isACommand_carryingWhatWasSent(
      @ForAll("decisions") String decision,
      @ForAll @DoubleRange(min = 0, max = 1) double confidence,
      @ForAll @StringLength(min = 1, max = 4000) String note) {
    // a rejection's note must say something (the rule above); every other note is kept as sent
    Assume.that(!decision.equals("rejected") || !note.isBlank());
    Command.ReviewReport r = Command.ReviewReport.of("r1", decision, "RU", confidence, note, "v");
    assertThat(r.decision().wireName()).isEqualTo(decision);
    assertThat(r.decision()).isNotEqualTo(ReviewStatus.REPORTED);
    assertThat(r.confidence()).isEqualTo(confidence);
    assertThat(r.note()).isEqualTo(note);
  }

  @Provide
  Arbitrary<String> decisions() {
    return Arbitraries.of(Command.ReviewReport.DECISIONS);
  }

  @Property
  void everyLevelFromZeroToThree_isAProvisionReport(@ForAll @IntRange(min = 0, max = 3) int level) {
    assertThat(new Command.ReportProvision("p1", level, "", "v").level()).isEqualTo(level);
  }

  @Property
  void everyLevelOutsideZeroToThree_isRefused(@ForAll int level) {
    Assume.that(level < 0 || level > 3);
    assertThatThrownBy(() -> new Command.ReportProvision("p1", level, "", "v"))
        .isInstanceOf(DomainError.Invalid.class);
  }

  /**
   * The words a client may send are the engine's: nothing is accepted that the engine cannot read.
   */
  @Test
  void theCommandsWords_areTheEnginesEnums() {
    assertThat(Command.VOTES).containsExactly("confirm", "reject", "abstain");
    assertThat(Command.ANSWERS).containsExactly("fulfilled", "waived");
    for (String v : Command.VOTES) {
      assertThat(Command.CastVote.of("f1", "GB", v, "b").vote())
          .isEqualTo(Vote.fromWire(v).orElseThrow());
    }
    for (String a : Command.ANSWERS) {
      assertThat(Command.AnswerObligation.of("o1", a, "", "", "g").answer())
          .isEqualTo(Answer.fromWire(a).orElseThrow());
    }
  }
}
