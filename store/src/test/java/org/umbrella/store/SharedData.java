package org.umbrella.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared/data} beside the repository root, walking up from the working directory.
 */
final class SharedData {
  private SharedData() {}

  /** The path under {@code shared/data}, or null when the shared data is absent. */
  static Path find(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw"))) {
        Path p = d.resolveSibling("shared").resolve("data").resolve(relative);
        return Files.exists(p) ? p : null;
      }
    }
    return null;
  }
}
