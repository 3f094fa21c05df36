package org.umbrella.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;

/**
 * The agreement the server tests run: {@code server-fixture.agreement.yaml} (test resources), the
 * 20-point example as it stood before the examples were made faithful to the texts (issue 13), so
 * that the tests' flows (five violations, a commission's vote, consult and decide-response) keep
 * testing the service's mechanics. Its places resolve against the repository's {@code
 * examples/ukraine/} directory, found by walking up from the working directory.
 */
public final class TestAgreement {
  private TestAgreement() {}

  public static Path file() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path f = dir.resolve("examples/ukraine/framework-20pt.agreement.yaml");
      if (Files.isRegularFile(f)) {
        return f;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "examples/ukraine/framework-20pt.agreement.yaml not found above "
            + Path.of("").toAbsolutePath());
  }

  public static Agreement ukraine() {
    return ukraineWith(java.util.function.UnaryOperator.identity());
  }

  /** The fixture's text with {@code edit} applied. */
  public static String sourceWith(java.util.function.UnaryOperator<String> edit) {
    try (var in =
        TestAgreement.class.getResourceAsStream("/agreement/server-fixture.agreement.yaml")) {
      return edit.apply(
          new String(
              java.util.Objects.requireNonNull(in, "server-fixture.agreement.yaml").readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The fixture with {@code edit} applied, as the service puts it in force: its text, the places it
   * names, and its name with the demo's ceasefire at {@code ceasefire} appended.
   */
  public static UmbrellaServer.InForce inForce(
      java.util.function.UnaryOperator<String> edit, java.time.Instant ceasefire) {
    Agreement a = ukraineWith(edit);
    String source = sourceWith(edit);
    return UmbrellaServer.InForce.of(
        a.id(),
        a.version(),
        source,
        org.umbrella.server.journal.AgreementVersion.resourcesOf(file(), source),
        org.umbrella.server.journal.AgreementVersion.DEMO_CEASEFIRE + ceasefire);
  }

  /** The fixture with {@code edit} applied to its text before it is loaded (and validated). */
  public static Agreement ukraineWith(java.util.function.UnaryOperator<String> edit) {
    String text = sourceWith(edit);
    LoadResult r =
        org.umbrella.agreement.load.AgreementLoader.load(
            "server-fixture.agreement.yaml", text, AgreementFiles.relativeTo(file()));
    if (!r.isValid()) {
      throw new IllegalStateException(r.toDisplayString());
    }
    return r.agreement();
  }

  /** Every example agreement beside the Ukraine framework. */
  public static java.util.List<Agreement> library() {
    try (var files = Files.list(file().getParent())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".agreement.yaml"))
          .sorted()
          .map(AgreementFiles::load)
          .filter(LoadResult::isValid)
          .map(LoadResult::agreement)
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
