package org.umbrella.server.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Ukraine's settlements (GeoNames, CC BY 4.0: see {@code web/geo/ATTRIBUTION-ua-settlements.md}),
 * looked up two ways: the settlement nearest a point with the distance and compass direction from
 * it ("2 km SE of Horlivka"), and places whose name starts with what a user typed. Pure after
 * loading: lookups read an immutable grid of {@link #CELL}-degree cells.
 */
public final class Gazetteer {
  /**
   * One settlement; {@code names} are its searchable names, folded (lower case, no accents); {@code
   * nameUk} its Ukrainian name in Cyrillic as far as the file tells (see {@link UkrainianNames}),
   * else {@code name}.
   */
  public record Settlement(
      long id,
      String name,
      double lat,
      double lon,
      long population,
      String region,
      List<String> names,
      String nameUk) {
    /** A settlement known by its English name only. */
    public Settlement(
        long id,
        String name,
        double lat,
        double lon,
        long population,
        String region,
        List<String> names) {
      this(id, name, lat, lon, population, region, names, name);
    }
  }

  /**
   * Where a point is, said from a settlement.
   *
   * @param settlement the nearest settlement
   * @param km the great-circle distance to it
   * @param direction the 8-point compass direction of the point as seen from the settlement ("SE")
   */
  public record Place(Settlement settlement, double km, String direction) {
    /** "2 km SE of Horlivka", "in Horlivka" within half a kilometre, "12 km N of Sumy". */
    public String describe() {
      if (km < 0.5) {
        return "in " + settlement.name();
      }
      return Math.round(km)
          + " km "
          + direction
          + " of "
          + settlement.name(); // from 0.5 km on, rounds to 1 km or more
    }
  }

  /** The grid cell size in degrees; one cell is about 11 km north-south. */
  static final double CELL = 0.1;

  /** The mean Earth radius in km (IUGG), as for great-circle distances. */
  static final double EARTH_KM = 6371.0088;

  private final List<Settlement> all;
  private final Map<Long, List<Settlement>> grid = new HashMap<>();
  private final List<Settlement> byPopulation;
  private final double maxAbsLat;

  /**
   * Rings searched before a plain scan (3 degrees): beyond them the point is far from every
   * settlement.
   */
  static final int MAX_RING = 30;

  /** An index over {@code settlements}. */
  public Gazetteer(List<Settlement> settlements) {
    this.all = List.copyOf(settlements);
    for (Settlement s : all) {
      grid.computeIfAbsent(key(cellOf(s.lat()), cellOf(s.lon())), k -> new ArrayList<>()).add(s);
    }
    this.byPopulation =
        all.stream()
            .sorted(
                Comparator.comparingLong(Settlement::population)
                    .reversed()
                    .thenComparing(Settlement::name))
            .toList();
    this.maxAbsLat = all.stream().mapToDouble(s -> Math.abs(s.lat())).max().orElse(0);
  }

  private static @Nullable Gazetteer shipped;

  /** The settlements shipped in the jar, loaded once. */
  public static synchronized Gazetteer shipped() {
    Gazetteer loaded = shipped;
    if (loaded == null) {
      try (InputStream in = Gazetteer.class.getResourceAsStream("/web/geo/ua-settlements.csv.gz")) {
        if (in == null) {
          throw new IllegalStateException("web/geo/ua-settlements.csv.gz is missing from the jar");
        }
        loaded =
            new Gazetteer(
                parse(
                    new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))));
        shipped = loaded;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loaded;
  }

  /**
   * Reads the shipped CSV (header {@code
   * id,name_en,lat,lon,population,admin1,feature_code,alt_names_latin,alt_names_cyrillic}).
   */
  static List<Settlement> parse(BufferedReader in) throws IOException {
    List<Settlement> out = new ArrayList<>();
    String header = in.readLine();
    if (header == null || !header.startsWith("id,name_en,lat,lon,population,admin1")) {
      throw new IOException("not the settlements file: header " + header);
    }
    String line;
    while ((line = in.readLine()) != null) {
      List<String> f = csv(line);
      List<String> names = new ArrayList<>();
      names.add(fold(f.get(1)));
      for (int i = 7; i <= 8 && i < f.size(); i++) {
        for (String n : f.get(i).split("\\|", -1)) { // empty names are skipped below
          String folded = fold(n);
          if (!folded.isEmpty() && !names.contains(folded)) {
            names.add(folded);
          }
        }
      }
      out.add(
          new Settlement(
              Long.parseLong(f.get(0)),
              f.get(1),
              Double.parseDouble(f.get(2)),
              Double.parseDouble(f.get(3)),
              f.get(4).isEmpty() ? 0 : Long.parseLong(f.get(4)),
              f.get(5),
              List.copyOf(names),
              UkrainianNames.choose(
                  f.get(1), f.size() > 8 ? List.of(f.get(8).split("\\|")) : List.of())));
    }
    return out;
  }

  /**
   * One RFC 4180 line (quoted fields may hold commas and doubled quotes; no line breaks in this
   * file).
   */
  static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** Lower case without accents or apostrophes, so "Kup'yansk", "kupyansk" and "KUPYANSK" meet. */
  static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return d.toLowerCase(Locale.ROOT).replaceAll("['’ʼ`]", "").trim();
  }

  /** Every settlement (for tests that check lookups against a scan). */
  List<Settlement> settlements() {
    return all;
  }

  /** How many settlements. */
  public int size() {
    return all.size();
  }

  /**
   * The settlement nearest {@code (lat, lon)}, searching rings of cells outwards until no unseen
   * cell can hold a nearer one; empty only when there are no settlements.
   */
  public Optional<Place> nearest(double lat, double lon) {
    if (all.isEmpty()) {
      return Optional.empty();
    }
    int cy = cellOf(lat);
    int cx = cellOf(lon);
    Settlement best = null;
    double bestKm = Double.MAX_VALUE;
    // Anything outside ring r - 1 is at least (r - 1) cells away in latitude or in longitude. A
    // longitude cell is narrowest at the highest latitude involved, and a great circle between two
    // points cuts a little poleward of that parallel: hence the margin of two degrees and 10 %.
    double kmPerCell =
        0.9
            * CELL
            * Math.PI
            / 180
            * EARTH_KM
            * Math.cos(Math.toRadians(Math.min(88, Math.max(maxAbsLat, Math.abs(lat)) + 2)));
    for (int r = 0; ; r++) {
      if (best != null && (r - 1) * kmPerCell > bestKm) {
        break;
      }
      if (r > MAX_RING) {
        // far from every settlement (not a place of this mission): a plain scan is cheaper than
        // more rings
        for (Settlement s : all) {
          double km = km(lat, lon, s.lat(), s.lon());
          if (best == null || km < bestKm || (km == bestKm && s.id() < best.id())) {
            best = s;
            bestKm = km;
          }
        }
        break;
      }
      for (int dy = -r; dy <= r; dy++) {
        int step = Math.abs(dy) == r ? 1 : 2 * r; // inner rows: only the ring's two ends
        for (int dx = -r; dx <= r; dx += Math.max(1, step)) {
          List<Settlement> cell = grid.get(key(cy + dy, cx + dx));
          if (cell == null) {
            continue;
          }
          for (Settlement s : cell) {
            double km = km(lat, lon, s.lat(), s.lon());
            if (best == null || km < bestKm || (km == bestKm && s.id() < best.id())) {
              best = s;
              bestKm = km;
            }
          }
        }
      }
    }
    if (best
        == null) { // all is not empty, and the plain scan past MAX_RING visits every settlement
      throw new IllegalStateException("no nearest settlement found");
    }
    return Optional.of(new Place(best, bestKm, compass(bearing(best.lat(), best.lon(), lat, lon))));
  }

  /** "2 km SE of Horlivka" for a point, or its coordinates when there are no settlements. */
  public String describe(double lat, double lon) {
    return nearest(lat, lon)
        .map(Place::describe)
        .orElse(String.format(Locale.ROOT, "%.4f, %.4f", lat, lon));
  }

  /**
   * Up to {@code limit} settlements with a name (English, or a Latin or Cyrillic alternate) that
   * starts with {@code query}, folded; exact names first, then by population.
   */
  public List<Settlement> search(String query, int limit) {
    String q = fold(query);
    if (q.length() < 2) {
      return List.of();
    }
    List<Settlement> exact = new ArrayList<>();
    List<Settlement> prefix = new ArrayList<>();
    for (Settlement s : byPopulation) {
      if (s.names().contains(q)) {
        exact.add(s);
      } else if (s.names().stream().anyMatch(n -> n.startsWith(q))) {
        prefix.add(s);
      }
      if (exact.size() >= limit) {
        break;
      }
    }
    exact.addAll(prefix);
    return List.copyOf(exact.subList(0, Math.min(limit, exact.size())));
  }

  private static int cellOf(double degrees) {
    return (int) Math.floor(degrees / CELL);
  }

  private static long key(int y, int x) {
    return ((long) y << 32) ^ (x & 0xffffffffL);
  }

  /** Great-circle distance in km (haversine). */
  static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Initial bearing in degrees [0, 360) from the first point to the second. */
  static double bearing(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    double deg = Math.toDegrees(Math.atan2(y, x));
    return (deg % 360 + 360) % 360;
  }

  private static final String[] POINTS = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};

  /** The 8-point compass name of a bearing: each point covers 45 degrees centred on it. */
  static String compass(double bearing) {
    return POINTS[(int) Math.floor(((bearing % 360 + 360) % 360 + 22.5) / 45) % 8];
  }
}
