package org.umbrella.agreement.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.umbrella.agreement.Golden;

/**
 * The corpus of broken agreements: each file in {@code src/test/resources/broken} has a golden
 * {@code .expected} file beside it holding every issue exactly as {@code umbrella check} prints it:
 * message, {@code file:line:column}, the source line with its caret, what would be valid and the
 * suggestions.
 */
class BrokenCorpusTest {
  static final Path DIR = Golden.resources().resolve("broken");

  static List<Path> corpus() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".agreement.yaml"))
          .sorted()
          .toList();
    }
  }

  static LoadResult load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    ResourceResolver resolver =
        rel -> {
          Path p = DIR.resolve(rel);
          try {
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p)) : Optional.empty();
          } catch (IOException e) {
            return Optional.empty();
          }
        };
    return AgreementLoader.load(file.getFileName().toString(), text, resolver);
  }

  @Test
  void corpus_hasAtLeastFortyBrokenFiles() throws IOException {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40);
  }

  @TestFactory
  List<DynamicTest> load_brokenFile_reportsExactlyTheExpectedIssues() throws IOException {
    return corpus().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      LoadResult result = load(file);
                      assertThat(result.isValid()).as("a broken file must not load").isFalse();
                      assertThat(result.model()).isEmpty();
                      assertThatThrownBy(result::agreement)
                          .isInstanceOf(InvalidAgreementException.class);
                      String name =
                          file.getFileName().toString().replace(".agreement.yaml", ".expected");
                      Golden.assertMatches(DIR.resolve(name), result.toDisplayString());
                    }))
        .toList();
  }
}
