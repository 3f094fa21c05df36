package org.umbrella.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical JSON per RFC 8785, checked against the RFC's own examples. */
class CanonicalJsonTest {

  /** RFC 8785 appendix B: IEEE 754 bit patterns and their required serialisations. */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void format_followsRfc8785AppendixB(String bits, String expected) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(EcmaNumbers.format(d)).isEqualTo(expected);
  }

  @Test
  void canonicalize_sortsNamesByUtf16CodeUnits_rfc8785Section342() {
    // RFC 8785 section 3.2.3's sorting example.
    String in =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
            + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String out = CanonicalJson.canonicalize(in);
    assertThat(out)
        .startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":")
        .contains("\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":");
  }

  @Test
  void canonicalize_rfc8785Section323Example() {
    String in =
        "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50,\n 2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n  \"literals\": [null, true, false]\n}";
    assertThat(CanonicalJson.canonicalize(in))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void canonicalize_rejectsDuplicateNames() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
        .isInstanceOf(JsonTextException.class)
        .hasMessageContaining("Duplicate");
  }

  /**
   * Integers a double holds exactly are written (2^53 itself, 2^53 + 2, 2^62 and 10^21 in
   * ECMAScript's shortest digits that read back to the same double); those it does not hold are
   * refused rather than silently rounded.
   */
  @ParameterizedTest
  @CsvSource({
    "9007199254740991, 9007199254740991",
    "9007199254740992, 9007199254740992",
    "-9007199254740992, -9007199254740992",
    "9007199254740994, 9007199254740994",
    "4611686018427387904, 4611686018427388000",
    "1000000000000000000000, 1e+21",
    "295147905179352825856, 295147905179352830000",
  })
  void integersADoubleHoldsExactly_areWritten(String in, String expected) {
    assertThat(CanonicalJson.canonicalize(in)).isEqualTo(expected);
    assertThat(CanonicalJson.write(new java.math.BigInteger(in))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "9007199254740993",
    "-9007199254740993",
    "9223372036854775807",
    "123456789012345678901"
  })
  void integersNoDoubleHolds_areRefused(String in) {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"id\":" + in + "}"))
        .isInstanceOf(JsonTextException.class)
        .hasMessageContaining("integer " + in)
        .hasMessageContaining("give it as a string");
  }

  @Test
  void longs_followTheSameRule() {
    StringBuilder b = new StringBuilder();
    CanonicalJson.appendInteger(b, 1L << 53);
    assertThat(b).hasToString("9007199254740992");
    assertThatThrownBy(() -> CanonicalJson.appendInteger(new StringBuilder(), (1L << 53) + 1))
        .isInstanceOf(JsonTextException.class);
    assertThatThrownBy(() -> CanonicalJson.write(Long.MAX_VALUE))
        .isInstanceOf(JsonTextException.class);
  }

  /**
   * The shortest decimal, and exponents only below 1e-6 (the engine's old encoder failed these).
   */
  @ParameterizedTest
  @CsvSource({
    "0.0005, 0.0005",
    "0.00050, 0.0005",
    "1e-6, 0.000001",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "5e-324, 5e-324",
    "4.9e-324, 5e-324",
    "0.1, 0.1",
    "48.5, 48.5",
    "-0.0, 0",
    "1e15, 1000000000000000",
    "1.5e300, 1.5e+300",
  })
  void decimals_areShortestInEcmaScriptForm(String in, String expected) {
    assertThat(CanonicalJson.canonicalize(in)).isEqualTo(expected);
    assertThat(CanonicalJson.write(Double.parseDouble(in))).isEqualTo(expected);
  }

  @Test
  void valuesJsonCannotHold_areRefused() {
    assertThatThrownBy(() -> CanonicalJson.write(Double.NaN)).isInstanceOf(JsonTextException.class);
    assertThatThrownBy(() -> CanonicalJson.write(Double.POSITIVE_INFINITY))
        .isInstanceOf(JsonTextException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize("1e400"))
        .isInstanceOf(JsonTextException.class)
        .hasMessageContaining("out of the range");
    assertThatThrownBy(() -> CanonicalJson.write("a\ud800b"))
        .isInstanceOf(JsonTextException.class)
        .hasMessageContaining("lone surrogate at index 1");
    assertThatThrownBy(() -> CanonicalJson.write(java.util.Map.of(1, "x")))
        .isInstanceOf(JsonTextException.class);
    assertThatThrownBy(() -> CanonicalJson.write(new Object()))
        .isInstanceOf(JsonTextException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{} []"))
        .isInstanceOf(JsonTextException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize("")).isInstanceOf(JsonTextException.class);
  }

  /** Maps, lists and trees of the same value give the same bytes. */
  @Test
  void javaValuesAndTrees_giveTheSameBytes() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("z", java.util.List.of(1, 2.5, "x\u0001", true));
    m.put("a", null);
    m.put("\u20ac", new java.math.BigDecimal("4.50"));
    String expected = "{\"a\":null,\"z\":[1,2.5,\"x\\u0001\",true],\"\u20ac\":4.5}";
    assertThat(CanonicalJson.write(m)).isEqualTo(expected);
    assertThat(CanonicalJson.write(CanonicalJson.parse(expected))).isEqualTo(expected);
    assertThat(CanonicalJson.bytes(m))
        .isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void canonicalize_isIdempotent() {
    String once =
        CanonicalJson.canonicalize(
            "{ \"b\" : [1.0, 2.50, \"x\"], \"a\": {\"z\":null, \"y\": -0.0}}");
    assertThat(once).isEqualTo("{\"a\":{\"y\":0,\"z\":null},\"b\":[1,2.5,\"x\"]}");
    assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
  }
}
