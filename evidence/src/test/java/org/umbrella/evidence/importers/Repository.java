package org.umbrella.evidence.importers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root: the nearest directory up from the working directory holding mvnw and a pom
 * without a parent dir pom.
 */
final class Repository {
  private Repository() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("mvnw"))
          && Files.exists(dir.resolve("pom.xml"))
          && !Files.exists(dir.resolve("../pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("not inside the repository");
  }
}
