package org.umbrella.agreement.load;

import java.util.Optional;

/**
 * Gives the loader the text of a file an agreement names (a GeoJSON place), by the path written in
 * the agreement, relative to the agreement file.
 *
 * <p>The loader is pure; this is how callers decide where such files come from (a directory, a
 * database, a test's map).
 */
@FunctionalInterface
public interface ResourceResolver {
  /**
   * The text of the file at {@code relativePath}, or empty if there is none.
   *
   * @param relativePath the path as written in the agreement
   */
  Optional<String> read(String relativePath);

  /** A resolver that has no files: every {@code geojson:} place is reported as missing. */
  static ResourceResolver none() {
    return path -> Optional.empty();
  }
}
