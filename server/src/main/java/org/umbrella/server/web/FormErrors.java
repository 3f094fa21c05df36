package org.umbrella.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.umbrella.server.app.Command;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.ProblemMapping;

/**
 * The workflow's input errors as a form shows them: at the field to blame, in plain words. The
 * workflow names a field by its JSON pointer in the API's body ({@code /place/lat}) and says what
 * was wrong for a developer; a person filling in the form gets the form field's name and what to
 * enter instead, in their language.
 */
public final class FormErrors {
  private FormErrors() {}

  /** The key for an error that belongs to no one field (shown above the form). */
  public static final String FORM = "form";

  /** The report form's field for an error of {@code e}, and a message in plain English. */
  public static Map<String, String> report(DomainError e) {
    return report(e, Messages.english());
  }

  /**
   * The report form's field for an error of {@code e}, and a message in plain words of {@code m}'s
   * language.
   */
  public static Map<String, String> report(DomainError e, Messages m) {
    String pointer = e.field().orElse("");
    String detail = e.getMessage() == null ? "" : e.getMessage();
    Map<String, String> out = new LinkedHashMap<>();
    if (pointer.equals("/time")) {
      // A well-formed time refused as implausible (a wrong year, a local time taken for UTC) keeps
      // the workflow's reason, which names the time and the limit; only a malformed one gets the
      // format hint.
      boolean future = detail.contains("in the future");
      boolean old = detail.contains("implausibly old");
      out.put(
          "time",
          future
              ? m.f("err.time.future", detail)
              : old
                  ? m.f("err.time.old", detail)
                  : detail.contains("years") ? m.t("err.time.years") : m.t("err.time.format"));
    } else if (pointer.equals("/time-precision")) {
      out.put("time-precision", m.t("err.time-precision"));
    } else if (pointer.equals("/kind")) {
      out.put("kind", m.t("err.kind"));
    } else if (pointer.equals("/place")) {
      out.put("lat", m.t("err.zero")); // the one rule on the place as a whole: not 0, 0
    } else if (pointer.equals("/place/lat")) {
      out.put("lat", m.t("err.lat"));
    } else if (pointer.equals("/place/lon")) {
      out.put("lon", m.t("err.lon"));
    } else if (pointer.equals("/place/precision")) {
      out.put("place-precision", m.t("err.place-precision"));
    } else if (pointer.equals("/actor/party")) {
      out.put("actor", m.t("err.actor"));
    } else if (pointer.equals("/actor/confidence")) {
      out.put("confidence", m.t("err.confidence.example"));
    } else if (pointer.equals("/target")) {
      out.put("target", m.t("err.target"));
    } else if (pointer.startsWith("/fatalities")) {
      String f =
          pointer.startsWith("/fatalities/")
              ? "fatalities-" + pointer.substring("/fatalities/".length())
              : "fatalities-low";
      out.put(f, m.t("err.fatalities"));
    } else if (pointer.startsWith("/sources")) {
      out.put("sources", m.t("err.sources"));
    } else if (pointer.equals("/summary")) {
      out.put("summary", m.t("err.summary"));
    } else {
      out.put(FORM, m.f("err.report", detail));
    }
    return out;
  }

  /**
   * A command's refusal ({@link Command}) as a person filling in its form reads it, in {@code m}'s
   * language: the rule the command names by its field, worded for the form ({@code note} is what
   * was typed in the note, whose length the wording gives). Empty when the refusal has no wording
   * of its own here; the caller then shows the command's words. The rules themselves are the
   * command's: a form does not check them again.
   */
  public static Optional<String> command(DomainError e, String note, Messages m) {
    if (!(e instanceof DomainError.Invalid)) {
      return Optional.empty();
    }
    return switch (e.field().orElse("")) {
      case "/status" -> Optional.of(m.t("err.decision"));
      case "/actor/party" -> Optional.of(m.t("err.actor"));
      case "/actor/confidence" -> Optional.of(m.t("err.confidence"));
      case "/answer" -> Optional.of(m.t("err.answer"));
      case "/level" -> Optional.of(m.t("err.level"));
      case "/note" ->
          Optional.of(
              note.length() > Command.MAX_NOTE
                  ? m.f("err.note-length", note.length())
                  : m.t("err.reject-reason"));
      default -> Optional.empty();
    };
  }

  /**
   * {@link #command(DomainError, String, Messages)}, or else the form's "not recorded" message
   * ({@code notRecorded}, a key of the messages) with the command's own words in it.
   */
  public static String commandOr(DomainError e, String note, Messages m, String notRecorded) {
    return command(e, note, m)
        .orElseGet(
            () -> m.f(notRecorded, Objects.requireNonNullElse(e.getMessage(), e.toString())));
  }

  /**
   * The status of the page that shows {@code e} beside its form: the status the API answers the
   * same error with ({@link org.umbrella.server.http.ProblemMapping}), so a page and the API never
   * disagree about what kind of refusal it was.
   */
  public static int status(DomainError e) {
    return ProblemMapping.of(e).status();
  }

  /** A plain message for a request body over the server's limit. */
  public static String tooLarge(int maxBytes) {
    return tooLarge(maxBytes, Messages.english());
  }

  /** A plain message for a request body over the server's limit, in {@code m}'s language. */
  public static String tooLarge(int maxBytes, Messages m) {
    return m.f("err.too-large", maxBytes / 1024);
  }
}
