package org.umbrella.agreement.load;

import org.umbrella.agreement.load.internal.AgreementParser;

/**
 * Loads and validates agreement files (the {@code *.agreement.yaml} format, see
 * docs/agreement-format.md).
 *
 * <p>Loading never throws for a problem in the input: every problem of the file is collected in the
 * returned {@link LoadResult}, each with its position and a hint. Only {@link
 * LoadResult#agreement()} on an invalid file throws ({@link InvalidAgreementException}). The loader
 * is pure and thread-safe; files the agreement names come through the {@link ResourceResolver}.
 */
public final class AgreementLoader {
  private AgreementLoader() {}

  /**
   * Parses and validates an agreement.
   *
   * @param file the file's name, used in issue locations
   * @param text the file's content
   * @param resolver where GeoJSON files named by the agreement come from
   */
  public static LoadResult load(String file, String text, ResourceResolver resolver) {
    return new AgreementParser(file, text, resolver).parse();
  }
}
