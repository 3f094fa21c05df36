package org.umbrella.agreement.model;

import java.util.Locale;

/**
 * What an agreement file is: the text itself, or a model of it built from sources.
 *
 * <p>A file {@link #MODELLED_FROM_SOURCES} (every shipped example) must say, for every number,
 * duration, radius and membership it operates with, whether the sources state it or the modeller
 * chose it ({@link ValueLabel}); {@code umbrella check} warns about any it leaves unlabelled.
 */
public enum Basis {
  /** The file transcribes an agreed or published text; values are the text's own. */
  TEXT,
  /** The file models a text from reports of it; values the reports do not give are modelled. */
  MODELLED_FROM_SOURCES;

  /** As written in a file: {@code text} or {@code modelled-from-sources}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
