package org.umbrella.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.umbrella.server.access.Principal;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.http.Json;

/**
 * The gazetteer over HTTP, for the report form's location picker. Public data: no account needed.
 */
final class Places {
  private Places() {}

  /** The most places one search returns. */
  static final int MAX = 10;

  /** {@code GET /places/search?q=Horl}: up to ten settlements whose name starts so, as JSON. */
  static void search(Context ctx, Principal p) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    if (q.length() > 80) {
      throw new DomainError.Invalid("?q", "a place name has at most 80 characters");
    }
    Messages m = Messages.of(ctx);
    boolean uk = m.lang().equals("uk");
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Gazetteer.Settlement s : Gazetteer.shipped().search(q, MAX)) {
      ObjectNode o = out.addObject();
      o.put("id", s.id())
          .put("name", s.name())
          .put("region", s.region())
          .put("lat", s.lat())
          .put("lon", s.lon())
          .put("label", uk ? s.nameUk() : s.name())
          .put("regionLabel", m.region(s.region()));
      if (s.population() > 0) {
        o.put("population", s.population());
      }
    }
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.header("Vary", "Accept-Language, Cookie");
    ctx.contentType("application/json").result(out.toString());
  }

  /** {@code GET /places/describe?lat=&lon=}: {@code {"description": "2 km SE of Horlivka", …}}. */
  static void describe(Context ctx, Principal p) {
    double lat = coordinate(ctx, "lat", 90);
    double lon = coordinate(ctx, "lon", 180);
    Messages m = Messages.of(ctx);
    ObjectNode o = Json.MAPPER.createObjectNode();
    Gazetteer.shipped()
        .nearest(lat, lon)
        .ifPresent(
            place -> {
              o.put("description", m.place(place));
              o.put("settlement", place.settlement().name())
                  .put("region", place.settlement().region());
              o.put("km", Math.round(place.km() * 10) / 10.0).put("direction", place.direction());
            });
    ctx.contentType("application/json").result(o.toString());
  }

  private static double coordinate(Context ctx, String name, double limit) {
    String v = ctx.queryParam(name);
    double d;
    try {
      d = Double.parseDouble(v == null ? "" : v.trim());
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid("?" + name, name + " must be a number of degrees");
    }
    if (!(Math.abs(d) <= limit)) {
      throw new DomainError.Invalid(
          "?" + name, name + " must be between -" + (int) limit + " and " + (int) limit);
    }
    return d;
  }
}
