package org.umbrella.evidence.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.umbrella.engine.input.InputCodec;

/**
 * Each format's fixture (written by the project, modelled on the real column sets) imports to its
 * golden file: one canonical incident per line, or the rejection with row, line and reason, then
 * the importer's notes. Regenerate with -Dumbrella.golden.update=true and review the diff.
 */
class ImporterGoldenTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ucdp, ucdp-ged-full.csv", "acled, acled.csv", "viina, viina.csv", "csv, plain.csv"})
  void open_fixture_matchesGoldenOutput(String format, String fixture) throws IOException {
    Importer importer =
        ImportFormat.fromWire(format).orElseThrow().importer(PartyNames.ukraineWar());
    List<String> lines = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/importers/" + fixture);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      ImportStream stream = importer.open(reader);
      while (stream.hasNext()) {
        switch (stream.next()) {
          case RowOutcome.Imported i -> lines.add(InputCodec.encode(i.incident()));
          case RowOutcome.Rejected r -> lines.add("REJECTED " + r);
        }
      }
      stream.notes().forEach(n -> lines.add("NOTE " + n));
    }
    String actual = String.join("\n", lines) + "\n";
    Path golden = Path.of("src/test/resources/importers", fixture.replace(".csv", ".expected.txt"));
    if (Boolean.getBoolean("umbrella.golden.update")) {
      Files.writeString(golden, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(golden));
  }
}
