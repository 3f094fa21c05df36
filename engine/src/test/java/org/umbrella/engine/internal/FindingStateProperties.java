package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * An aggregate's evidence is the same list of incident ids before and after it lets go of its
 * contributors (past the revision horizon), when the ids are kept packed in one array: any ids,
 * empty, long (beyond one char's worth of length), outside Latin-1, repeated.
 */
class FindingStateProperties {
  @Property(tries = 300)
  void evidence_survivesDroppingTheContributors(@ForAll @Size(max = 40) List<@StringLength(max = 70_000) String> ids) {
    List<FindingState> contributors = new ArrayList<>();
    for (String id : ids) {
      contributors.add(FindingState.match("d", 1, 0, "RU", id, null, 0, "confirmed"));
    }
    FindingState aggregate = FindingState.aggregate("a/1", "a", 1, "RU", contributors, 0, 1, Long.MIN_VALUE, "candidate");
    List<String> expected = List.copyOf(new LinkedHashSet<>(ids));

    assertThat(aggregate.incidentIds()).isEqualTo(expected);
    aggregate.dropContributors();

    assertThat(aggregate.contributors()).isEmpty();
    assertThat(aggregate.incidentIds()).isEqualTo(expected);
  }
}
