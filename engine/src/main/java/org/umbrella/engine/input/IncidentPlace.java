package org.umbrella.engine.input;

import java.util.Objects;

/**
 * Where an incident happened: WGS84 latitude and longitude, how precise they are, and optionally
 * the first-level administrative region as the source named it ({@code ""} when not given).
 *
 * <p>The constructor throws {@code IllegalArgumentException} if latitude is outside [-90, 90] or
 * longitude outside [-180, 180].
 */
public record IncidentPlace(double lat, double lon, PlacePrecision precision, String region) {
  public IncidentPlace {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be within [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be within [-180, 180], was " + lon);
    }
    Objects.requireNonNull(precision, "precision");
    region = region == null ? "" : region;
  }

  public IncidentPlace(double lat, double lon, PlacePrecision precision) {
    this(lat, lon, precision, "");
  }
}
