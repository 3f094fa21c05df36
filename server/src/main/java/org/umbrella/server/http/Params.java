package org.umbrella.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.umbrella.server.InputRules;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.Operations;

/**
 * Query parameters shared by list routes: pagination ({@code limit} 1-500, default 50; {@code
 * offset} 0-1000000) and filters ({@code from}, {@code to} as ISO-8601 instants; {@code kind} and
 * {@code status} as comma-separated lists; {@code bbox=minLon,minLat,maxLon,maxLat}). Bad values
 * are 400 problems naming the parameter.
 */
public final class Params {
  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  private Params() {}

  public static int limit(Context ctx) {
    return intParam(ctx, "limit", 50, 1, MAX_LIMIT);
  }

  public static int offset(Context ctx) {
    return intParam(ctx, "offset", 0, 0, 1_000_000);
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(
          "?" + name, name + " must be an integer from " + min + " to " + max);
    }
  }

  static @Nullable Instant instant(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    return InputRules.instant("?" + name, v);
  }

  static @Nullable Set<String> list(Context ctx, String name, List<String> allowed) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>(Arrays.asList(v.split(",", -1)));
    for (String s : out) {
      if (!allowed.contains(s)) {
        throw new DomainError.Invalid("?" + name, name + " values must be among " + allowed);
      }
    }
    return out;
  }

  static double @Nullable [] bbox(Context ctx) {
    String v = ctx.queryParam("bbox");
    if (v == null || v.isEmpty()) {
      return null;
    }
    String[] parts = v.split(",", -1);
    try {
      if (parts.length != 4) {
        throw new NumberFormatException();
      }
      double[] b = new double[4];
      for (int i = 0; i < 4; i++) {
        b[i] = Double.parseDouble(parts[i]);
        if (!Double.isFinite(b[i])) {
          throw new NumberFormatException();
        }
      }
      if (b[0] > b[2] || b[1] > b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
        throw new NumberFormatException();
      }
      return b;
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(
          "?bbox", "bbox must be minLon,minLat,maxLon,maxLat in degrees, min <= max");
    }
  }

  /** The report filter of a request; {@code statuses} limited to what the caller may see. */
  public static Operations.ReportFilter reportFilter(
      Context ctx, List<String> kinds, List<String> statuses) {
    Instant from = instant(ctx, "from");
    Instant to = instant(ctx, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainError.Invalid("?to", "to must be after from");
    }
    return new Operations.ReportFilter(
        from, to, list(ctx, "kind", kinds), list(ctx, "status", statuses), bbox(ctx), actors(ctx));
  }

  /**
   * {@code ?actor=RU,none}: parties (2-8 letters, any case) and {@code none} for unattributed
   * reports, as stored ("" for none).
   */
  static @Nullable Set<String> actors(Context ctx) {
    String v = ctx.queryParam("actor");
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > 200) {
      throw new DomainError.Invalid("?actor", "actor has at most 200 characters");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String a : v.split(",", -1)) {
      String party = a.trim().toUpperCase(Locale.ROOT);
      if (party.equals("NONE")) {
        out.add("");
      } else if (party.matches("[A-Z]{2,8}")) {
        out.add(party);
      } else {
        throw new DomainError.Invalid(
            "?actor", "actor values must be parties (2 to 8 letters) or none");
      }
    }
    return out;
  }
}
