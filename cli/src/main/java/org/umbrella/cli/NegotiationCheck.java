package org.umbrella.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.umbrella.agreement.load.Issue;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Problem;
import org.umbrella.negotiation.load.NegotiationLoadResult;
import org.umbrella.negotiation.load.NegotiationLoader;

/**
 * {@code check} on a negotiation file: the negotiation loader's problems, as values, printed in the
 * same compiler layout as an agreement's (location, the line, a caret, what would be valid).
 */
final class NegotiationCheck {
  private NegotiationCheck() {}

  static CheckCommand.Checked check(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why =
          Files.isDirectory(file)
              ? "is a directory"
              : Files.exists(file) ? "cannot be read as UTF-8 text" : "does not exist";
      Issue issue =
          new Issue(
              name,
              1,
              1,
              1,
              "file",
              "cannot read " + name + ": it " + why,
              name,
              "a readable *.negotiation.yaml file",
              List.of(),
              "");
      return new CheckCommand.Checked(
          name, List.of(issue), Optional.empty(), Optional.empty(), Optional.empty());
    }
    NegotiationLoadResult r = NegotiationLoader.read(text, name);
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Issue> issues = r.problems().stream().map(p -> issue(name, p, lines)).toList();
    return new CheckCommand.Checked(
        name,
        issues,
        r.model().map(NegotiationCheck::summary),
        r.model().map(NegotiationModel::id),
        Optional.empty());
  }

  private static Issue issue(String file, Problem p, String[] lines) {
    int line = Math.max(1, Math.min(p.where().line(), lines.length));
    String source = lines[line - 1];
    int column = Math.max(1, Math.min(p.where().column(), source.length() + 1));
    return new Issue(
        file, line, column, 1, "negotiation", p.message(), "", p.hint(), List.of(), source);
  }

  private static String summary(NegotiationModel m) {
    return m.id()
        + ", negotiation; "
        + m.parties().size()
        + " parties, "
        + m.issues().size()
        + " issues, "
        + m.drafts().size()
        + (m.drafts().size() == 1 ? " draft" : " drafts");
  }
}
