package org.umbrella.server.enforce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.umbrella.agreement.model.Place;

/** The agreement's places as a GeoJSON FeatureCollection (RFC 7946, lon/lat, 5 decimals). */
public final class PlacesGeoJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlacesGeoJson() {}

  /** One feature per place, with {@code id}, {@code title} and {@code shape} properties. */
  public static ObjectNode places(Map<String, Place> places) {
    ObjectNode fc = F.objectNode().put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    places
        .values()
        .forEach(
            p -> {
              ObjectNode f = features.addObject().put("type", "Feature");
              f.putObject("properties")
                  .put("id", p.id())
                  .put("title", p.title().orElse(p.id()))
                  .put("shape", p.shape().toString())
                  .put("area", p.hasArea());
              f.set("geometry", geometry(p.geometry()));
            });
    return fc;
  }

  static ObjectNode geometry(Geometry g) {
    ObjectNode o = F.objectNode();
    switch (g) {
      case Point p -> o.put("type", "Point").set("coordinates", coord(p.getCoordinate()));
      case LineString l ->
          o.put("type", "LineString").set("coordinates", coords(l.getCoordinates()));
      case Polygon p -> o.put("type", "Polygon").set("coordinates", rings(p));
      case MultiPoint m -> {
        ArrayNode a = o.put("type", "MultiPoint").putArray("coordinates");
        for (int i = 0; i < m.getNumGeometries(); i++) {
          a.add(coord(m.getGeometryN(i).getCoordinate()));
        }
      }
      case MultiLineString m -> {
        ArrayNode a = o.put("type", "MultiLineString").putArray("coordinates");
        for (int i = 0; i < m.getNumGeometries(); i++) {
          a.add(coords(m.getGeometryN(i).getCoordinates()));
        }
      }
      case MultiPolygon m -> {
        ArrayNode a = o.put("type", "MultiPolygon").putArray("coordinates");
        for (int i = 0; i < m.getNumGeometries(); i++) {
          a.add(rings((Polygon) m.getGeometryN(i)));
        }
      }
      case GeometryCollection c -> {
        ArrayNode a = o.put("type", "GeometryCollection").putArray("geometries");
        for (int i = 0; i < c.getNumGeometries(); i++) {
          a.add(geometry(c.getGeometryN(i)));
        }
      }
      default -> throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
    }
    return o;
  }

  private static ArrayNode rings(Polygon p) {
    ArrayNode a = F.arrayNode();
    a.add(coords(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      a.add(coords(p.getInteriorRingN(i).getCoordinates()));
    }
    return a;
  }

  private static ArrayNode coords(Coordinate[] cs) {
    ArrayNode a = F.arrayNode();
    for (Coordinate c : cs) {
      a.add(coord(c));
    }
    return a;
  }

  private static ArrayNode coord(Coordinate c) {
    return F.arrayNode().add(Math.round(c.x * 1e5) / 1e5).add(Math.round(c.y * 1e5) / 1e5);
  }
}
