package org.umbrella.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Body;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.server.ServerComponents;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.access.Scope;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.http.Json;
import org.umbrella.server.http.Visibility;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;

/**
 * What the page of one finding shows: its evidence (the reports the caller may read, for the list
 * and the mini-map), the tally against its body's rule and quorum (to those who may see the
 * deliberation), the decision deadline counted on the server's clock (trusted time, not the
 * browser's), and the causal chain as the engine recorded it.
 *
 * @param finding the finding
 * @param bodyTitle the deciding body's name, empty when no body decides it
 * @param evidence the reports it rests on that the caller may read
 * @param hidden how many of its reports the caller may not read
 * @param points the evidence as {@code [[lat, lon, id, kind], …]} for the mini-map
 * @param tally the votes counted, when the caller may see them and the body is known
 * @param due when the body must decide by, if the agreement limits it
 * @param now the server's time the page was made at
 * @param chain the engine's causes and consequences (obligations only for who may read them)
 * @param canVote whether the caller's party may vote on it now
 * @param myVote the caller's party's vote so far, empty when none
 * @param deliberating whether the caller may see the body's votes (its members, the mechanism)
 */
public record FindingPage(
    Operations.Finding finding,
    String bodyTitle,
    List<Report> evidence,
    int hidden,
    String points,
    Optional<Tally> tally,
    Optional<Instant> due,
    Instant now,
    CausalChain chain,
    boolean canVote,
    String myVote,
    boolean deliberating) {

  /** The enforced agreement, when an engine runs one. */
  static Optional<Agreement> agreement(ServerComponents s) {
    return s.operations().enforcement() instanceof EngineEnforcement e
        ? Optional.of(e.agreement())
        : Optional.empty();
  }

  /** The decision deadline of {@code f}: raised-at plus the definition's decide-within. */
  static Optional<Instant> due(Optional<Agreement> agreement, Operations.Finding f) {
    return agreement
        .map(a -> a.findings().get(f.definition()))
        .flatMap(d -> d.decideWithin())
        .map(w -> w.addTo(f.raisedAt()));
  }

  /** Builds the page of {@code f}, which {@code p} may see. */
  static FindingPage of(ServerComponents s, Principal p, Operations.Finding f) {
    Operations ops = s.operations();
    Optional<Agreement> agreement = agreement(s);
    List<Report> evidence = new ArrayList<>();
    int hidden = 0;
    ArrayNode points = Json.MAPPER.createArrayNode();
    for (String id : f.incidents()) {
      Optional<Report> r = ops.report(id).filter(x -> Visibility.canSee(p, x));
      if (r.isEmpty()) {
        hidden++;
        continue;
      }
      evidence.add(r.get());
      ArrayNode pt = points.addArray();
      pt.add(r.get().lat()).add(r.get().lon()).add(r.get().id()).add(r.get().kind().wireName());
    }
    boolean deliberating = Visibility.canDeliberate(p, f, ops);
    Optional<Body> body = agreement.flatMap(a -> f.body().map(b -> a.bodies().get(b)));
    // the rule and quorum are the agreement's, public; the votes only for those who see the
    // deliberation
    Optional<Tally> tally =
        body.map(b -> Tally.of(b, f.actor(), deliberating ? f.votes() : Map.of()));
    String party = p.account().flatMap(a -> a.party()).orElse("");
    boolean canVote =
        deliberating
            && f.status() == FindingStatus.CANDIDATE
            && !party.equals(f.actor())
            && ops.body(f.body().orElse(""))
                .map(
                    b ->
                        AccessPolicy.allows(
                            p, Permission.VOTE, new Scope.OfBody(b.id(), b.members())))
                .orElse(false);
    CausalChain chain =
        CausalChain.load(s.jdbi(), f.id())
            .visibleTo(
                step ->
                    step.party().isEmpty()
                        || AccessPolicy.allows(
                            p, Permission.READ_OBLIGATIONS, new Scope.OfParty(step.party())));
    String title = body.flatMap(Body::title).or(() -> f.body()).orElse("");
    return new FindingPage(
        f,
        title,
        evidence,
        hidden,
        points.toString(),
        tally,
        due(agreement, f),
        s.clock().instant(),
        chain,
        canVote,
        deliberating ? f.votes().getOrDefault(party, "") : "",
        deliberating);
  }

  /** Whether the tally shows the votes (only to those who see the deliberation). */
  public boolean showsVotes() {
    return deliberating;
  }

  /** Milliseconds from the page's server time to the deadline (negative when past). */
  public long remainingMillis() {
    return due.map(d -> Duration.between(now, d).toMillis()).orElse(0L);
  }

  /** "1 d 4 h left" or "overdue by 2 h 05 min", counted on the server's clock. */
  public String countdown() {
    return due.map(d -> countdownText(now, d)).orElse("");
  }

  /**
   * {@code due} seen from {@code now}: "1 d 4 h left", "3 h 05 min left", "overdue by 2 h 05 min".
   */
  public static String countdownText(Instant now, Instant due) {
    Duration d = Duration.between(now, due);
    boolean overdue = d.isNegative();
    d = d.abs();
    String text =
        d.toDays() > 0
            ? d.toDays() + " d " + d.toHoursPart() + " h"
            : d.toHours() + " h " + String.format(Locale.ROOT, "%02d", d.toMinutesPart()) + " min";
    return overdue ? "overdue by " + text : text + " left";
  }
}
