package org.umbrella.evidence.importers;

import java.io.Reader;

/**
 * Maps one dataset format to canonical incidents.
 *
 * <p>Implementations are stateless and thread-safe; each {@link #open} call gives an independent
 * stream. The caller owns and closes the reader.
 */
public interface Importer {
  /** The format's name as given on the command line, e.g. {@code ucdp}. */
  String name();

  /** Starts reading {@code input}; nothing is read until the stream is iterated. */
  ImportStream open(Reader input);
}
