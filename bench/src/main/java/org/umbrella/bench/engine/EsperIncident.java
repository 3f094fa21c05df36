package org.umbrella.bench.engine;

/**
 * The event Esper sees: the incident fields the EPL statements use, with JavaBean getters (Esper's
 * bean event type). {@code status} is 0 reported, 1 corroborated, 2 verified, -1 rejected.
 */
public record EsperIncident(
    String id,
    long ts,
    String kind,
    int status,
    int sources,
    String party,
    double lon,
    double lat,
    long dayno) {
  public String getId() {
    return id;
  }

  public long getTs() {
    return ts;
  }

  public String getKind() {
    return kind;
  }

  public int getStatus() {
    return status;
  }

  public int getSources() {
    return sources;
  }

  public String getParty() {
    return party;
  }

  public double getLon() {
    return lon;
  }

  public double getLat() {
    return lat;
  }

  public long getDayno() {
    return dayno;
  }
}
