package org.umbrella.bench.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.umbrella.agreement.model.Agreement;

/**
 * Esper plug-in single-row functions: {@code within(place, lon, lat)} with the same JTS test as the
 * engine.
 */
public final class EsperFunctions {
  private static final Map<String, Envelope> ENVELOPES = new HashMap<>();
  private static final Map<String, IndexedPointInAreaLocator> LOCATORS = new HashMap<>();
  private static final Coordinate PROBE = new Coordinate();

  private EsperFunctions() {}

  static synchronized void load(Agreement agreement) {
    agreement
        .places()
        .forEach(
            (id, p) -> {
              if (p.geometry().getDimension() == 2) {
                ENVELOPES.put(id, p.geometry().getEnvelopeInternal());
                IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(p.geometry());
                locator.locate(
                    new Coordinate(0, 0)); // builds its lazy index now, not in the measured loop
                LOCATORS.put(id, locator);
              }
            });
  }

  /** Whether the place covers the point; single-threaded use only (the benchmark's one thread). */
  public static boolean within(String place, double lon, double lat) {
    Envelope e = ENVELOPES.get(place);
    if (e == null || !e.covers(lon, lat)) {
      return false;
    }
    PROBE.x = lon;
    PROBE.y = lat;
    // every place with an envelope has a locator: both maps are filled together
    return Objects.requireNonNull(LOCATORS.get(place)).locate(PROBE) != Location.EXTERIOR;
  }
}
