package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestServer;

/**
 * The bodies the pages show are a projection: the agreement in force's bodies, whatever the table
 * held before a rebuild. (The writer rule is {@link ProjectionWritersTest}'s.)
 */
class BodyProjectionTest {
  @Test
  void aRebuild_leavesExactlyTheBodiesOfTheAgreementInForce() {
    Agreement agreement = TestAgreement.ukraine();
    try (TestServer t = new TestServer(ServerOptions.defaults(0), Optional.of(agreement))) {
      Operations ops = t.server.services().operations();
      // the test fixture adds a body no agreement has; a rebuild must drop it
      assertThat(ops.bodies()).extracting(Operations.Body::id).contains("other-body");

      int n = BodyProjection.rebuild(t.server.services().jdbi(), agreement);

      assertThat(n).isEqualTo(agreement.bodies().size()).isPositive();
      assertThat(ops.bodies())
          .extracting(Operations.Body::id)
          .containsExactlyInAnyOrderElementsOf(agreement.bodies().keySet());
      var commission = agreement.bodies().values().iterator().next();
      assertThat(ops.body(commission.id()).orElseThrow().members())
          .containsExactlyInAnyOrderElementsOf(commission.members());
      // nothing journaled and nothing to fall back on: no bodies, not stale ones
      assertThat(BodyProjection.rebuild(t.server.services().jdbi(), null)).isZero();
      assertThat(ops.bodies()).isEmpty();
    }
  }
}
