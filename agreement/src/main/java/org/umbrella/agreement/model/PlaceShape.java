package org.umbrella.agreement.model;

import java.util.List;

/** How a {@link Place} is written in the file, kept so that tools can explain and diff it. */
public sealed interface PlaceShape {

  /**
   * A GeoJSON file (Geometry, Feature or FeatureCollection), relative to the agreement file.
   *
   * @param path the path as written
   */
  record GeoJsonFile(String path) implements PlaceShape {}

  /**
   * Everything within {@code km} kilometres of another place, computed in metres.
   *
   * @param of the buffered place's id
   * @param km the distance, positive
   */
  record Buffer(String of, double km) implements PlaceShape {}

  /**
   * A circle of radius {@code km} around a point.
   *
   * @param lon longitude, degrees east
   * @param lat latitude, degrees north
   * @param km the radius, positive
   */
  record Circle(double lon, double lat, double km) implements PlaceShape {}

  /**
   * The union of other places.
   *
   * @param of the places' ids, at least one
   */
  record Union(List<String> of) implements PlaceShape {
    /** Creates the union; the list is copied. */
    public Union {
      of = List.copyOf(of);
    }
  }
}
