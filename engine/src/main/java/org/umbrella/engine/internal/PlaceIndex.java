package org.umbrella.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The agreement's places compiled once for point-in-place tests, the engine's hot path.
 *
 * <p>Each areal place gets an {@link IndexedPointInAreaLocator} (the index behind JTS's prepared
 * polygons: O(log n) per point) and its envelope. For one point ({@link #at}), each place is tested
 * at most once, and only when a definition asks ({@link #covers}): several definitions naming the
 * same place share the answer, and places no definition reaches for are never tested. When the
 * agreement has many places, an {@link STRtree} over the envelopes answers {@link #covering} for a
 * point in O(log n). Places without area (a line, a point without radius) cover nothing; boundaries
 * count as covered.
 *
 * <p>In front of each areal place's locator sits a {@link PlaceRaster}, built with the index: a
 * grid of cells known to be inside, outside, or on the boundary, so that only points in boundary
 * cells run the locator (same answers, checked by {@code PlaceRasterProperties}).
 *
 * <p>Not thread-safe (keeps the current point); one index per engine.
 */
public final class PlaceIndex {
  /** Raster cells along a place's longer side: at most 512 x 512 bytes a place. */
  static final int RASTER_SIDE = 512;

  private final List<String> ids = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Envelope[] envelopes;
  private final PointOnGeometryLocator[] locators;
  private final PlaceRaster[] rasters;
  private final STRtree tree = new STRtree();
  private final Coordinate probe = new Coordinate();
  private final int[] stamp;
  private final boolean[] answer;
  private int epoch;

  /** Compiles {@code places} (id -> WGS84 lon/lat geometry), in the given order. */
  public PlaceIndex(Map<String, Geometry> places) {
    envelopes = new Envelope[places.size()];
    locators = new PointOnGeometryLocator[places.size()];
    rasters = new PlaceRaster[places.size()];
    stamp = new int[places.size()];
    answer = new boolean[places.size()];
    places.forEach(
        (id, geometry) -> {
          int i = ids.size();
          ids.add(id);
          index.put(id, i);
          envelopes[i] = geometry.getEnvelopeInternal();
          locators[i] =
              geometry instanceof Polygonal && !geometry.isEmpty()
                  ? new IndexedPointInAreaLocator(geometry)
                  : null;
          // the raster (and through it the locator's own lazy index) is built now: all compilation
          // happens when the engine is created, none on its first incident
          rasters[i] =
              locators[i] != null ? new PlaceRaster(geometry, locators[i], RASTER_SIDE) : null;
          tree.insert(geometry.getEnvelopeInternal(), i);
        });
    tree.build();
  }

  /** The index of place {@code id}, or -1 if the agreement has no such place. */
  public int indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  /** Sets the point that {@link #covers} answers for. */
  public void at(double lon, double lat) {
    probe.x = lon;
    probe.y = lat;
    if (++epoch == 0) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
  }

  /** Whether place {@code i} covers the current point; computed at most once per point. */
  public boolean covers(int i) {
    if (stamp[i] != epoch) {
      stamp[i] = epoch;
      PointOnGeometryLocator l = locators[i];
      if (l == null || !envelopes[i].covers(probe.x, probe.y)) {
        answer[i] = false;
      } else {
        byte r = rasters[i].at(probe.x, probe.y);
        answer[i] =
            r == PlaceRaster.TEST ? l.locate(probe) != Location.EXTERIOR : r == PlaceRaster.INSIDE;
      }
    }
    return answer[i];
  }

  /** The ids of every place covering (lon, lat), in agreement order (uses the STRtree). */
  public List<String> covering(double lon, double lat) {
    at(lon, lat);
    List<Integer> hits = new ArrayList<>();
    tree.query(
        new Envelope(probe),
        item -> {
          if (covers((Integer) item)) {
            hits.add((Integer) item);
          }
        });
    hits.sort(null);
    List<String> out = new ArrayList<>(hits.size());
    hits.forEach(i -> out.add(ids.get(i)));
    return out;
  }
}
