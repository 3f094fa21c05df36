package org.umbrella.agreement.load.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Recusal;
import org.umbrella.agreement.model.VotingRule;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code bodies:} section: members, voting rule, quorum, recusal. */
final class BodyParser extends SectionParser {

  private static final Pattern FRACTION =
      Pattern.compile("\\s*([0-9]{1,4})\\s*/\\s*([0-9]{1,4})\\s*");

  BodyParser(State state) {
    super(state);
  }

  void body(Nodes.Entry e) {
    String owner = "body '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "body", owner);
    if (f == null) {
      return;
    }
    Optional<String> title = optionalText(f, "title", owner);
    Node m = nodes.required(f, "members");
    List<ScalarNode> memberNodes = m == null ? null : nodes.scalars(m, "the members of " + owner);
    List<String> members =
        memberNodes == null ? null : refs(Kind.PARTY, memberNodes, "the members of " + owner);
    VotingRule rule = f.get("rule").map(n -> rule(n, owner)).orElse(new VotingRule.Majority());
    Long quorum = null;
    if (members != null) {
      quorum =
          f.get("quorum")
              .map(n -> nodes.integer(n, "the quorum of " + owner, 1, members.size()))
              .orElse((long) (members.size() / 2 + 1));
    }
    String recusal =
        f.get("recusal")
            .map(n -> nodes.choice(n, "recusal of " + owner, List.of("none", "concerned")))
            .orElse("none");
    List<Citation> cites = cites(f, owner);
    labels(f, "body", "bodies." + e.id(), owner);
    if (members != null && rule != null && quorum != null && recusal != null) {
      bodies.put(
          e.id(),
          new Body(
              e.id(),
              title.filter(x -> x != null),
              members,
              rule,
              quorum.intValue(),
              recusal.equals("none") ? Recusal.NONE : Recusal.CONCERNED,
              cites));
    }
  }

  private @Nullable VotingRule rule(Node n, String owner) {
    if (n instanceof ScalarNode) {
      String v =
          nodes.choice(n, "voting rule of " + owner, List.of("majority", "consensus", "unanimity"));
      return v == null
          ? null
          : switch (v) {
            case "majority" -> new VotingRule.Majority();
            case "consensus" -> new VotingRule.Consensus();
            default -> new VotingRule.Unanimity();
          };
    }
    Nodes.Fields f = nodes.mapping(n, "rule", "the voting rule of " + owner);
    if (f == null) {
      return null;
    }
    Node share = nodes.required(f, "at-least");
    ScalarNode s =
        share == null
            ? null
            : nodes.scalar(share, "the share of " + owner, "a fraction such as 2/3");
    if (s == null) {
      return null;
    }
    Matcher m = FRACTION.matcher(s.getValue());
    if (m.matches()) {
      int p = Integer.parseInt(m.group(1));
      int q = Integer.parseInt(m.group(2));
      if (p > 0 && q >= p) {
        return new VotingRule.AtLeast(p, q);
      }
    }
    problems.at(
        s,
        "invalid-value",
        "invalid share '" + Nodes.abbreviate(s.getValue()) + "' for the voting rule of " + owner,
        s.getValue(),
        "a fraction p/q with 0 < p <= q, e.g. 2/3");
    return null;
  }
}
