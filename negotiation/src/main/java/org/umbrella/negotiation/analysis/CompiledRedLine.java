package org.umbrella.negotiation.analysis;

import java.util.BitSet;
import org.umbrella.negotiation.RedLine;

/**
 * A red line turned into a truth table over the issues its condition reads.
 *
 * <p>Because a condition that reads k issues is decided by those k options alone, the table answers
 * for every package in one lookup, and red lines reading one issue prune that issue's options
 * before any package is enumerated.
 *
 * @param source the red line as written
 * @param party the index of the party holding it
 * @param issues the indices of the issues the condition reads, ascending
 * @param strides the mixed-radix stride of each read issue in the table
 * @param table bit set: condition holds for that combination of options
 */
public record CompiledRedLine(
    RedLine source, int party, int[] issues, int[] strides, BitSet table) {
  /** Whether the package (one option index per issue) satisfies the condition. */
  public boolean holds(int[] outcome) {
    int index = 0;
    for (int j = 0; j < issues.length; j++) {
      index += outcome[issues[j]] * strides[j];
    }
    return table.get(index);
  }
}
