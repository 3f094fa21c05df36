package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The in-process broker starts, takes the deployment's topics, and leaves no directory behind. */
class EmbeddedBrokerTest {
  @Test
  void starts_createsTheTopics_andCloses() throws Exception {
    Topics topics = Topics.defaults();
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      broker.createTopics(topics, 2);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()))) {
        assertThat(admin.listTopics().names().get())
            .contains(topics.input(), topics.output(), topics.rejects());
        assertThat(
                admin
                    .describeTopics(java.util.List.of(topics.input()))
                    .allTopicNames()
                    .get()
                    .get(topics.input())
                    .partitions())
            .hasSize(2);
      }
    }
  }
}
