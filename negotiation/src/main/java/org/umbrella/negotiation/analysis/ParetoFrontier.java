package org.umbrella.negotiation.analysis;

import java.util.Arrays;

/**
 * The Pareto frontier of a set of utility vectors, by sort-filter-skyline.
 *
 * <p>Points are sorted by the sum of their coordinates, descending (ties: lexicographically
 * descending). A point can only be dominated by one sorted before it, because float addition is
 * monotone, so each point is compared only with the frontier found so far, never with the whole
 * set. Dominance is weak-everywhere, strict-somewhere; equal vectors do not dominate each other, so
 * distinct packages with the same utilities are all kept (as GENIUS does).
 */
public final class ParetoFrontier {
  private ParetoFrontier() {}

  /**
   * The indices of the non-dominated points, ascending.
   *
   * @param points n x d coordinates, row-major ({@code points[i * d + k]})
   * @param n number of points
   * @param d number of coordinates (parties)
   */
  public static int[] indices(double[] points, int n, int d) {
    if (n == 0) {
      return new int[0];
    }
    int[] order = sortedBySumDescending(points, n, d);
    // The frontier so far, copied into one contiguous array (cache-friendly scans). A frontier
    // point that dominates a candidate is moved halfway to the front: points that dominate much
    // end up scanned first, so dominated candidates are rejected after a few comparisons.
    int[] front = new int[Math.min(n, 1024)];
    double[] win = new double[front.length * d];
    int size = 0;
    for (int idx = 0; idx < n; idx++) {
      int c = order[idx];
      int oc = c * d;
      int dominator = -1;
      scan:
      for (int j = 0; j < size; j++) {
        int ow = j * d;
        boolean better = false;
        for (int k = 0; k < d; k++) {
          double w = win[ow + k];
          double x = points[oc + k];
          if (w < x) {
            continue scan;
          }
          if (w > x) {
            better = true;
          }
        }
        if (better) {
          dominator = j;
          break;
        }
      }
      if (dominator > 0) {
        int to = dominator >>> 1;
        int t = front[to];
        front[to] = front[dominator];
        front[dominator] = t;
        for (int k = 0; k < d; k++) {
          double v = win[to * d + k];
          win[to * d + k] = win[dominator * d + k];
          win[dominator * d + k] = v;
        }
      } else if (dominator < 0) {
        if (size == front.length) {
          front = Arrays.copyOf(front, size * 2);
          win = Arrays.copyOf(win, size * 2 * d);
        }
        front[size] = c;
        System.arraycopy(points, oc, win, size * d, d);
        size++;
      }
    }
    int[] result = Arrays.copyOf(front, size);
    Arrays.sort(result);
    return result;
  }

  /** Whether point a dominates point b: at least as good for everyone, better for someone. */
  static boolean dominates(double[] pts, int a, int b, int d) {
    int oa = a * d;
    int ob = b * d;
    boolean better = false;
    for (int k = 0; k < d; k++) {
      double x = pts[oa + k];
      double y = pts[ob + k];
      if (x < y) {
        return false;
      }
      if (x > y) {
        better = true;
      }
    }
    return better;
  }

  /** Whether vector a dominates vector b. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] < b[k]) {
        return false;
      }
      if (a[k] > b[k]) {
        better = true;
      }
    }
    return better;
  }

  private static int[] sortedBySumDescending(double[] pts, int n, int d) {
    double[] sum = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += pts[i * d + k];
      }
      sum[i] = s;
    }
    // Sort on primitive keys: (sum, index) packed in parallel arrays via an index merge sort.
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmp = new int[n];
    mergeSort(idx, tmp, 0, n, sum, pts, d);
    return idx;
  }

  private static void mergeSort(
      int[] a, int[] tmp, int lo, int hi, double[] sum, double[] pts, int d) {
    if (hi - lo < 24) {
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && before(v, a[j], sum, pts, d)) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid, sum, pts, d);
    mergeSort(a, tmp, mid, hi, sum, pts, d);
    if (!before(a[mid], a[mid - 1], sum, pts, d)) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (i < mid && (j >= hi || !before(tmp[j], tmp[i], sum, pts, d))) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }

  /** Whether point x sorts strictly before point y: larger sum, then lexicographically larger. */
  private static boolean before(int x, int y, double[] sum, double[] pts, int d) {
    if (sum[x] != sum[y]) {
      return sum[x] > sum[y];
    }
    for (int k = 0; k < d; k++) {
      double a = pts[x * d + k];
      double b = pts[y * d + k];
      if (a != b) {
        return a > b;
      }
    }
    return false;
  }
}
