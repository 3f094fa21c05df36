package org.umbrella.agreement.load.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * An azimuthal equidistant projection on the sphere (radius 6,371,008.8 m, the IUGG mean) centred
 * on a geometry, used to buffer in metres rather than degrees.
 *
 * <p>Distances from the centre are exact on the sphere; elsewhere the scale error grows as {@code
 * (d/R)^2 / 6}, about 0.15% at 600 km from the centre, so a 15 km buffer of a 1,200 km line is
 * right to about 25 m at its ends. The sphere differs from the WGS84 ellipsoid by up to ~0.5%.
 */
public final class LocalProjection {
  static final double EARTH_RADIUS_M = 6_371_008.8;

  private final double lon0;
  private final double sinLat0;
  private final double cosLat0;

  private LocalProjection(double lon0, double lat0) {
    this.lon0 = Math.toRadians(lon0);
    this.sinLat0 = Math.sin(Math.toRadians(lat0));
    this.cosLat0 = Math.cos(Math.toRadians(lat0));
  }

  /** A projection centred on the middle of the geometry's lon/lat envelope. */
  static LocalProjection around(Geometry g) {
    Envelope e = g.getEnvelopeInternal();
    return new LocalProjection((e.getMinX() + e.getMaxX()) / 2, (e.getMinY() + e.getMaxY()) / 2);
  }

  /**
   * Everything within {@code metres} of {@code lonLat}, as lon/lat; the buffer is computed in the
   * projection (32 segments per quarter circle) and projected back.
   */
  static Geometry buffer(Geometry lonLat, double metres) {
    LocalProjection p = around(lonLat);
    Geometry projected = lonLat.copy();
    projected.apply(p.forward());
    Geometry buffered = projected.buffer(metres, 32);
    buffered.apply(p.inverse());
    return buffered;
  }

  CoordinateSequenceFilter forward() {
    return new Filter(true);
  }

  CoordinateSequenceFilter inverse() {
    return new Filter(false);
  }

  private final class Filter implements CoordinateSequenceFilter {
    private final boolean forward;

    Filter(boolean forward) {
      this.forward = forward;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      double[] r =
          forward ? project(seq.getX(i), seq.getY(i)) : unproject(seq.getX(i), seq.getY(i));
      seq.setOrdinate(i, CoordinateSequence.X, r[0]);
      seq.setOrdinate(i, CoordinateSequence.Y, r[1]);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }

  double[] project(double lonDeg, double latDeg) {
    double lambda = Math.toRadians(lonDeg) - lon0;
    double phi = Math.toRadians(latDeg);
    double cosC = sinLat0 * Math.sin(phi) + cosLat0 * Math.cos(phi) * Math.cos(lambda);
    double c = Math.acos(Math.max(-1, Math.min(1, cosC)));
    double k = c < 1e-12 ? 1 : c / Math.sin(c);
    double x = EARTH_RADIUS_M * k * Math.cos(phi) * Math.sin(lambda);
    double y =
        EARTH_RADIUS_M * k * (cosLat0 * Math.sin(phi) - sinLat0 * Math.cos(phi) * Math.cos(lambda));
    return new double[] {x, y};
  }

  double[] unproject(double x, double y) {
    double rho = Math.hypot(x, y);
    if (rho < 1e-9) {
      return new double[] {Math.toDegrees(lon0), Math.toDegrees(Math.asin(sinLat0))};
    }
    double c = rho / EARTH_RADIUS_M;
    double sinC = Math.sin(c);
    double cosC = Math.cos(c);
    double phi = Math.asin(cosC * sinLat0 + y * sinC * cosLat0 / rho);
    double lambda = lon0 + Math.atan2(x * sinC, rho * cosLat0 * cosC - y * sinLat0 * sinC);
    double lon = Math.toDegrees(lambda);
    lon = ((lon + 540) % 360) - 180;
    return new double[] {lon, Math.toDegrees(phi)};
  }

  /** The length in kilometres of a lon/lat geometry's lines (great-circle along each segment). */
  public static double lengthKm(Geometry g) {
    double metres = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon) {
        continue;
      }
      Coordinate[] c = part.getCoordinates();
      for (int k = 1; k < c.length; k++) {
        metres += distanceMetres(c[k - 1].x, c[k - 1].y, c[k].x, c[k].y);
      }
    }
    return metres / 1000;
  }

  /**
   * The area in square kilometres of a lon/lat geometry, measured on the local projection (the
   * azimuthal equidistant projection overstates areas by about (d/R)^2/6, 0.15% at 600 km).
   */
  public static double areaKm2(Geometry g) {
    if (g.getDimension() < 2) {
      return 0;
    }
    LocalProjection p = around(g);
    Geometry projected = g.copy();
    projected.apply(p.forward());
    return projected.getArea() / 1e6;
  }

  /** The great-circle distance in metres between two lon/lat positions (haversine). */
  public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
