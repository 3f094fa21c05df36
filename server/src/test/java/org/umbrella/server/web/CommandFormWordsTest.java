package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;

/**
 * The forms word a command's refusal; they do not check its rules again. Each row: what a person
 * typed, the command the page builds from it, and the sentence the form shows, in English and in
 * Ukrainian. The refusal is the command's own, so a rule changed in {@link Command} changes what
 * the form refuses, and a form can no longer accept what the API refuses (or the reverse).
 */
class CommandFormWordsTest {
  static final String LONG_NOTE = "n".repeat(Command.MAX_NOTE + 1);

  static Stream<Arguments> refusals() {
    return Stream.of(
        // situation, note typed, the command the page builds, English words, Ukrainian words
        Arguments.of(
            "a review without a decision",
            "",
            (Executable) () -> Command.ReviewReport.of("r1", "", "", 0, "", "v"),
            "Choose a decision",
            "Виберіть рішення"),
        Arguments.of(
            "a review back to 'reported'",
            "",
            (Executable) () -> Command.ReviewReport.of("r1", "reported", "", 0, "", "v"),
            "Choose a decision",
            "Виберіть рішення"),
        Arguments.of(
            "an attribution to a lower-case party",
            "",
            (Executable) () -> Command.ReviewReport.of("r1", "verified", "ru", 0.5, "", "v"),
            "Choose a party of the agreement",
            "Виберіть сторону"),
        Arguments.of(
            "a confidence of 1.5",
            "",
            (Executable) () -> Command.ReviewReport.of("r1", "verified", "RU", 1.5, "", "v"),
            "Confidence must be a number from 0",
            "Упевненість"),
        Arguments.of(
            "a rejection without a reason",
            "  ",
            (Executable) () -> Command.ReviewReport.of("r1", "rejected", "", 0, "  ", "v"),
            "Say in the note why the report is rejected",
            "Поясніть у примітці"),
        Arguments.of(
            "a review note of 4,001 characters",
            LONG_NOTE,
            (Executable) () -> Command.ReviewReport.of("r1", "verified", "", 0, LONG_NOTE, "v"),
            "at most 4,000 characters; it has 4,001",
            "4 000"),
        Arguments.of(
            "an answer that is neither fulfilled nor waived",
            "",
            (Executable) () -> Command.AnswerObligation.of("o1", "ignored", "", "", "g"),
            "Choose an answer: fulfilled or waived",
            "Виберіть відповідь"),
        Arguments.of(
            "an answer note of 4,001 characters",
            LONG_NOTE,
            (Executable) () -> Command.AnswerObligation.of("o1", "waived", "", LONG_NOTE, "g"),
            "it has 4,001",
            "4 000"),
        Arguments.of(
            "a provision level of 4",
            "",
            (Executable) () -> new Command.ReportProvision("p1", 4, "", "m"),
            "Choose the level now: 0, 1, 2 or 3",
            "Виберіть поточний рівень"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aCommandsRefusal_isWordedForItsForm(
      String situation, String note, Executable build, String english, String ukrainian) {
    Throwable thrown = catchThrowable(build::execute);
    assertThat(thrown)
        .as("the command refuses %s", situation)
        .isInstanceOf(DomainError.Invalid.class);
    DomainError e = (DomainError) thrown;
    assertThat(FormErrors.command(e, note, Messages.english()))
        .hasValueSatisfying(words -> assertThat(words).contains(english));
    assertThat(
            FormErrors.command(e, note, Messages.forLocale(java.util.Locale.forLanguageTag("uk"))))
        .hasValueSatisfying(words -> assertThat(words).contains(ukrainian));
  }

  @org.junit.jupiter.api.Test
  void aRefusalWithoutFormWords_isLeftToTheCommandsOwnWords() {
    DomainError e =
        (DomainError)
            catchThrowable(
                () -> Command.AnswerObligation.of("o1", "fulfilled", "d".repeat(201), "", "g"));
    assertThat(e.field()).contains("/decision");
    assertThat(FormErrors.command(e, "", Messages.english())).isEmpty();
    assertThat(FormErrors.commandOr(e, "", Messages.english(), "err.answer-not-recorded"))
        .startsWith("The answer was not recorded: ")
        .contains("decision must have at most 200 characters");
    assertThat(FormErrors.command(new DomainError.Conflict("/id", "gone"), "", Messages.english()))
        .isEmpty();
  }
}
