package org.umbrella.evidence.importers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds ../shared/data beside the repository root (walking up from the working directory). */
final class SharedData {
  private SharedData() {}

  static Optional<Path> file(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("mvnw"))
          && Files.exists(dir.resolve("pom.xml"))
          && !Files.exists(dir.resolve("../pom.xml"))) {
        Path p = dir.resolve("../shared/data").resolve(relative).normalize();
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
