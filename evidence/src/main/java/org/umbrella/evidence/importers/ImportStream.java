package org.umbrella.evidence.importers;

import java.util.Iterator;
import java.util.List;

/**
 * A stream of row outcomes from one input; holds one row at a time.
 *
 * <p>{@link #notes()} lists what the importer had to assume for the whole input (a missing column
 * defaulted, for example); it is complete once the header is read, i.e. after the first {@code
 * hasNext()}. Iteration throws {@link ImportFormatException} when the input as a whole is unusable
 * (no header, a required column missing), and {@link java.io.UncheckedIOException} on read errors.
 */
public interface ImportStream extends Iterator<RowOutcome> {
  /** Assumptions made for the whole input, in the order made. */
  List<String> notes();
}
