package org.umbrella.agreement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's examples and docs from the module directory Maven runs tests in. */
public final class Examples {
  private Examples() {}

  /** The repository root: the nearest ancestor holding examples/ukraine. */
  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples/ukraine"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "examples/ukraine not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** examples/ukraine. */
  public static Path ukraine() {
    return root().resolve("examples/ukraine");
  }

  /**
   * Loads examples/ukraine/NAME, naming it by its path from the repository root; it must be valid.
   */
  public static org.umbrella.agreement.model.Agreement load(String name) {
    return org.umbrella.agreement.io.AgreementFiles.load(
            ukraine().resolve(name), "examples/ukraine/" + name)
        .agreement();
  }

  /** Every *.agreement.yaml under examples/, sorted. */
  public static List<Path> agreements() throws IOException {
    try (Stream<Path> s = Files.walk(root().resolve("examples"))) {
      return s.filter(f -> f.getFileName().toString().endsWith(".agreement.yaml"))
          .sorted()
          .toList();
    }
  }
}
