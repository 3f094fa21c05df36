package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Recusal;
import org.umbrella.agreement.model.VotingRule;

/**
 * The finding page's tally against the rule as the engine states it (VotingRule: eligible members,
 * quorum of votes cast, abstentions neither for nor against): the outcome, and "k more confirm
 * votes would confirm it" checked by casting them.
 */
class TallyProperties {
  static final List<String> PARTIES = List.of("US", "GB", "FR", "DE", "UA", "RU", "PL");

  record Case(Body body, String actor, Map<String, String> votes) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<VotingRule> rules =
        Arbitraries.oneOf(
            Arbitraries.just(new VotingRule.Majority()),
            Arbitraries.just(new VotingRule.Consensus()),
            Arbitraries.just(new VotingRule.Unanimity()),
            Arbitraries.integers()
                .between(1, 4)
                .flatMap(
                    d ->
                        Arbitraries.integers()
                            .between(1, d)
                            .map(n -> new VotingRule.AtLeast(n, d))));
    return Combinators.combine(
            Arbitraries.integers().between(1, PARTIES.size()),
            rules,
            Arbitraries.of(Recusal.values()),
            Arbitraries.of(PARTIES),
            Arbitraries.integers().between(1, PARTIES.size()),
            Arbitraries.of("confirm", "reject", "abstain", "none").list().ofSize(PARTIES.size()))
        .as(
            (n, rule, recusal, actor, quorum, vs) -> {
              List<String> members = PARTIES.subList(0, n);
              Body body =
                  new Body(
                      "b",
                      Optional.empty(),
                      members,
                      rule,
                      Math.min(quorum, n),
                      recusal,
                      List.of());
              Map<String, String> votes = new LinkedHashMap<>();
              for (int i = 0; i < n; i++) {
                if (!vs.get(i).equals("none")) {
                  votes.put(members.get(i), vs.get(i));
                }
              }
              return new Case(body, actor, votes);
            });
  }

  @Property(tries = 2000)
  void outcomeFollowsTheRuleAndQuorum(@ForAll("cases") Case c) {
    Tally t = Tally.of(c.body(), c.actor(), c.votes());
    int n = t.eligible().size();
    assertThat(t.confirm() + t.reject() + t.abstain() + t.notVoted().size()).isEqualTo(n);
    if (c.body().recusal() == Recusal.CONCERNED && c.body().members().contains(c.actor())) {
      assertThat(t.recused()).containsExactly(c.actor());
      assertThat(t.eligible()).doesNotContain(c.actor());
    } else {
      assertThat(t.recused()).isEmpty();
    }
    boolean confirmed =
        t.cast() >= c.body().quorum() && c.body().rule().passes(t.confirm(), t.reject(), n);
    assertThat(t.outcome().equals("confirmed")).isEqualTo(confirmed);
    if (t.outcome().equals("rejected")) {
      // every remaining member confirming would still not pass
      assertThat(c.body().rule().passes(t.confirm() + t.notVoted().size(), t.reject(), n))
          .isFalse();
    }
  }

  @Property(tries = 2000)
  void confirmsNeeded_isTheFewestThatConfirm(@ForAll("cases") Case c) {
    Tally t = Tally.of(c.body(), c.actor(), c.votes());
    int k = t.confirmsNeeded();
    if (k < 0) {
      Map<String, String> all = withConfirms(c.votes(), t.notVoted(), t.notVoted().size());
      assertThat(Tally.of(c.body(), c.actor(), all).outcome()).isNotEqualTo("confirmed");
      return;
    }
    assertThat(Tally.of(c.body(), c.actor(), withConfirms(c.votes(), t.notVoted(), k)).outcome())
        .isEqualTo("confirmed");
    if (k > 0) {
      assertThat(
              Tally.of(c.body(), c.actor(), withConfirms(c.votes(), t.notVoted(), k - 1)).outcome())
          .isNotEqualTo("confirmed");
    }
  }

  static Map<String, String> withConfirms(Map<String, String> votes, List<String> notVoted, int k) {
    Map<String, String> out = new LinkedHashMap<>(votes);
    new ArrayList<>(notVoted).subList(0, k).forEach(m -> out.put(m, "confirm"));
    return out;
  }
}
