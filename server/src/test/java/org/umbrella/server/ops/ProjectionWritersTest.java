package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 2: each table of the pages' view has one writer, its projection. Every statement in
 * the service's sources that inserts into, updates, deletes from or truncates a projected table is
 * in that projection's class; a writer anywhere else fails here, naming the file.
 */
class ProjectionWritersTest {
  private static final Map<String, String> WRITER =
      Map.of(
          "ops_report",
          "ReportProjection.java",
          "ops_review",
          "ReportProjection.java",
          "ops_finding",
          "OutcomeProjection.java",
          "ops_obligation",
          "OutcomeProjection.java",
          "ops_status",
          "OutcomeProjection.java",
          "ops_vote",
          "OutcomeProjection.java",
          "ops_body",
          "BodyProjection.java");

  private static final Pattern WRITE =
      Pattern.compile(
          "(?i)(insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+((?:ops_\\w+\\s*,?\\s*)+)");

  @Test
  void everyProjectedTable_isWrittenOnlyByItsProjection() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    Map<String, TreeSet<String>> writers = new TreeMap<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = WRITE.matcher(Files.readString(f));
        while (m.find()) {
          for (String table : m.group(2).split("[\\s,]+")) {
            if (WRITER.containsKey(table)) {
              writers.computeIfAbsent(table, k -> new TreeSet<>()).add(f.getFileName().toString());
            }
          }
        }
      }
    }
    assertThat(writers.keySet())
        .as("the scan finds every projected table's writer")
        .containsExactlyInAnyOrderElementsOf(WRITER.keySet());
    writers.forEach(
        (table, files) ->
            assertThat(files).as(table + " is written by").containsExactly(WRITER.get(table)));
  }

  @Test
  void theScan_catchesAWriterElsewhere() {
    Matcher m =
        WRITE.matcher(
            "h.execute(\"truncate ops_vote, ops_finding\"); h.createUpdate(\"update ops_status set x = 1\")");
    TreeSet<String> found = new TreeSet<>();
    while (m.find()) {
      found.addAll(java.util.List.of(m.group(2).split("[\\s,]+")));
    }
    assertThat(found).contains("ops_vote", "ops_finding", "ops_status");
  }
}
