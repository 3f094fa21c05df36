package org.umbrella.agreement.load.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.AgreementRef;
import org.umbrella.agreement.model.AgreementStatus;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The file's header: format version, supersedes, status. */
final class HeaderParser extends SectionParser {

  HeaderParser(State state) {
    super(state);
  }

  @Nullable Integer formatVersion(Nodes.Fields top) {
    Optional<Node> n = top.get("umbrella");
    if (n.isEmpty()) {
      return null;
    }
    ScalarNode s = nodes.scalar(n.get(), "the format version 'umbrella'", "1");
    if (s == null) {
      return null;
    }
    if (!s.getValue().equals("1")) {
      problems.at(
          s,
          "format-version",
          "unsupported format version '"
              + Nodes.abbreviate(s.getValue())
              + "'; this Umbrella reads format 1",
          s.getValue(),
          "umbrella: 1");
      return null;
    }
    return 1;
  }

  Optional<AgreementRef> supersedes(Node n) {
    String v = nodes.text(n, "supersedes");
    if (v == null) {
      return Optional.empty();
    }
    Optional<AgreementRef> ref = AgreementRef.parse(v.strip());
    if (ref.isEmpty()) {
      problems.at(
          n,
          "invalid-value",
          "invalid reference '" + Nodes.abbreviate(v) + "' for supersedes",
          v,
          "id@version, e.g. ua-plan-28pt@2025-11-20");
    }
    return ref;
  }

  AgreementStatus status(Node n) {
    List<String> labels =
        Arrays.stream(AgreementStatus.values()).map(AgreementStatus::label).toList();
    String v = nodes.choice(n, "status", labels);
    return Arrays.stream(AgreementStatus.values())
        .filter(x -> x.label().equals(v))
        .findFirst()
        .orElse(AgreementStatus.DRAFT);
  }
}
