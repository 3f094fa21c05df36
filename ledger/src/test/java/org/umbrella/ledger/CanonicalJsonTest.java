package org.umbrella.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.umbrella.ledger.internal.EcmaNumbers;

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
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("Duplicate");
  }

  @Test
  void canonicalize_rejectsIntegersBeyondTwoToThe53() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"id\":9007199254740993}"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("give it as a string");
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
