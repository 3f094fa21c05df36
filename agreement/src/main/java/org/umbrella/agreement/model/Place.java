package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A named area or line: a line of contact, a buffer zone, a city, a region.
 *
 * <p>The geometry is in WGS84 longitude/latitude ({@code x = lon}, {@code y = lat}). Buffers and
 * circles were computed in metres on a local azimuthal equidistant projection and converted back,
 * so that {@code km: 15} means fifteen kilometres on the ground. The geometry is shared: callers
 * must not mutate it (JTS geometries are mutable objects); prepare it for repeated tests.
 *
 * @param id the key under {@code places:}
 * @param title a human name, if given
 * @param shape how the file defines it
 * @param geometry the resolved geometry, valid and non-empty
 * @param note a remark (e.g. "an approximation"), if given
 * @param cites sources
 */
public record Place(
    String id,
    Optional<String> title,
    PlaceShape shape,
    Geometry geometry,
    Optional<String> note,
    List<Citation> cites) {
  /** Creates a place; the citation list is copied. */
  public Place {
    cites = List.copyOf(cites);
  }

  /** Whether incidents can fall inside this place (it has an area); lines and points cannot. */
  public boolean hasArea() {
    return geometry.getDimension() == 2;
  }
}
