package org.umbrella.engine.internal;

import java.util.Arrays;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A grid over a place's envelope whose cells are known to be wholly covered by the place, wholly
 * outside it, or touched by its boundary: a point in a cell of the first two kinds is answered by
 * one array read, and only a point in a boundary cell needs the exact point-in-area test. Most
 * points of a stream fall well inside or well outside a place (a 15 km buffer along a line: only
 * the cells along the buffer's edge need the test).
 *
 * <p>Built from the boundary, in time linear in its length and the grid's rows: every segment of
 * every ring is walked in steps no longer than a cell, and every cell whose rectangle, grown by
 * {@link #MARGIN} degrees, can meet a step's bounding box is marked "test". A cell left unmarked
 * has no boundary point in its grown rectangle, so the whole rectangle is in one class, the class
 * of its centre as the locator answers it; and adjacent unmarked cells in a row share a class
 * (their grown rectangles overlap without boundary), so the locator runs once per run of unmarked
 * cells. Exact for any polygonal geometry, valid or not: the locator's answer changes only across a
 * ring's segments, which are all marked.
 *
 * <p>Immutable after construction.
 */
final class PlaceRaster {
  static final byte OUTSIDE = 0;
  static final byte INSIDE = 1;
  static final byte TEST = 2;

  /** Degrees; about 0.1 mm. */
  static final double MARGIN = 1e-9;

  private final double minX;
  private final double minY;
  private final double cell;
  private final int cols;
  private final int rows;
  private final byte[] cells;

  /**
   * Rasters {@code area} (a polygonal WGS84 geometry) with at most {@code maxSide} cells along its
   * longer side; {@code locator} is the exact test on the same geometry.
   */
  PlaceRaster(Geometry area, PointOnGeometryLocator locator, int maxSide) {
    Envelope e = area.getEnvelopeInternal();
    double side = Math.max(e.getWidth(), e.getHeight());
    this.cell = side > 0 ? side / maxSide : 1;
    this.minX = e.getMinX();
    this.minY = e.getMinY();
    this.cols = Math.max(1, (int) Math.ceil(e.getWidth() / cell));
    this.rows = Math.max(1, (int) Math.ceil(e.getHeight() / cell));
    this.cells = new byte[cols * rows];
    Arrays.fill(cells, (byte) -1);
    for (int g = 0; g < area.getNumGeometries(); g++) {
      if (area.getGeometryN(g) instanceof Polygon p) {
        markRing(p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          markRing(p.getInteriorRingN(h));
        }
      }
    }
    Coordinate centre = new Coordinate();
    for (int r = 0; r < rows; r++) {
      byte run = -1;
      for (int c = 0; c < cols; c++) {
        int k = r * cols + c;
        if (cells[k] == TEST) {
          run = -1;
        } else {
          if (run < 0) {
            centre.x = minX + (c + 0.5) * cell;
            centre.y = minY + (r + 0.5) * cell;
            int where = locator.locate(centre);
            // an unmarked cell has no boundary point; BOUNDARY cannot happen, but stay exact if it
            // does
            run = where == Location.INTERIOR ? INSIDE : where == Location.EXTERIOR ? OUTSIDE : TEST;
          }
          cells[k] = run;
        }
      }
    }
  }

  /** {@link #INSIDE}, {@link #OUTSIDE}, or {@link #TEST} when the exact test must decide. */
  byte at(double x, double y) {
    double fx = (x - minX) / cell;
    double fy = (y - minY) / cell;
    if (!(fx >= 0 && fy >= 0 && fx < cols && fy < rows)) {
      return TEST;
    }
    return cells[((int) fy) * cols + (int) fx];
  }

  /** Share of cells that need the exact test (for documentation and tests). */
  double boundaryShare() {
    int n = 0;
    for (byte b : cells) {
      n += b == TEST ? 1 : 0;
    }
    return (double) n / cells.length;
  }

  private void markRing(LinearRing ring) {
    var seq = ring.getCoordinateSequence();
    for (int k = 1; k < seq.size(); k++) {
      double x0 = seq.getX(k - 1);
      double y0 = seq.getY(k - 1);
      double x1 = seq.getX(k);
      double y1 = seq.getY(k);
      int steps = (int) Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) / cell) + 1;
      double px = x0;
      double py = y0;
      for (int s = 1; s <= steps; s++) {
        double qx = s == steps ? x1 : x0 + (x1 - x0) * s / steps;
        double qy = s == steps ? y1 : y0 + (y1 - y0) * s / steps;
        markBox(Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy));
        px = qx;
        py = qy;
      }
    }
  }

  /**
   * Marks every cell whose grown rectangle can meet the box. Cell j's grown rectangle meets [x0,
   * x1] when (x0 - MARGIN - minX) / cell - 1 <= j <= (x1 + MARGIN - minX) / cell; a second MARGIN
   * on each side covers rounding here and in the interpolated steps (both far below 1e-9 degrees).
   */
  private void markBox(double x0, double y0, double x1, double y1) {
    int c0 = Math.max(0, (int) Math.floor((x0 - 2 * MARGIN - minX) / cell));
    int c1 = Math.min(cols - 1, (int) Math.floor((x1 + 2 * MARGIN - minX) / cell));
    int r0 = Math.max(0, (int) Math.floor((y0 - 2 * MARGIN - minY) / cell));
    int r1 = Math.min(rows - 1, (int) Math.floor((y1 + 2 * MARGIN - minY) / cell));
    for (int r = r0; r <= r1; r++) {
      Arrays.fill(cells, r * cols + c0, r * cols + c1 + 1, TEST);
    }
  }
}
