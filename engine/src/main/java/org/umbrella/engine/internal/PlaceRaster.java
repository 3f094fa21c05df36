package org.umbrella.engine.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A grid over a place's envelope whose cells are known to be wholly covered by the place, wholly
 * outside it, or crossed by its boundary: a point in a cell of the first two kinds is answered by
 * one array read, and only a point in a boundary cell needs the exact point-in-area test. Most
 * points of a stream fall well inside or well outside a place (a 15 km buffer along a line: only
 * the cells along the buffer's edge need the test).
 *
 * <p>Exact: a cell is classified on its rectangle grown by {@link #MARGIN} degrees on every side, so
 * that rounding in mapping a point to its cell (far smaller than the margin) cannot put a point in
 * a cell whose class does not hold for it; "inside" means the place covers the grown rectangle
 * (boundary included, as {@link PlaceIndex} counts it), "outside" that it does not touch it.
 *
 * <p>Built once per place by recursive subdivision: a block of cells that is wholly inside or
 * outside is filled at once, so the prepared-geometry tests are spent along the boundary only.
 * Immutable after construction.
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
  private final PreparedGeometry prepared;

  /** Rasters {@code area} (a polygonal WGS84 geometry) with at most {@code maxSide} cells along its longer side. */
  PlaceRaster(Geometry area, int maxSide) {
    Envelope e = area.getEnvelopeInternal();
    double side = Math.max(e.getWidth(), e.getHeight());
    this.cell = side > 0 ? side / maxSide : 1;
    this.minX = e.getMinX();
    this.minY = e.getMinY();
    this.cols = Math.max(1, (int) Math.ceil(e.getWidth() / cell));
    this.rows = Math.max(1, (int) Math.ceil(e.getHeight() / cell));
    this.cells = new byte[cols * rows];
    this.prepared = PreparedGeometryFactory.prepare(area);
    classify(0, 0, cols, rows);
  }

  /** {@link #INSIDE}, {@link #OUTSIDE}, or {@link #TEST} when the exact test must decide. */
  byte at(double x, double y) {
    double fx = (x - minX) / cell;
    double fy = (y - minY) / cell;
    if (!(fx >= 0 && fy >= 0 && fx < cols && fy < rows)) {
      return TEST;
    }
    return cells[(int) fy * cols + (int) fx];
  }

  /** Share of cells that need the exact test (for documentation and tests). */
  double boundaryShare() {
    int n = 0;
    for (byte b : cells) {
      n += b == TEST ? 1 : 0;
    }
    return (double) n / cells.length;
  }

  private void classify(int c0, int r0, int c1, int r1) {
    Geometry block = prepared.getGeometry().getFactory().toGeometry(new Envelope(
        minX + c0 * cell - MARGIN, minX + c1 * cell + MARGIN, minY + r0 * cell - MARGIN, minY + r1 * cell + MARGIN));
    byte kind;
    if (!prepared.intersects(block)) {
      kind = OUTSIDE;
    } else if (prepared.covers(block)) {
      kind = INSIDE;
    } else if (c1 - c0 == 1 && r1 - r0 == 1) {
      kind = TEST;
    } else {
      int cm = (c0 + c1) >>> 1;
      int rm = (r0 + r1) >>> 1;
      if (cm > c0 && rm > r0) {
        classify(c0, r0, cm, rm);
      }
      if (rm > r0) {
        classify(cm, r0, c1, rm);
      }
      if (cm > c0) {
        classify(c0, rm, cm, r1);
      }
      classify(cm, rm, c1, r1);
      return;
    }
    for (int r = r0; r < r1; r++) {
      java.util.Arrays.fill(cells, r * cols + c0, r * cols + c1, kind);
    }
  }
}
