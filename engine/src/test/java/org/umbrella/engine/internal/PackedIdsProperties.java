package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Packed ids stand for their strings exactly: equal longs exactly when the strings are equal, and
 * unpacked as given.
 */
class PackedIdsProperties {
  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(0).ofMaxLength(17),
        Arbitraries.strings().withCharRange('a', 'c').ofMinLength(0).ofMaxLength(16),
        Arbitraries.strings().all().ofMinLength(0).ofMaxLength(16));
  }

  @Property(tries = 3000)
  void packing_isExactAndReversible(@ForAll("ids") String a, @ForAll("ids") String b) {
    long ha = PackedIds.high(a);
    long hb = PackedIds.high(b);
    boolean fits = a.length() <= 15 && a.chars().allMatch(c -> c <= 0xFF);
    assertThat(ha != PackedIds.NONE).isEqualTo(fits);
    if (fits) {
      assertThat(PackedIds.unpack(PackedIds.low(a), ha)).isEqualTo(a);
    }
    if (ha != PackedIds.NONE && hb != PackedIds.NONE) {
      boolean same = ha == hb && PackedIds.low(a) == PackedIds.low(b);
      assertThat(same).isEqualTo(a.equals(b));
    }
  }

  @Property(tries = 500)
  void packing_tellsPrefixesApart(@ForAll("ids") String a) {
    if (PackedIds.high(a) != PackedIds.NONE && a.length() < 15) {
      String longer = a + '\u0000';
      assertThat(
              PackedIds.high(longer) == PackedIds.high(a)
                  && PackedIds.low(longer) == PackedIds.low(a))
          .isFalse();
    }
  }
}
