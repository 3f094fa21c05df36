package org.umbrella.evidence.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;

/**
 * The real UCDP GED 25.1 Ukraine sample (../shared/data/events), checked against its PROVENANCE
 * facts.
 */
class UcdpSampleTest {

  @Test
  void open_realSample_importsEveryRowAndKeepsItsQuirks() throws IOException {
    Path sample = SharedData.file("events/ucdp-ged-25.1-ukraine-sample.csv").orElse(null);
    Assumptions.assumeTrue(
        sample != null,
        "skipped: ../shared/data/events/ucdp-ged-25.1-ukraine-sample.csv is absent");
    List<Incident> incidents = new ArrayList<>();
    List<RowOutcome.Rejected> rejected = new ArrayList<>();
    ImportStream stream;
    try (BufferedReader in = Files.newBufferedReader(sample, StandardCharsets.UTF_8)) {
      stream = new UcdpImporter(PartyNames.ukraineWar()).open(in);
      while (stream.hasNext()) {
        switch (stream.next()) {
          case RowOutcome.Imported i -> incidents.add(i.incident());
          case RowOutcome.Rejected r -> rejected.add(r);
        }
      }
    }
    // PROVENANCE: 2,000 events; none is malformed, so none may be rejected.
    assertThat(rejected).isEmpty();
    assertThat(incidents).hasSize(2000);
    Set<String> ids = new HashSet<>();
    incidents.forEach(i -> ids.add(i.id()));
    assertThat(ids).hasSize(2000);
    // PROVENANCE: 29 rows have high < best; they are kept as reported, not "fixed".
    assertThat(
            incidents.stream().filter(i -> i.fatalities().high() < i.fatalities().best()).count())
        .isEqualTo(29);
    // PROVENANCE: 94 rows sit at the country centroid with an empty adm_1; they must not pass for
    // exact places.
    List<Incident> centroid =
        incidents.stream()
            .filter(
                i ->
                    i.place().lat() == 49.0
                        && i.place().lon() == 32.0
                        && i.place().region().isEmpty())
            .toList();
    assertThat(centroid).hasSize(94).allMatch(i -> i.place().precision() == PlacePrecision.COUNTRY);
    // every row is state-based (1) or one-sided (3) violence by Russia in this sample
    assertThat(incidents)
        .allMatch(i -> i.kind() == Kind.ARMED_CLASH || i.kind() == Kind.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(incidents).allMatch(i -> i.actor().party().equals("RU"));
    // the missing columns are defaulted and said so
    assertThat(stream.notes())
        .anyMatch(n -> n.contains("where_prec"))
        .anyMatch(n -> n.contains("date_prec"))
        .anyMatch(n -> n.contains("number_of_sources"));
  }
}
