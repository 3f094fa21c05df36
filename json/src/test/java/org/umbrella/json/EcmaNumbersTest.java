package org.umbrella.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * ECMAScript number form against the JCS reference's number file, without the 4 GB file: the
 * reference generates its inputs deterministically ({@code testdata/numgen.go}: 160 edge cases,
 * 2,000 neighbours of the smallest normal double, then doubles read little-endian from a chain of
 * SHA-256 blocks starting from 32 zero bytes, skipping 0, NaN and infinities) and publishes the
 * SHA-256 of the file's first 10^3 ... 10^8 lines {@code hex,expected\n}. We generate the same
 * inputs, write each with {@link EcmaNumbers}, and compare the hashes: one wrong character in any
 * line changes the hash.
 *
 * <p>The default run checks 1,000,000 lines (seconds); {@code -Djcs.lines=10000000} checks ten
 * million (the 100 million line hash is in the table too).
 */
class EcmaNumbersTest {
  /** Lines -> SHA-256 of the reference file's first lines (testdata/README.md). */
  private static final long[] LINES = {1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private static final String[] SHA256 = {
    "be18b62b6f69cdab33a7e0dae0d9cfa869fda80ddc712221570f9f40a5878687",
    "b9f7a8e75ef22a835685a52ccba7f7d6bdc99e34b010992cbc5864cd12be6892",
    "22776e6d4b49fa294a0d0f349268e5c28808fe7e0cb2bcbe28f63894e494d4c7",
    "49415fee2c56c77864931bd3624faad425c3c577d6d74e89a83bc725506dad16",
    "b9f8a44a91d46813b21b9602e72f112613c91408db0b8341fb94603d9db135e0",
    "0f7dda6b0837dde083c5d6b896f7d62340c8a2415b0c7121d83145e08a755272",
  };

  /** The reference's 160 fixed inputs (numgen.go, {@code static}). */
  private static final long[] STATIC = {
    0x0000000000000000L, 0x8000000000000000L, 0x0000000000000001L, 0x8000000000000001L,
    0xc46696695dbd1cc3L, 0xc43211ede4974a35L, 0xc3fce97ca0f21056L, 0xc3c7213080c1a6acL,
    0xc39280f39a348556L, 0xc35d9b1f5d20d557L, 0xc327af4c4a80aaacL, 0xc2f2f2a36ecd5556L,
    0xc2be51057e155558L, 0xc28840d131aaaaacL, 0xc253670dc1555557L, 0xc21f0b4935555557L,
    0xc1e8d5d42aaaaaacL, 0xc1b3de4355555556L, 0xc17fca0555555556L, 0xc1496e6aaaaaaaabL,
    0xc114585555555555L, 0xc0e046aaaaaaaaabL, 0xc0aa0aaaaaaaaaaaL, 0xc074d55555555555L,
    0xc040aaaaaaaaaaabL, 0xc00aaaaaaaaaaaabL, 0xbfd5555555555555L, 0xbfa1111111111111L,
    0xbf6b4e81b4e81b4fL, 0xbf35d867c3ece2a5L, 0xbf0179ec9cbd821eL, 0xbecbf647612f3696L,
    0xbe965e9f80f29212L, 0xbe61e54c672874dbL, 0xbe2ca213d840baf8L, 0xbdf6e80fe033c8c6L,
    0xbdc2533fe68fd3d2L, 0xbd8d51ffd74c861cL, 0xbd5774ccac3d3817L, 0xbd22c3d6f030f9acL,
    0xbcee0624b3818f79L, 0xbcb804ea293472c7L, 0xbc833721ba905bd3L, 0xbc4ebe9c5db3c61eL,
    0xbc18987d17c304e5L, 0xbbe3ad30dfcf371dL, 0xbbaf7b816618582fL, 0xbb792f9ab81379bfL,
    0xbb442615600f9499L, 0xbb101e77800c76e1L, 0xbad9ca58cce0be35L, 0xbaa4a1e0a3e6fe90L,
    0xba708180831f320dL, 0xba3a68cd9e985016L, 0x446696695dbd1cc3L, 0x443211ede4974a35L,
    0x43fce97ca0f21056L, 0x43c7213080c1a6acL, 0x439280f39a348556L, 0x435d9b1f5d20d557L,
    0x4327af4c4a80aaacL, 0x42f2f2a36ecd5556L, 0x42be51057e155558L, 0x428840d131aaaaacL,
    0x4253670dc1555557L, 0x421f0b4935555557L, 0x41e8d5d42aaaaaacL, 0x41b3de4355555556L,
    0x417fca0555555556L, 0x41496e6aaaaaaaabL, 0x4114585555555555L, 0x40e046aaaaaaaaabL,
    0x40aa0aaaaaaaaaaaL, 0x4074d55555555555L, 0x4040aaaaaaaaaaabL, 0x400aaaaaaaaaaaabL,
    0x3fd5555555555555L, 0x3fa1111111111111L, 0x3f6b4e81b4e81b4fL, 0x3f35d867c3ece2a5L,
    0x3f0179ec9cbd821eL, 0x3ecbf647612f3696L, 0x3e965e9f80f29212L, 0x3e61e54c672874dbL,
    0x3e2ca213d840baf8L, 0x3df6e80fe033c8c6L, 0x3dc2533fe68fd3d2L, 0x3d8d51ffd74c861cL,
    0x3d5774ccac3d3817L, 0x3d22c3d6f030f9acL, 0x3cee0624b3818f79L, 0x3cb804ea293472c7L,
    0x3c833721ba905bd3L, 0x3c4ebe9c5db3c61eL, 0x3c18987d17c304e5L, 0x3be3ad30dfcf371dL,
    0x3baf7b816618582fL, 0x3b792f9ab81379bfL, 0x3b442615600f9499L, 0x3b101e77800c76e1L,
    0x3ad9ca58cce0be35L, 0x3aa4a1e0a3e6fe90L, 0x3a708180831f320dL, 0x3a3a68cd9e985016L,
    0x4024000000000000L, 0x4014000000000000L, 0x3fe0000000000000L, 0x3fa999999999999aL,
    0x3f747ae147ae147bL, 0x3f40624dd2f1a9fcL, 0x3f0a36e2eb1c432dL, 0x3ed4f8b588e368f1L,
    0x3ea0c6f7a0b5ed8dL, 0x3e6ad7f29abcaf48L, 0x3e35798ee2308c3aL, 0x3ed539223589fa95L,
    0x3ed4ff26cd5a7781L, 0x3ed4f95a762283ffL, 0x3ed4f8c60703520cL, 0x3ed4f8b72f19cd0dL,
    0x3ed4f8b5b31c0c8dL, 0x3ed4f8b58d1c461aL, 0x3ed4f8b5894f7f0eL, 0x3ed4f8b588ee37f3L,
    0x3ed4f8b588e47da4L, 0x3ed4f8b588e3849cL, 0x3ed4f8b588e36bb5L, 0x3ed4f8b588e36937L,
    0x3ed4f8b588e368f8L, 0x3ed4f8b588e368f1L, 0x3ff0000000000000L, 0xbff0000000000000L,
    0xbfeffffffffffffaL, 0xbfeffffffffffffbL, 0x3feffffffffffffaL, 0x3feffffffffffffbL,
    0x3feffffffffffffcL, 0x3feffffffffffffeL, 0xbfefffffffffffffL, 0xbfefffffffffffffL,
    0x3fefffffffffffffL, 0x3fefffffffffffffL, 0x3fd3333333333332L, 0x3fd3333333333333L,
    0x3fd3333333333334L, 0x0010000000000000L, 0x000ffffffffffffdL, 0x000fffffffffffffL,
    0x7fefffffffffffffL, 0xffefffffffffffffL, 0x4340000000000000L, 0xc340000000000000L,
    0x4430000000000000L, 0x44b52d02c7e14af5L, 0x44b52d02c7e14af6L, 0x44b52d02c7e14af7L,
    0x444b1ae4d6e2ef4eL, 0x444b1ae4d6e2ef4fL, 0x444b1ae4d6e2ef50L, 0x3eb0c6f7a0b5ed8cL,
    0x3eb0c6f7a0b5ed8dL, 0x41b3de4355555553L, 0x41b3de4355555554L, 0x41b3de4355555555L,
    0x41b3de4355555556L, 0x41b3de4355555557L, 0xbecbf647612f3696L, 0x43143ff3c1cb0959L,
  };

  private static final int SERIAL = 2000;

  @Test
  void referenceNumberFile_sameHashAsPublished() throws NoSuchAlgorithmException {
    long lines = Long.getLong("jcs.lines", 1_000_000L);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Generator next = new Generator();
    int checked = 0;
    StringBuilder line = new StringBuilder(48);
    for (long n = 1; n <= lines; n++) {
      long bits = next.nextBits();
      line.setLength(0);
      line.append(Long.toHexString(bits)).append(',');
      line.append(EcmaNumbers.format(Double.longBitsToDouble(bits))).append('\n');
      sha.update(line.toString().getBytes(StandardCharsets.US_ASCII));
      for (int k = 0; k < LINES.length; k++) {
        if (LINES[k] == n) {
          MessageDigest copy = clone(sha);
          assertThat(HexFormat.of().formatHex(copy.digest()))
              .as("SHA-256 of the first %d lines", n)
              .isEqualTo(SHA256[k]);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  /** Every finite double reads back to itself, and has no exponent from 1e-6 up to 1e21. */
  @Property(tries = 20_000)
  void format_roundTrips_andIsPlainInTheMiddleRange(@ForAll double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return;
    }
    String s = EcmaNumbers.format(d);
    assertThat(Double.parseDouble(s)).isEqualTo(d == 0 ? 0.0 : d);
    double a = Math.abs(d);
    assertThat(s.contains("e")).isEqualTo(a != 0 && (a < 1e-6 || a >= 1e21));
  }

  private static MessageDigest clone(MessageDigest d) {
    try {
      return (MessageDigest) d.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /** numgen.go's generator, as IEEE bit patterns. */
  private static final class Generator {
    private int idx;
    private byte[] block = new byte[32];
    private ByteBuffer data = ByteBuffer.allocate(0);
    private final MessageDigest sha;

    Generator() throws NoSuchAlgorithmException {
      sha = MessageDigest.getInstance("SHA-256");
    }

    long nextBits() {
      long bits;
      if (idx < STATIC.length) {
        bits = STATIC[idx];
      } else if (idx < STATIC.length + SERIAL) {
        bits = 0x0010000000000000L + (idx - STATIC.length);
      } else {
        double f = 0;
        bits = 0;
        while (f == 0 || Double.isNaN(f) || Double.isInfinite(f)) {
          if (!data.hasRemaining()) {
            block = sha.digest(block);
            data = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
          }
          bits = data.getLong();
          f = Double.longBitsToDouble(bits);
        }
      }
      idx++;
      return bits;
    }
  }
}
