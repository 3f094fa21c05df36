package org.umbrella.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.ledger.Hashes;

/**
 * A batch of incidents with everything that does not need the database already computed: the
 * canonical JSON body, its content hash, the incident's parts of the ledger leaf ({@link
 * IncidentLeaf}) and of the COPY row. Building one is the CPU-heavy half of a bulk import and can
 * run on another thread while the database ingests the previous batch.
 *
 * <p>Immutable once built; the arrays are aligned with the batch and keep its order.
 */
public final class PreparedIncidents {
  final String[] ids;
  final String[] hashes;
  final byte[][] leafHeads;
  final byte[][] leafMiddles;
  final byte[][] leafStatus;

  /**
   * {@code incident_id \t content_hash \t body_text \t event_time \t kind \t lat \t lon \t status
   * \t}, escaped for COPY.
   */
  final byte[][] copyFields;

  private PreparedIncidents(int n) {
    ids = new String[n];
    hashes = new String[n];
    leafHeads = new byte[n][];
    leafMiddles = new byte[n][];
    leafStatus = new byte[n][];
    copyFields = new byte[n][];
  }

  /** Prepares {@code batch} (which the caller may reuse afterwards). */
  public static PreparedIncidents of(List<Incident> batch) {
    PreparedIncidents p = new PreparedIncidents(batch.size());
    CopyText copy = new CopyText(1 << 12);
    for (int i = 0; i < batch.size(); i++) {
      Incident inc = batch.get(i);
      String body = InputCodec.encode(inc);
      String hash = Hashes.hex(Hashes.sha256(body.getBytes(StandardCharsets.UTF_8)));
      String eventTime = RowJson.instant(RowJson.micros(inc.time()));
      String kind = inc.kind().wireName();
      String status = inc.status().wireName();
      double lat = inc.place().lat();
      double lon = inc.place().lon();
      p.ids[i] = inc.id();
      p.hashes[i] = hash;
      p.leafHeads[i] = IncidentLeaf.head(body, hash, eventTime).getBytes(StandardCharsets.UTF_8);
      p.leafMiddles[i] =
          IncidentLeaf.middle(inc.id(), kind, lat, lon).getBytes(StandardCharsets.UTF_8);
      p.leafStatus[i] = IncidentLeaf.statusPart(status).getBytes(StandardCharsets.UTF_8);
      copy.reset();
      copy.field(inc.id())
          .tab()
          .field(hash)
          .tab()
          .field(body)
          .tab()
          .field(eventTime)
          .tab()
          .field(kind)
          .tab()
          .field(Double.toString(lat))
          .tab()
          .field(Double.toString(lon))
          .tab()
          .field(status)
          .tab();
      p.copyFields[i] = Arrays.copyOf(copy.array(), copy.size());
    }
    return p;
  }

  /** Incidents in the batch. */
  public int size() {
    return ids.length;
  }
}
