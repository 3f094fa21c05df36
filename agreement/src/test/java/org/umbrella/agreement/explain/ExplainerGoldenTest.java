package org.umbrella.agreement.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.umbrella.agreement.Examples;
import org.umbrella.agreement.Golden;
import org.umbrella.agreement.model.Agreement;

/** {@code explain} on each shipped example matches its reviewed golden text. */
class ExplainerGoldenTest {
  static Agreement example(String name) {
    return Examples.load(name);
  }

  @TestFactory
  List<DynamicTest> explain_example_matchesGoldenText() {
    return List.of("plan-28pt", "framework-20pt", "paris-declaration").stream()
        .map(
            n ->
                DynamicTest.dynamicTest(
                    n,
                    () ->
                        Golden.assertMatches(
                            Golden.resources().resolve("golden/explain-" + n + ".txt"),
                            Explainer.explain(example(n + ".agreement.yaml")))))
        .toList();
  }

  @TestFactory
  List<DynamicTest> explain_everyClauseOfTheExamples_carriesItsCitation() {
    return List.of("plan-28pt", "framework-20pt", "paris-declaration").stream()
        .map(
            n ->
                DynamicTest.dynamicTest(
                    n,
                    () -> {
                      Agreement a = example(n + ".agreement.yaml");
                      String text = Explainer.explain(a);
                      assertThat(text).doesNotContain("[no citation]");
                      String flat = text.replaceAll("\\s+", " ");
                      a.provisions()
                          .values()
                          .forEach(p -> assertThat(flat).contains(p.id() + ": " + p.title()));
                    }))
        .toList();
  }

  @Test
  void explain_dutyWithoutDeadline_saysItCannotBeBreached() {
    String text = Explainer.explain(example("plan-28pt.agreement.yaml"));
    assertThat(text).contains("with no deadline (it can never be breached)");
  }
}
