package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/server.md shows the permissions matrix the server enforces, verbatim. */
class PolicyDocsTest {
  @Test
  void serverDocs_containTheMatrixOfTheAccessPolicy() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docs/server.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("docs/server.md above the working directory").isNotNull();
    String docs = Files.readString(dir.resolve("docs/server.md"));
    assertThat(docs)
        .as("paste AccessPolicy.markdown() into docs/server.md:\n" + AccessPolicy.markdown())
        .contains(AccessPolicy.markdown());
  }
}
