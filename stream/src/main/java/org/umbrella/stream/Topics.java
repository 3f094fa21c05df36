package org.umbrella.stream;

import java.util.Objects;

/**
 * The topic names of one deployment.
 *
 * @param input the journal's records, keyed by agreement id, one JSON line each (the engine's input
 *     format with its {@code recorded} member)
 * @param output the engine's records, keyed by agreement id, one canonical JSON line each
 * @param rejects inputs the topology could not take (unknown agreement, no key, not a valid
 *     record), keyed as they came, the value saying where and why
 */
public record Topics(String input, String output, String rejects) {
  /**
   * Header a journal shipper puts on each input: the journal's entry number (decimal ASCII). The
   * topology passes every input header on to the input's outputs.
   */
  public static final String JOURNAL_SEQ_HEADER = "umbrella.journal-seq";

  /**
   * Header on each output: {@code I/N} (ASCII), the I-th (from 1) of the N outputs its input
   * produced.
   */
  public static final String OUTPUT_HEADER = "umbrella.output";

  public Topics {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(rejects, "rejects");
    if (input.equals(output) || input.equals(rejects) || output.equals(rejects)) {
      throw new IllegalArgumentException(
          "the input, output and rejects topics must differ: "
              + input
              + ", "
              + output
              + ", "
              + rejects);
    }
  }

  /** {@code umbrella.journal}, {@code umbrella.engine-out}, {@code umbrella.rejects}. */
  public static Topics defaults() {
    return new Topics("umbrella.journal", "umbrella.engine-out", "umbrella.rejects");
  }
}
