package org.umbrella.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;

/** Every shipped example is a valid agreement: it loads with no issue. */
class ExamplesLoadTest {
  @TestFactory
  List<DynamicTest> load_everyExample_hasNoIssues() throws Exception {
    return Examples.agreements().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Examples.root().relativize(p).toString(),
                    () -> {
                      LoadResult r =
                          AgreementFiles.load(p, Examples.root().relativize(p).toString());
                      assertThat(r.issues()).as(r.toDisplayString()).isEmpty();
                    }))
        .toList();
  }

  static Path relative(Path p) {
    return Examples.root().relativize(p);
  }
}
