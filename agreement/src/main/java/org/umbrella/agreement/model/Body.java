package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;

/**
 * A determining body, such as a Special Commission or a joint assessment mechanism, that confirms
 * or rejects candidate findings by vote.
 *
 * @param id the key under {@code bodies:}
 * @param title its name, if given
 * @param members party ids, at least one
 * @param rule how it decides
 * @param quorum the minimum number of votes cast, at least 1 and at most the number of members
 * @param recusal whether concerned members vote
 * @param cites sources
 */
public record Body(
    String id,
    Optional<String> title,
    List<String> members,
    VotingRule rule,
    int quorum,
    Recusal recusal,
    List<Citation> cites) {
  /** Creates a body; lists are copied. */
  public Body {
    members = List.copyOf(members);
    cites = List.copyOf(cites);
  }
}
