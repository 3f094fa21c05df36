package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The fast writer of instants against the one it stands in for, {@link Instant#toString()}. */
class IsoInstantsProperties {
  @Property(tries = 2000)
  void writes_whatInstantWrites_inTheYearsItHandles(
      @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long millis) {
    assertThat(IsoInstants.format(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
  }

  @Property(tries = 500)
  void writes_whatInstantWrites_anywhere(
      @ForAll @LongRange(min = -31_556_889_864_403_199L, max = 31_556_889_864_403_199L)
          long millis) {
    assertThat(IsoInstants.format(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
  }

  @Example
  void writes_theEdges_whatInstantWrites() {
    for (long millis :
        new long[] {
          0,
          -1,
          1,
          999,
          1000,
          86_399_999,
          -62_167_219_200_000L,
          -62_167_219_200_001L,
          253_402_300_799_999L,
          253_402_300_800_000L,
          1_772_366_400_250L
        }) {
      assertThat(IsoInstants.format(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
    }
  }
}
