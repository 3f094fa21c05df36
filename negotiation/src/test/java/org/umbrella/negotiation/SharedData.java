package org.umbrella.negotiation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data beside the repository (walking up from the working directory). */
public final class SharedData {
  private SharedData() {}

  /** The directory, or a skipped test with a message saying what is missing. */
  public static Path dir(String sub) {
    Path at = Path.of("").toAbsolutePath();
    while (at != null) {
      Path candidate = at.resolve("../shared/data").resolve(sub).normalize();
      if (Files.isDirectory(at.resolve(".git")) || Files.isRegularFile(at.resolve("mvnw"))) {
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
      at = at.getParent();
    }
    assumeTrue(
        false,
        "skipped: ../shared/data/"
            + sub
            + " is not present beside the repository (GENIUS data is GPL and not in the repo)");
    return null;
  }

  public static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the repository (walking up to the root). */
  public static Path repoFile(String relative) {
    Path at = Path.of("").toAbsolutePath();
    while (at != null) {
      if (Files.isRegularFile(at.resolve("mvnw")) && Files.exists(at.resolve(relative))) {
        return at.resolve(relative);
      }
      at = at.getParent();
    }
    throw new IllegalStateException("not found from the working directory: " + relative);
  }
}
