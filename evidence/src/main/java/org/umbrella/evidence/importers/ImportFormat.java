package org.umbrella.evidence.importers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The input formats Umbrella imports (docs/importers.md). */
public enum ImportFormat {
  /** Umbrella's own JSON Lines (docs/incidents.md): every record type, not only incidents. */
  UMBRELLA,
  /** UCDP Georeferenced Event Dataset CSV. */
  UCDP,
  /** ACLED CSV export. */
  ACLED,
  /** VIINA 2.0 event CSV. */
  VIINA,
  /** A plain CSV with one column per canonical incident field. */
  CSV;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The importer for incident formats; {@link #UMBRELLA} is read with the engine's codec instead.
   */
  public Importer importer(PartyNames parties) {
    return switch (this) {
      case UCDP -> new UcdpImporter(parties);
      case ACLED -> new AcledImporter(parties);
      case VIINA -> new ViinaImporter();
      case CSV -> new PlainCsvImporter();
      case UMBRELLA -> new JsonLinesImporter();
    };
  }

  public static Optional<ImportFormat> fromWire(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
  }

  public static String allWireNames() {
    return Arrays.stream(values()).map(ImportFormat::wireName).collect(Collectors.joining(", "));
  }
}
