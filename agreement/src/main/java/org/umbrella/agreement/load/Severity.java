package org.umbrella.agreement.load;

import java.util.Locale;

/**
 * How serious a diagnostic is.
 *
 * <p>An {@link #ERROR} makes a file invalid: the loader returns no model. A {@link #WARNING} leaves
 * the file valid and the model present; it points at something a reader should look at (such as a
 * modelled number without a label saying so). Tools print both and fail only on errors, unless told
 * to treat warnings as errors ({@code umbrella check --warnings-as-errors}).
 */
public enum Severity {
  /** The file is invalid. */
  ERROR,
  /** The file is valid, but something in it deserves attention. */
  WARNING;

  /** {@code error} or {@code warning}, as printed ({@code warning[unlabelled-value]}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
