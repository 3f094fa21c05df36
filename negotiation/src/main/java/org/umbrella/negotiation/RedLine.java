package org.umbrella.negotiation;

import java.util.List;

/**
 * A condition a package must satisfy for a party to accept it at all, whatever its utility.
 *
 * <p>The condition is a CEL expression over the package's issues (each issue by its {@link
 * NegotiatedIssue#celName()}), type-checked to {@code bool} when the file loads. A package breaks
 * the red line when the condition is false.
 *
 * @param party the party holding the red line
 * @param condition the CEL condition that must hold
 * @param text the party's words or a paraphrase (may be empty)
 * @param cites source ids backing it
 * @param at where the condition is written
 */
public record RedLine(
    String party, String condition, String text, List<String> cites, Location at) {
  public RedLine {
    cites = List.copyOf(cites);
  }

  /** A short label: the text if there is one, otherwise the condition. */
  public String label() {
    return text.isEmpty() ? condition : text;
  }
}
