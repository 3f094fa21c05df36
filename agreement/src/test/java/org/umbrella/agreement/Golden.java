package org.umbrella.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept beside the test inputs and reviewed like code.
 *
 * <p>Run with {@code -Dumbrella.golden.update=true} to (re)write them after a deliberate change;
 * review the diff before committing. A missing golden file fails the test (it is never created
 * silently in a normal run).
 */
public final class Golden {
  private Golden() {}

  /** The module's src/test/resources directory. */
  public static Path resources() {
    return Path.of("src/test/resources").toAbsolutePath();
  }

  /** Asserts {@code actual} equals the golden file's content, or rewrites it in update mode. */
  public static void assertMatches(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("umbrella.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden)
        .as(
            "golden file %s (run with -Dumbrella.golden.update=true to create it, then review it)",
            golden)
        .exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    assertThat(actual).as("output differs from golden file %s", golden).isEqualTo(expected);
  }
}
