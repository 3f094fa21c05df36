package org.umbrella.agreement.load.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads GeoJSON (RFC 7946) text into a JTS geometry in lon/lat, and rejects impossible geometry.
 *
 * <p>Accepts a Geometry, a Feature or a FeatureCollection (whose features are combined: polygons
 * are unioned, lines and points collected). Coordinates must be within [-180, 180] x [-90, 90].
 */
final class GeoJson {
  static final GeometryFactory FACTORY = new GeometryFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJson() {}

  static Geometry read(String name, String text) throws GeoProblem {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new GeoProblem(where + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new GeoProblem(
          name + ": a GeoJSON file must hold one object (Geometry, Feature or FeatureCollection)");
    }
    Geometry g = object(name, root);
    return checked(name, g);
  }

  static Geometry checked(String name, Geometry g) throws GeoProblem {
    if (g.isEmpty()) {
      throw new GeoProblem(name + ": the geometry is empty");
    }
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      Coordinate c = error.getCoordinate();
      throw new GeoProblem(
          name
              + ": impossible geometry: "
              + error.getMessage().toLowerCase(Locale.ROOT)
              + (c == null ? "" : " at (" + round(c.x) + ", " + round(c.y) + ")"));
    }
    return g;
  }

  static String round(double d) {
    return new BigDecimal(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static Geometry object(String name, JsonNode node) throws GeoProblem {
    String type = node.path("type").asText("");
    return switch (type) {
      case "FeatureCollection" -> {
        JsonNode features = node.path("features");
        if (!features.isArray() || features.isEmpty()) {
          throw new GeoProblem(name + ": a FeatureCollection needs a non-empty 'features' array");
        }
        List<Geometry> parts = new ArrayList<>();
        for (JsonNode f : features) {
          parts.add(object(name, f));
        }
        yield combine(parts);
      }
      case "Feature" -> {
        JsonNode geometry = node.path("geometry");
        if (!geometry.isObject()) {
          throw new GeoProblem(name + ": a Feature needs a 'geometry' object");
        }
        yield object(name, geometry);
      }
      case "GeometryCollection" -> {
        List<Geometry> parts = new ArrayList<>();
        for (JsonNode g : node.path("geometries")) {
          parts.add(object(name, g));
        }
        if (parts.isEmpty()) {
          throw new GeoProblem(
              name + ": a GeometryCollection needs a non-empty 'geometries' array");
        }
        yield FACTORY.buildGeometry(parts);
      }
      default -> geometry(name, type, node.path("coordinates"));
    };
  }

  private static Geometry combine(List<Geometry> parts) {
    boolean allAreas = parts.stream().allMatch(p -> p.getDimension() == 2);
    Geometry collected = FACTORY.buildGeometry(parts);
    return allAreas && parts.size() > 1 ? collected.union() : collected;
  }

  private static Geometry geometry(String name, String type, JsonNode c) throws GeoProblem {
    return switch (type) {
      case "Point" -> FACTORY.createPoint(position(name, c));
      case "MultiPoint" ->
          FACTORY.createMultiPoint(
              positions(name, c, 1).stream().map(FACTORY::createPoint).toArray(Point[]::new));
      case "LineString" -> line(name, c);
      case "MultiLineString" -> {
        List<LineString> lines = new ArrayList<>();
        for (JsonNode l : array(name, c, "MultiLineString")) {
          lines.add(line(name, l));
        }
        yield FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
      }
      case "Polygon" -> polygon(name, c);
      case "MultiPolygon" -> {
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode p : array(name, c, "MultiPolygon")) {
          polygons.add(polygon(name, p));
        }
        yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
      }
      case "" -> throw new GeoProblem(name + ": an object without 'type'");
      default ->
          throw new GeoProblem(
              name
                  + ": unknown GeoJSON type '"
                  + type
                  + "'; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection, Feature or FeatureCollection");
    };
  }

  private static LineString line(String name, JsonNode c) throws GeoProblem {
    List<Coordinate> pts = positions(name, c, 2);
    return FACTORY.createLineString(pts.toArray(Coordinate[]::new));
  }

  private static Polygon polygon(String name, JsonNode c) throws GeoProblem {
    List<LinearRing> rings = new ArrayList<>();
    for (JsonNode r : array(name, c, "Polygon")) {
      List<Coordinate> pts = positions(name, r, 4);
      if (!pts.getFirst().equals2D(pts.getLast())) {
        throw new GeoProblem(
            name
                + ": impossible geometry: a polygon ring is not closed (first and last positions differ)");
      }
      rings.add(FACTORY.createLinearRing(pts.toArray(Coordinate[]::new)));
    }
    if (rings.isEmpty()) {
      throw new GeoProblem(name + ": a Polygon needs at least one ring");
    }
    return FACTORY.createPolygon(
        rings.getFirst(), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
  }

  private static JsonNode array(String name, JsonNode c, String type) throws GeoProblem {
    if (!c.isArray()) {
      throw new GeoProblem(name + ": " + type + " needs a 'coordinates' array");
    }
    return c;
  }

  private static List<Coordinate> positions(String name, JsonNode c, int minimum)
      throws GeoProblem {
    if (!c.isArray()) {
      throw new GeoProblem(name + ": expected an array of positions");
    }
    List<Coordinate> out = new ArrayList<>(c.size());
    for (JsonNode p : c) {
      out.add(position(name, p));
    }
    if (out.size() < minimum) {
      throw new GeoProblem(
          name
              + ": impossible geometry: "
              + out.size()
              + " position(s) where at least "
              + minimum
              + " are needed");
    }
    return out;
  }

  private static Coordinate position(String name, JsonNode p) throws GeoProblem {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new GeoProblem(
          name + ": a position must be [longitude, latitude], found " + abbreviate(p.toString()));
    }
    return lonLat(name, p.get(0).asDouble(), p.get(1).asDouble());
  }

  static Coordinate lonLat(String name, double lon, double lat) throws GeoProblem {
    if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
      throw new GeoProblem(
          name
              + ": impossible geometry: position ["
              + lon
              + ", "
              + lat
              + "] is outside longitude -180..180, latitude -90..90"
              + (lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90
                  ? " (GeoJSON puts longitude first)"
                  : ""));
    }
    return new Coordinate(lon, lat);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
