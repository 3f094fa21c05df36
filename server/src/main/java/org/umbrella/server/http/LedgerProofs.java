package org.umbrella.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.server.ServerException;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Action;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.ledger.Ledger;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * Who may have the proof of which ledger leaf. A proof carries the leaf, and the leaf is the
 * record itself, so a proof is shown exactly to those who may read the record: reports and their
 * reviews to whoever may see the report (the public: verified ones); votes and a body's tallies to
 * the body's members; guarantors' responses and obligations to the administrator and their party;
 * findings as the findings list shows them; guarantee and provision status, agreements and sources
 * to everyone; provision reports to the mechanism; accounts to the administrator. Anything else
 * answers 404, as a leaf that does not exist does, so that a proof request tells nobody what an
 * unseen leaf holds.
 */
final class LedgerProofs {
  private final Operations ops;
  private final Ledger ledger;
  private final Jdbi jdbi;

  LedgerProofs(Operations ops, Jdbi jdbi) {
    this.ops = ops;
    this.ledger = ops.ledger();
    this.jdbi = jdbi;
  }

  /**
   * The leaf {@code leafIndex} if {@code p} may read its record.
   *
   * @throws ServerException 404 when there is no such leaf or {@code p} may not read it
   */
  long visibleLeaf(Principal p, long leafIndex) {
    Ledger.LeafRow row = ledger.leaf(leafIndex).filter(r -> mayRead(p, r))
        .orElseThrow(() -> ServerException.notFound("leaf", "no leaf " + leafIndex + " that you may see"));
    return row.leafIndex();
  }

  private boolean mayRead(Principal p, Ledger.LeafRow row) {
    return switch (row.table()) {
      case "incident_versions", "incident_reports", "reviews", "attributions" ->
          text(row, "incident_id").flatMap(ops::report).map(r -> Visibility.canSee(p, r))
              .orElse(AccessPolicy.allows(p, Action.READ_REPORTS, Scope.NONE)); // imported, not filed here
      case "votes", "determinations" -> text(row, "determination_id").flatMap(ops::finding)
          .map(f -> Visibility.canDeliberate(p, f, ops)).orElse(false);
      case "guarantor_responses" -> text(row, "guarantor")
          .map(party -> AccessPolicy.allows(p, Action.READ_OBLIGATIONS, new Scope.OfParty(party))).orElse(false);
      case "engine_outputs" -> engineOutput(p, row);
      case "agreements", "sources" -> true;
      case "provision_reports" -> AccessPolicy.allows(p, Action.READ_REPORTS, Scope.NONE);
      case "accounts", "account_parties", "account_identities" -> AccessPolicy.allows(p, Action.MANAGE_ACCOUNTS, Scope.NONE);
      default -> false;
    };
  }

  private boolean engineOutput(Principal p, Ledger.LeafRow row) {
    JsonNode body = jdbi.withHandle(h -> h.createQuery("select output_kind, body::text from engine_outputs where id = :id")
        .bind("id", row.rowId()).map((rs, ctx) -> {
          try {
            return ((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(rs.getString(2))).put("$kind", rs.getString(1));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        }).findOne().orElse(null));
    if (body == null) {
      return false;
    }
    return switch (body.path("$kind").asText()) {
      case "status" -> true;
      case "finding" -> ops.finding(body.path("id").asText()).map(f -> Visibility.canSee(p, f, ops)).orElse(false);
      case "obligation" -> AccessPolicy.allows(p, Action.READ_OBLIGATIONS, new Scope.OfParty(body.path("party").asText()));
      default -> AccessPolicy.allows(p, Action.READ_REPORTS, Scope.NONE);
    };
  }

  private Optional<String> text(Ledger.LeafRow row, String column) {
    return jdbi.withHandle(h -> h.createQuery("select " + column + " from " + row.table() + " where id = :id")
        .bind("id", row.rowId()).mapTo(String.class).findOne());
  }

  /**
   * The leaf of report {@code id}'s current version if {@code p} may see the report.
   *
   * @throws ServerException 404 for an unknown or unseen report, or one not in the ledger
   */
  long reportLeaf(Principal p, String id) {
    ops.report(id).filter(r -> Visibility.canSee(p, r))
        .orElseThrow(() -> ServerException.notFound("id", "no report '" + ReportInput.clip(id) + "'"));
    return ledger.reportLeaf(id).orElseThrow(() -> ServerException.notFound("id",
        "report '" + ReportInput.clip(id) + "' was filed before this server wrote to the ledger; it has no leaf"));
  }
}
