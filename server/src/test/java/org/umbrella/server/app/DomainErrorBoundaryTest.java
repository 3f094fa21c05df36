package org.umbrella.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 6: the workflow speaks in domain errors, never in HTTP. No source of the server
 * outside the HTTP shell ({@code server/http}) and the pages ({@code server/web}) names the HTTP
 * problem types, the one mapping, Javalin's status or error types, or the old HTTP-shaped {@code
 * ServerException}; the one mapping is {@code http/ProblemMapping.java}, the only file that turns a
 * domain error into a status.
 */
class DomainErrorBoundaryTest {
  /** What only the HTTP shell and the pages may name. */
  static final Pattern HTTP_SHAPED =
      Pattern.compile(
          "\\b(HttpProblem|ProblemMapping|server\\.http\\.Problems|HttpStatus|HttpResponseException|ServerException)\\b"
              + "|\\bstatus\\(\\)\\s*==\\s*[45]\\d\\d");

  private static final Path MAIN = Path.of("src/main/java/org/umbrella/server");

  @Test
  void noClassOutsideHttpAndWeb_namesHttpStatusesOrProblems() throws IOException {
    assertThat(MAIN).isDirectory();
    TreeSet<String> offenders = new TreeSet<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = MAIN.relativize(f).toString().replace('\\', '/');
        if (rel.startsWith("http/") || rel.startsWith("web/")) {
          continue;
        }
        scanned++;
        Matcher m = HTTP_SHAPED.matcher(Files.readString(f));
        if (m.find()) {
          offenders.add(rel + ": " + m.group());
        }
      }
    }
    assertThat(scanned).as("the scan reads the workflow's sources").isGreaterThan(50);
    assertThat(offenders).as("workflow classes naming HTTP").isEmpty();
  }

  @Test
  void theHttpShapedException_isGone() {
    assertThat(MAIN.resolve("ServerException.java")).doesNotExist();
  }

  @Test
  void onlyTheMapping_turnsADomainErrorIntoAStatus() throws IOException {
    // a switch over the domain errors that yields a status: only the one mapping has one
    Pattern statusSwitch =
        Pattern.compile(
            "case\\s+(DomainError\\.)?(Invalid|NotFound|Conflict|Forbidden|Unauthenticated)\\s+\\w+\\s*->\\s*new\\s+HttpProblem\\(");
    TreeSet<String> mappers = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (statusSwitch.matcher(Files.readString(f)).find()) {
          mappers.add(MAIN.relativize(f).toString().replace('\\', '/'));
        }
      }
    }
    assertThat(mappers).containsExactly("http/ProblemMapping.java");
  }

  @Test
  void theScan_catchesHttpInTheWorkflow() {
    for (String line :
        List.of(
            "throw new ServerException(409, \"conflict\", null, \"x\");",
            "throw HttpProblem.refused(400, \"invalid-input\", \"/x\", \"x\");",
            "ctx.status(io.javalin.http.HttpStatus.CONFLICT);",
            "if (e.status() == 404) {",
            "return ProblemMapping.of(e);")) {
      assertThat(HTTP_SHAPED.matcher(line).find()).as(line).isTrue();
    }
    assertThat(
            HTTP_SHAPED
                .matcher("throw new DomainError.Conflict(\"/answer\", \"already fulfilled\");")
                .find())
        .isFalse();
  }
}
