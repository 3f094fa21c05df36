package org.umbrella.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ledger.ServerLedger;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * Who may have the proof of which ledger leaf. A proof carries the leaf, and the leaf is the record
 * itself, so a proof is shown exactly to those who may read the record: a report's current version
 * to whoever may see the report (the public: verified ones), the report as filed, its earlier
 * versions, reviews and attributions to the mechanism (they name the filer and carry reviewers'
 * notes, which the public's view of a report does not show); votes and a body's tallies to the
 * body's members; guarantors' responses and obligations to the administrator and their party;
 * findings as the findings list shows them; guarantee and provision status, agreements and sources
 * to everyone (but a provision status quoting a provision report's note, to the mechanism);
 * provision reports to the mechanism; accounts to the administrator. Anything else answers 404, as
 * a leaf that does not exist does, so that a proof request tells nobody what an unseen leaf holds.
 */
final class LedgerProofs {
  private final Operations ops;
  private final ServerLedger ledger;
  private final Jdbi jdbi;

  LedgerProofs(Operations ops, Jdbi jdbi) {
    this.ops = ops;
    this.ledger = ops.ledger();
    this.jdbi = jdbi;
  }

  /**
   * The leaf {@code leafIndex} if {@code p} may read its record.
   *
   * @throws DomainError 404 when there is no such leaf or {@code p} may not read it
   */
  long visibleLeaf(Principal p, long leafIndex) {
    ServerLedger.LeafRow row =
        ledger
            .leaf(leafIndex)
            .filter(r -> mayRead(p, r))
            .orElseThrow(
                () ->
                    new DomainError.NotFound("leaf", "no leaf " + leafIndex + " that you may see"));
    return row.leafIndex();
  }

  private boolean mayRead(Principal p, ServerLedger.LeafRow row) {
    return switch (row.table()) {
      // Of a report, whoever may see it may have the proof of its current version (the canonical
      // incident as it now stands, recorded by whoever made it so: for a verified report, the
      // verifier's username). The report as filed (naming who filed it), earlier versions, reviews
      // (with the reviewers' notes) and attributions (with their basis) are the mechanism's.
      case "incident_versions" ->
          text(row, "incident_id")
              .flatMap(ops::report)
              .map(r -> (Visibility.canSee(p, r) && isCurrentVersion(row, r.id())) || mechanism(p))
              .orElse(mechanism(p)); // imported, not filed here
      case "incident_reports", "reviews", "attributions" -> mechanism(p);
      case "votes", "determinations" ->
          text(row, "determination_id")
              .flatMap(ops::finding)
              .map(f -> Visibility.canDeliberate(p, f, ops))
              .orElse(false);
      case "guarantor_responses" ->
          text(row, "guarantor")
              .map(
                  party ->
                      AccessPolicy.allows(p, Permission.READ_OBLIGATIONS, new Scope.OfParty(party)))
              .orElse(false);
      case "engine_outputs" -> engineOutput(p, row);
      case "agreements", "sources" -> true;
      case "provision_reports" -> AccessPolicy.allows(p, Permission.READ_REPORTS, Scope.NONE);
      case "accounts", "account_parties", "account_identities" ->
          AccessPolicy.allows(p, Permission.MANAGE_ACCOUNTS, Scope.NONE);
      default -> false;
    };
  }

  private boolean engineOutput(Principal p, ServerLedger.LeafRow row) {
    JsonNode body =
        jdbi.withHandle(
            h ->
                h.createQuery("select output_kind, body::text from engine_outputs where id = :id")
                    .bind("id", row.rowId())
                    .map(
                        (rs, ctx) -> {
                          try {
                            return ((ObjectNode) Json.MAPPER.readTree(rs.getString(2)))
                                .put("$kind", rs.getString(1));
                          } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                          }
                        })
                    .findOne()
                    .orElse(null));
    if (body == null) {
      return false;
    }
    if (!Operations.OUTPUT_KIND.equals(body.path("$kind").asText())) {
      return mechanism(p); // clock ticks, and leaves of kinds this service no longer writes
    }
    OutputRecord out;
    try {
      out = OutputCodec.decode(body.path("line").asText(), row.leafIndex());
    } catch (EngineException e) {
      return mechanism(p);
    }
    return switch (out) {
      // a provision's status whose cause quotes a verifier's note is the mechanism's, as the note
      // is
      case StatusRecord s ->
          !"provision".equals(s.subjectKind())
              || mechanism(p)
              || s.cause().rule().equals(publicCause(s));
      case FindingRecord f ->
          ops.finding(f.id()).map(x -> Visibility.canSee(p, x, ops)).orElse(false);
      case ObligationRecord o ->
          AccessPolicy.allows(p, Permission.READ_OBLIGATIONS, new Scope.OfParty(o.party()));
      case AlertRecord a -> mechanism(p);
    };
  }

  private static boolean mechanism(Principal p) {
    return AccessPolicy.allows(p, Permission.READ_REPORTS, Scope.NONE);
  }

  /**
   * The cause the public may read of a provision's status output (see {@link
   * ApiShapes#publicCause}).
   */
  private static String publicCause(StatusRecord s) {
    return ApiShapes.publicCause(
        new Operations.Status(
            "provision:" + s.subject(), "", s.status(), s.cause().rule(), Instant.EPOCH));
  }

  /** Whether {@code row} (of incident_versions) is report {@code id}'s latest version. */
  private boolean isCurrentVersion(ServerLedger.LeafRow row, String id) {
    return ledger.reportLeaf(id).stream().anyMatch(leaf -> leaf == row.leafIndex());
  }

  private Optional<String> text(ServerLedger.LeafRow row, String column) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + column + " from " + row.table() + " where id = :id")
                .bind("id", row.rowId())
                .mapTo(String.class)
                .findOne());
  }

  /**
   * The leaf of report {@code id}'s current version if {@code p} may see the report.
   *
   * @throws DomainError 404 for an unknown or unseen report, or one not in the ledger
   */
  long reportLeaf(Principal p, String id) {
    if (ops.report(id).filter(r -> Visibility.canSee(p, r)).isEmpty()) {
      throw new DomainError.NotFound("id", "no report '" + ReportInput.clip(id) + "'");
    }
    return ledger
        .reportLeaf(id)
        .orElseThrow(
            () ->
                new DomainError.NotFound(
                    "id",
                    "report '"
                        + ReportInput.clip(id)
                        + "' was filed before this server wrote to the ledger; it has no leaf"));
  }
}
