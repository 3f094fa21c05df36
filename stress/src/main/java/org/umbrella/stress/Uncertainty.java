package org.umbrella.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.RecordedInput;

/**
 * How one sample redraws the evidence (docs/stress-test.md, "What a sample changes"). Each incident
 * is redrawn independently; records other than incidents pass unchanged.
 *
 * <ul>
 *   <li>attribution: an attributed incident keeps its attribution (with its confidence, so the
 *       design's own confidence thresholds still apply) with probability equal to that confidence,
 *       and is unattributed otherwise;
 *   <li>location: a point drawn uniformly in a disc around the given coordinates, of radius {@link
 *       #radiusKm} for its precision (exact 0, near 25 km as GED's where_prec 2, district 40 km,
 *       region 120 km; country-level coordinates are a centroid and are not moved);
 *   <li>fatalities: the best estimate drawn uniformly between low and high;
 *   <li>sources: with probability {@code sourceDrop} one source, chosen uniformly, is dropped; an
 *       incident left with no source was not reported in that sample and is left out.
 * </ul>
 *
 * @param attribution whether attribution is redrawn
 * @param location whether places are redrawn
 * @param fatalities whether fatalities are redrawn
 * @param sourceDrop probability in [0, 1] that an incident loses one source
 */
public record Uncertainty(
    boolean attribution, boolean location, boolean fatalities, double sourceDrop) {
  /** Every source of uncertainty, with a 10% chance of losing a source. */
  public static final Uncertainty ALL = new Uncertainty(true, true, true, 0.1);

  private static final double EARTH_KM = 6371.0088;

  public Uncertainty {
    if (!(sourceDrop >= 0 && sourceDrop <= 1)) {
      throw new IllegalArgumentException("sourceDrop must be in [0, 1], was " + sourceDrop);
    }
  }

  /** Only the named source of uncertainty: attribution, location, fatalities or sources. */
  public static Uncertainty only(String source, double sourceDrop) {
    return switch (source) {
      case "attribution" -> new Uncertainty(true, false, false, 0);
      case "location" -> new Uncertainty(false, true, false, 0);
      case "fatalities" -> new Uncertainty(false, false, true, 0);
      case "sources" -> new Uncertainty(false, false, false, sourceDrop);
      default -> throw new IllegalArgumentException("unknown uncertainty source '" + source + "'");
    };
  }

  /** The sources of uncertainty {@link #only} knows, in report order. */
  public static final List<String> SOURCES =
      List.of("attribution", "location", "fatalities", "sources");

  /** The displacement radius for a place precision, in km. */
  public static double radiusKm(PlacePrecision p) {
    return switch (p) {
      case EXACT, COUNTRY -> 0;
      case NEAR -> 25;
      case DISTRICT -> 40;
      case REGION -> 120;
    };
  }

  /**
   * One sample of {@code events}: deterministic in {@code seed}; the order of records is kept (a
   * moved place or a redrawn count does not change a record's time).
   */
  @SuppressWarnings("ReferenceEquality") // see redraw: unchanged means the same object
  public List<RecordedInput> draw(List<RecordedInput> events, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<RecordedInput> out = new ArrayList<>(events.size());
    for (RecordedInput r : events) {
      if (!(r.record() instanceof Incident i)) {
        out.add(r);
        continue;
      }
      Incident d = redraw(i, rnd);
      if (d != null) {
        out.add(d == i ? r : new RecordedInput(d, r.recordedAt()));
      }
    }
    return out;
  }

  /**
   * The redrawn incident, or null when it lost its only source. Draws a fixed number of values per
   * incident.
   */
  // Identity, not equality: an incident the draw left untouched is passed on as the same object, so
  // that its recorded input is reused rather than copied.
  @SuppressWarnings("ReferenceEquality")
  private @Nullable Incident redraw(Incident i, SplittableRandom rnd) {
    double uAttr = rnd.nextDouble();
    double uAngle = rnd.nextDouble();
    double uRadius = rnd.nextDouble();
    double uFat = rnd.nextDouble();
    double uDrop = rnd.nextDouble();
    double uWhich = rnd.nextDouble();
    Actor actor = i.actor();
    if (attribution && actor.attributed() && uAttr >= actor.confidence()) {
      actor = Actor.UNATTRIBUTED;
    }
    IncidentPlace place = i.place();
    double radius = location ? radiusKm(place.precision()) : 0;
    if (radius > 0) {
      // uniform in the disc (radius by the square root), moved along a great circle
      double delta = radius * Math.sqrt(uRadius) / EARTH_KM;
      double theta = 2 * Math.PI * uAngle;
      double phi1 = Math.toRadians(place.lat());
      double phi2 =
          Math.asin(
              Math.sin(phi1) * Math.cos(delta)
                  + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
      double dLambda =
          Math.atan2(
              Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
              Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
      double lat = Math.toDegrees(phi2);
      double lon = place.lon() + Math.toDegrees(dLambda);
      place =
          new IncidentPlace(
              Math.max(-90, Math.min(90, lat)),
              ((lon + 540) % 360) - 180,
              place.precision(),
              place.region());
    }
    Fatalities f = i.fatalities();
    if (fatalities && f.high() > f.low()) {
      int best = f.low() + (int) Math.floor(uFat * (f.high() - f.low() + 1));
      f = new Fatalities(f.low(), Math.min(best, f.high()), f.high());
    }
    List<IncidentSource> sources = i.sources();
    if (uDrop < sourceDrop && !sources.isEmpty()) {
      if (sources.size() == 1) {
        return null;
      }
      List<IncidentSource> kept = new ArrayList<>(sources);
      kept.remove((int) Math.min(sources.size() - 1, Math.floor(uWhich * sources.size())));
      sources = kept;
    }
    if (actor == i.actor() && place == i.place() && f == i.fatalities() && sources == i.sources()) {
      return i;
    }
    return new Incident(
        i.id(),
        i.time(),
        i.timePrecision(),
        place,
        i.kind(),
        actor,
        i.target(),
        f,
        sources,
        i.status(),
        i.tags());
  }
}
