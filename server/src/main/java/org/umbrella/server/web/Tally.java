package org.umbrella.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Recusal;

/**
 * A candidate finding's votes counted against its body's voting rule and quorum, the way the engine
 * counts them (eligible members are the members, minus the actor concerned when the body recuses;
 * abstentions count towards the quorum, not for or against), so the page can say where the decision
 * stands before the engine decides.
 *
 * @param rule the rule in words ("majority", "at least 2/3")
 * @param quorum the votes that must be cast
 * @param eligible the members who may vote, in the body's order
 * @param recused members who may not (the actor concerned)
 * @param confirm eligible members voting confirm
 * @param reject eligible members voting reject
 * @param abstain eligible members abstaining
 * @param notVoted eligible members who have not voted
 * @param outcome "confirmed" or "rejected" once the votes decide it, else "open"
 * @param confirmsNeeded the fewest further confirm votes that would confirm it (-1: none can)
 */
public record Tally(
    String rule,
    int quorum,
    List<String> eligible,
    List<String> recused,
    int confirm,
    int reject,
    int abstain,
    List<String> notVoted,
    String outcome,
    int confirmsNeeded) {

  public Tally {
    eligible = List.copyOf(eligible);
    recused = List.copyOf(recused);
    notVoted = List.copyOf(notVoted);
  }

  /**
   * Counts {@code votes} (party to "confirm", "reject" or "abstain") on a finding about {@code
   * actor}.
   */
  public static Tally of(Body body, String actor, Map<String, String> votes) {
    List<String> eligible = new ArrayList<>();
    List<String> recused = new ArrayList<>();
    for (String m : body.members()) {
      if (body.recusal() == Recusal.CONCERNED && m.equals(actor)) {
        recused.add(m);
      } else {
        eligible.add(m);
      }
    }
    int yes = 0;
    int no = 0;
    int cast = 0;
    List<String> notVoted = new ArrayList<>();
    for (String m : eligible) {
      String v = votes.get(m);
      if (v == null) {
        notVoted.add(m);
        continue;
      }
      cast++;
      if (v.equals("confirm")) {
        yes++;
      } else if (v.equals("reject")) {
        no++;
      }
    }
    int n = eligible.size();
    String outcome = "open";
    if (cast >= body.quorum() && body.rule().passes(yes, no, n)) {
      outcome = "confirmed";
    } else if (!body.rule().passes(yes + (n - cast), no, n)) {
      outcome = "rejected";
    }
    int needed = -1;
    for (int k = 0; k <= n - cast; k++) {
      if (cast + k >= body.quorum() && body.rule().passes(yes + k, no, n)) {
        needed = k;
        break;
      }
    }
    return new Tally(
        body.rule().toString(),
        body.quorum(),
        eligible,
        recused,
        yes,
        no,
        cast - yes - no,
        notVoted,
        outcome,
        needed);
  }

  /** Votes cast by eligible members. */
  public int cast() {
    return confirm + reject + abstain;
  }

  /** Whether enough votes are cast for the quorum. */
  public boolean quorumMet() {
    return cast() >= quorum;
  }
}
