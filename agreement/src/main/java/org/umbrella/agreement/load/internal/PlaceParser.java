package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Place;
import org.umbrella.agreement.model.PlaceShape;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code places:} section: reads each place, resolves them into geometry (GeoJSON files,
 * buffers, circles and unions, with cycle checks), then checks places used as areas and points
 * whose coordinates look swapped.
 */
final class PlaceParser extends SectionParser {

  private record PlaceSpec(
      String id,
      ScalarNode key,
      Optional<String> title,
      PlaceShape shape,
      Node shapeNode,
      Optional<String> note,
      List<Citation> cites) {}

  private final Map<String, PlaceSpec> placeSpecs = new LinkedHashMap<>();

  PlaceParser(State state) {
    super(state);
  }

  void placeSpec(Nodes.Entry e) {
    String owner = "place '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "place", owner);
    if (f == null) {
      return;
    }
    List<String> given = new ArrayList<>();
    for (String k : List.of("geojson", "buffer", "point", "union")) {
      if (f.has(k)) {
        given.add(k);
      }
    }
    Optional<String> title = optionalText(f, "title", owner);
    Optional<String> note = optionalText(f, "note", owner);
    List<Citation> cites = cites(f, owner);
    labels(f, "place", "places." + e.id(), owner);
    if (given.size() != 1) {
      if (given.isEmpty()) {
        problems.at(
            e.value(),
            "missing-key",
            owner + " needs exactly one of geojson, buffer, point or union",
            "",
            "e.g. { point: [37.6176, 55.7558], km: 40 }");
      } else {
        problems.at(
            f.keyNode(given.get(1)),
            "conflicting-keys",
            owner + " has both '" + given.get(0) + "' and '" + given.get(1) + "'; give exactly one",
            given.get(1),
            "one of geojson, buffer, point or union");
      }
      return;
    }
    String kind = given.getFirst();
    boolean needsKm = kind.equals("buffer") || kind.equals("point");
    if (f.has("km") && !needsKm) {
      problems.at(
          f.keyNode("km"),
          "conflicting-keys",
          "'km' applies only to buffer and point places, not to " + kind,
          "km",
          "remove 'km', or use { buffer: other-place, km: 15 }");
      return;
    }
    double km = 0; // read only by buffer and point, which need it
    if (needsKm) {
      Node k = nodes.required(f, "km");
      Double read = k == null ? null : nodes.number(k, "the km of " + owner, 0, 5000);
      if (read == null) {
        return;
      }
      km = read;
    }
    Node shapeNode = f.get(kind).orElseThrow();
    PlaceShape shape =
        switch (kind) {
          case "geojson" -> {
            String path = nodes.text(shapeNode, "the geojson path of " + owner);
            if (path != null
                && (path.startsWith("/")
                    || path.matches("^[A-Za-z]:[\\\\/].*")
                    || path.contains("://"))) {
              problems.at(
                  shapeNode,
                  "file",
                  "the geojson path of "
                      + owner
                      + " must be relative to the agreement file, was '"
                      + Nodes.abbreviate(path)
                      + "'",
                  path,
                  "a relative path such as places/line-of-contact.geojson");
              yield null;
            }
            yield path == null ? null : new PlaceShape.GeoJsonFile(path);
          }
          case "buffer" -> {
            ScalarNode s = nodes.scalar(shapeNode, "the place buffered by " + owner, "a place id");
            if (s == null) {
              yield null;
            }
            ref(Kind.PLACE, s, "the buffer of " + owner);
            yield new PlaceShape.Buffer(s.getValue(), km);
          }
          case "point" -> point(shapeNode, owner, km);
          default -> {
            List<ScalarNode> list = nodes.scalars(shapeNode, "the union of " + owner);
            yield list == null
                ? null
                : new PlaceShape.Union(refs(Kind.PLACE, list, "the union of " + owner));
          }
        };
    if (shape != null) {
      placeSpecs.put(
          e.id(),
          new PlaceSpec(
              e.id(),
              e.key(),
              title.filter(x -> x != null),
              shape,
              shapeNode,
              note.filter(x -> x != null),
              cites));
    }
  }

  private @Nullable PlaceShape point(Node n, String owner, double km) {
    String expected = "[longitude, latitude] in degrees, e.g. [37.6176, 55.7558]";
    if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2) {
      problems.at(
          n,
          "type",
          "expected [longitude, latitude] for the point of "
              + owner
              + ", found "
              + Nodes.describe(n)
              + (n instanceof SequenceNode s ? " of " + s.getValue().size() : ""),
          Nodes.value(n),
          expected);
      return null;
    }
    Double lon = nodes.between(seq.getValue().get(0), "the longitude of " + owner, -180, 180);
    Double lat = nodes.between(seq.getValue().get(1), "the latitude of " + owner, -90, 90);
    if (lon == null || lat == null) {
      return null;
    }
    return new PlaceShape.Circle(lon, lat, km);
  }

  void resolvePlaces() {
    Map<String, Integer> state = new HashMap<>(); // 1 = in progress, 2 = done
    for (String id : placeSpecs.keySet()) {
      resolvePlace(id, state, new ArrayList<>());
    }
  }

  private @Nullable Geometry resolvePlace(
      String id, Map<String, Integer> state, List<String> path) {
    Place done = places.get(id);
    if (done != null) {
      return done.geometry();
    }
    PlaceSpec spec = placeSpecs.get(id);
    if (spec == null || state.getOrDefault(id, 0) == 2) {
      return null; // undeclared (reported as a dangling reference) or failed before
    }
    if (state.getOrDefault(id, 0) == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      problems.at(
          spec.shapeNode(),
          "cycle",
          "places form a cycle: " + String.join(" -> ", cycle),
          id,
          "a place cannot be defined in terms of itself");
      return null;
    }
    state.put(id, 1);
    path.add(id);
    Geometry g = null;
    try {
      g =
          switch (spec.shape()) {
            case PlaceShape.GeoJsonFile file -> {
              Optional<String> content = resolver.read(file.path());
              if (content.isEmpty()) {
                problems.at(
                    spec.shapeNode(),
                    "file",
                    "cannot read GeoJSON file '" + file.path() + "' of place '" + id + "'",
                    file.path(),
                    "a GeoJSON file at that path, relative to the agreement file");
                yield null;
              }
              yield GeoJson.read(file.path(), content.get());
            }
            case PlaceShape.Buffer b -> {
              Geometry base = resolvePlace(b.of(), state, path);
              yield base == null
                  ? null
                  : GeoJson.checked(
                      "buffer of '" + b.of() + "'", LocalProjection.buffer(base, b.km() * 1000));
            }
            case PlaceShape.Circle c -> {
              var point = GeoJson.FACTORY.createPoint(GeoJson.lonLat(id, c.lon(), c.lat()));
              yield LocalProjection.buffer(point, c.km() * 1000);
            }
            case PlaceShape.Union u -> {
              List<Geometry> parts = new ArrayList<>();
              for (String part : u.of()) {
                Geometry p = resolvePlace(part, state, path);
                if (p == null) {
                  yield null;
                }
                parts.add(p);
              }
              yield GeoJson.checked("union", GeoJson.FACTORY.buildGeometry(parts).union());
            }
          };
    } catch (GeoProblem e) {
      problems.at(
          spec.shapeNode(),
          "geometry",
          "place '" + id + "': " + e.getMessage(),
          Nodes.value(spec.shapeNode()),
          "valid GeoJSON in WGS84 longitude/latitude (RFC 7946)");
    } catch (RuntimeException e) {
      // JTS signals robustness failures (TopologyException and others) as runtime exceptions.
      problems.at(
          spec.shapeNode(),
          "geometry",
          "place '" + id + "': impossible geometry: " + e.getMessage(),
          Nodes.value(spec.shapeNode()),
          "valid GeoJSON in WGS84 longitude/latitude (RFC 7946)");
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
    if (g != null) {
      places.put(id, new Place(id, spec.title(), spec.shape(), g, spec.note(), spec.cites()));
    }
    return g;
  }

  void checkAreas() {
    for (Ref r : areaUses) {
      Place p = places.get(r.node().getValue());
      if (p != null && !p.hasArea()) {
        String what = p.geometry().getDimension() == 1 ? "a line" : "a point";
        problems.at(
            r.node(),
            "geometry",
            "place '"
                + p.id()
                + "' is "
                + what
                + " and has no area, so no incident can fall within it (used in "
                + r.context()
                + ")",
            p.id(),
            "a place with an area, e.g. { buffer: " + p.id() + ", km: 15 }");
      }
    }
  }

  /**
   * Warns about points whose longitude and latitude look swapped: the point falls outside the
   * region the agreement's other places cover, and the swapped point falls inside. (A swapped point
   * is accepted as valid coordinates and then matches no incident.)
   */
  void checkSwappedPoints() {
    for (PlaceSpec spec : placeSpecs.values()) {
      if (!(spec.shape() instanceof PlaceShape.Circle c)) {
        continue;
      }
      Envelope region = new Envelope();
      for (Place p : places.values()) {
        if (!p.id().equals(spec.id()) && !(p.shape() instanceof PlaceShape.Circle)) {
          region.expandToInclude(p.geometry().getEnvelopeInternal());
        }
      }
      if (region.isNull()
          || region.contains(c.lon(), c.lat())
          || !region.contains(c.lat(), c.lon())) {
        continue;
      }
      problems.warnAt(
          spec.shapeNode(),
          "swapped-coordinates",
          "the point of place '"
              + spec.id()
              + "' lies outside the region of the agreement's other places, but with its two"
              + " numbers swapped it lies inside: a point is [longitude, latitude]",
          Nodes.value(spec.shapeNode()),
          "[" + GeoJson.round(c.lat()) + ", " + GeoJson.round(c.lon()) + "]",
          List.of());
    }
  }
}
