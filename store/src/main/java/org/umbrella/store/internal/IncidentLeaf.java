package org.umbrella.store.internal;

import java.nio.charset.StandardCharsets;
import org.umbrella.ledger.CanonicalJson;

/**
 * The leaf of an {@code incident_versions} row, written directly (members in canonical order)
 * for the bulk path; byte for byte what {@link RowJson#leaf} gives for the stored row, which the
 * store tests check through {@code ledger verify} after every import.
 */
public final class IncidentLeaf {
  private IncidentLeaf() {}

  /** The leaf bytes. Instants are given as {@link RowJson#instant} strings. */
  public static byte[] bytes(
      long id, String incidentId, long version, String contentHash, String bodyText, String eventTime,
      String kind, double lat, double lon, String status, String recordedAt, String recordedBy) {
    StringBuilder b = new StringBuilder(bodyText.length() + 512);
    b.append("{\"row\":{\"body_text\":");
    CanonicalJson.appendString(b, bodyText);
    b.append(",\"content_hash\":");
    CanonicalJson.appendString(b, contentHash);
    b.append(",\"event_time\":");
    CanonicalJson.appendString(b, eventTime);
    b.append(",\"id\":");
    CanonicalJson.appendInteger(b, id);
    b.append(",\"incident_id\":");
    CanonicalJson.appendString(b, incidentId);
    b.append(",\"kind\":");
    CanonicalJson.appendString(b, kind);
    b.append(",\"lat\":");
    CanonicalJson.appendNumber(b, lat);
    b.append(",\"lon\":");
    CanonicalJson.appendNumber(b, lon);
    b.append(",\"recorded_at\":");
    CanonicalJson.appendString(b, recordedAt);
    b.append(",\"recorded_by\":");
    CanonicalJson.appendString(b, recordedBy);
    b.append(",\"status\":");
    CanonicalJson.appendString(b, status);
    b.append(",\"version\":");
    CanonicalJson.appendInteger(b, version);
    b.append("},\"table\":\"incident_versions\"}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
