package org.umbrella.negotiation;

import java.util.List;

/**
 * A real proposal, scored against every party.
 *
 * @param id the draft's id ({@code plan-28pt})
 * @param title a human title (may be empty)
 * @param choices the option index chosen on each issue, in the model's issue order
 * @param cites source ids
 * @param at where it is written
 */
public record Draft(
    String id, String title, List<Integer> choices, List<String> cites, Location at) {
  public Draft {
    choices = List.copyOf(choices);
    cites = List.copyOf(cites);
  }

  /** The choices as an array, the form the analysis uses. */
  public int[] outcome() {
    return choices.stream().mapToInt(Integer::intValue).toArray();
  }
}
