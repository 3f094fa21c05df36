package org.umbrella.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Positions inside a scalar's value map back to the same character of the file, in any style. */
class ScalarPositionsTest {

  static ScalarNode valueOf(String yaml) {
    MappingNode root = (MappingNode) new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    return (ScalarNode) root.getValue().getFirst().getValueNode();
  }

  static char charAt(SourceText source, int[] at) {
    return source.line(at[0]).charAt(at[1] - 1);
  }

  @Property(tries = 300)
  void everyCharacterOfAValue_mapsToTheSameCharacterOfTheFile(
      @ForAll
          @StringLength(min = 1, max = 40)
          @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z')
          String word,
      @ForAll @IntRange(min = 0, max = 3) int style) {
    String value = word + " == 'x' && " + word;
    String yaml =
        switch (style) {
          case 0 -> "when: " + value + "\n";
          case 1 -> "when: \"" + value + "\"\n";
          case 2 -> "when: >-\n  " + word + " == 'x' &&\n  " + word + "\n";
          default -> "when: '" + value.replace("'", "''") + "'\n";
        };
    SourceText source = new SourceText(yaml);
    ScalarNode node = valueOf(yaml);
    assertThat(node.getValue()).isEqualTo(value);
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isWhitespace(value.charAt(i))) {
        assertThat(charAt(source, ScalarPositions.locate(source, node, i)))
            .as("offset %d of %s", i, yaml)
            .isEqualTo(value.charAt(i));
      }
    }
  }

  @Test
  void aCaretInAFoldedCondition_landsOnTheSecondLine_notTheHeader() {
    String yaml = "when: >-\n  a == 1 &&\n    incident.kin == 2\n";
    SourceText source = new SourceText(yaml);
    ScalarNode node = valueOf(yaml);
    int offset = node.getValue().indexOf("incident.kin");
    assertThat(ScalarPositions.locate(source, node, offset)).containsExactly(3, 5);
  }

  @Test
  void suggestions_offerTheClosestName() {
    assertThat(Suggestions.closest("militray", java.util.List.of("military", "economic")))
        .containsExactly("military");
    assertThat(Suggestions.closest("zzzzzzzz", java.util.List.of("military"))).isEmpty();
  }
}
