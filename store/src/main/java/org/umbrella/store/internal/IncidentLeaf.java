package org.umbrella.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.umbrella.json.CanonicalJson;

/**
 * The leaf of an {@code incident_versions} row, written directly (members in canonical order) for
 * the bulk path; byte for byte what {@link RowJson#leaf} gives for the stored row, which the store
 * tests check through {@code ledger verify} after every import.
 *
 * <p>The leaf is cut into the parts that depend only on the incident ({@link #head}, {@link
 * #middle}, {@link #statusPart}), the part shared by a whole batch ({@link #batchPart}) and the two
 * numbers only the database can give (row id, version), so that the incident's parts can be built
 * ahead of time on another thread and the leaf hashed from the parts without joining them.
 */
public final class IncidentLeaf {
  private static final byte[] TAIL =
      "},\"table\":\"incident_versions\"}".getBytes(StandardCharsets.UTF_8);

  private IncidentLeaf() {}

  /** The leaf bytes. Instants are given as {@link RowJson#instant} strings. */
  public static byte[] bytes(
      long id,
      String incidentId,
      long version,
      String contentHash,
      String bodyText,
      String eventTime,
      String kind,
      double lat,
      double lon,
      String status,
      String recordedAt,
      String recordedBy) {
    StringBuilder b = new StringBuilder(bodyText.length() + 512);
    b.append(head(bodyText, contentHash, eventTime));
    CanonicalJson.appendInteger(b, id);
    b.append(middle(incidentId, kind, lat, lon))
        .append(batchPart(recordedAt, recordedBy))
        .append(statusPart(status));
    CanonicalJson.appendInteger(b, version);
    b.append(new String(TAIL, StandardCharsets.UTF_8));
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** From the start of the leaf to the row id's value. */
  public static String head(String bodyText, String contentHash, String eventTime) {
    StringBuilder b = new StringBuilder(bodyText.length() + 160);
    b.append("{\"row\":{\"body_text\":");
    CanonicalJson.appendString(b, bodyText);
    b.append(",\"content_hash\":");
    CanonicalJson.appendString(b, contentHash);
    b.append(",\"event_time\":");
    CanonicalJson.appendString(b, eventTime);
    b.append(",\"id\":");
    return b.toString();
  }

  /** From after the row id to the {@code recorded_at} value. */
  public static String middle(String incidentId, String kind, double lat, double lon) {
    StringBuilder b = new StringBuilder(96 + incidentId.length());
    b.append(",\"incident_id\":");
    CanonicalJson.appendString(b, incidentId);
    b.append(",\"kind\":");
    CanonicalJson.appendString(b, kind);
    b.append(",\"lat\":");
    CanonicalJson.appendNumber(b, lat);
    b.append(",\"lon\":");
    CanonicalJson.appendNumber(b, lon);
    b.append(",\"recorded_at\":");
    return b.toString();
  }

  /** The {@code recorded_at} value to the {@code status} value, the same for a whole batch. */
  public static String batchPart(String recordedAt, String recordedBy) {
    StringBuilder b = new StringBuilder(64 + recordedBy.length());
    CanonicalJson.appendString(b, recordedAt);
    b.append(",\"recorded_by\":");
    CanonicalJson.appendString(b, recordedBy);
    b.append(",\"status\":");
    return b.toString();
  }

  /** The {@code status} value to the {@code version} value. */
  public static String statusPart(String status) {
    StringBuilder b = new StringBuilder(32);
    CanonicalJson.appendString(b, status);
    b.append(",\"version\":");
    return b.toString();
  }

  /**
   * The RFC 6962 leaf hash, SHA-256(0x00 || leaf), of the leaf made of these parts (UTF-8), fed to
   * {@code sha} piece by piece; {@code sha} is reset first.
   */
  public static byte[] hash(
      MessageDigest sha,
      byte[] head,
      long id,
      byte[] middle,
      byte[] batchPart,
      byte[] statusPart,
      long version) {
    sha.reset();
    sha.update((byte) 0);
    sha.update(head);
    sha.update(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    sha.update(middle);
    sha.update(batchPart);
    sha.update(statusPart);
    sha.update(Long.toString(version).getBytes(StandardCharsets.US_ASCII));
    sha.update(TAIL);
    return sha.digest();
  }
}
