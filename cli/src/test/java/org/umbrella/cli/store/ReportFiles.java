package org.umbrella.cli.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;

/** Files of incident reports in Umbrella JSON Lines, for {@code umbrella import} in tests. */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * Writes {@code n} shelling reports with ids {@code prefix0..} to {@code
   * dir/<prefix>reports.jsonl}.
   */
  public static Path write(Path dir, String prefix, int n) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(
          InputCodec.encode(
              new Incident(
                  prefix + i,
                  Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * i),
                  TimePrecision.EXACT,
                  new IncidentPlace(47.1, 37.5, PlacePrecision.EXACT),
                  Kind.SHELLING,
                  Actor.UNATTRIBUTED,
                  "civilian",
                  new Fatalities(0, 0, 1),
                  List.of(new IncidentSource("omm-" + prefix + i, "monitor", "omm")),
                  ReviewStatus.REPORTED,
                  List.of())));
    }
    Path file = dir.resolve(prefix + "reports.jsonl");
    Files.write(file, lines);
    return file;
  }
}
