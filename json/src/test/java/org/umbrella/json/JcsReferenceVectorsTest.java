package org.umbrella.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JCS reference implementation's test data (cyberphone/json-canonicalization {@code testdata/},
 * Apache 2.0, copied in {@code src/test/resources/jcs}): each input's canonical form must be its
 * output file, byte for byte.
 */
class JcsReferenceVectorsTest {

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalForm_isTheReferenceOutput(String name) throws IOException {
    String input = new String(resource("input/" + name + ".json"), StandardCharsets.UTF_8);
    byte[] expected = resource("output/" + name + ".json");

    assertThat(CanonicalJson.bytes(CanonicalJson.parse(input))).isEqualTo(expected);
    // and the canonical form is a fixed point
    String once = new String(expected, StandardCharsets.UTF_8);
    assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = JcsReferenceVectorsTest.class.getResourceAsStream("/jcs/" + path)) {
      return Objects.requireNonNull(in, path).readAllBytes();
    }
  }
}
