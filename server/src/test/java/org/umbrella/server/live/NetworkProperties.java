package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Network#contains} against the plain model of a prefix (the first {@code prefix} bits of
 * two addresses, as numbers, are equal), for IPv4 and IPv6; and {@link Network#notPublic} on the
 * edges of every range it refuses and on well-known public addresses.
 */
class NetworkProperties {

  @Property
  void containsIsAPrefixMatch_ipv4(
      @ForAll @Size(4) byte[] net,
      @ForAll @Size(4) byte[] other,
      @ForAll @IntRange(max = 32) int prefix)
      throws UnknownHostException {
    assertThat(
            new Network(InetAddress.getByAddress(net), prefix)
                .contains(InetAddress.getByAddress(other)))
        .isEqualTo(samePrefix(net, other, prefix, 32));
  }

  @Property
  void containsIsAPrefixMatch_ipv6(
      @ForAll @Size(16) byte[] net,
      @ForAll @Size(16) byte[] other,
      @ForAll @IntRange(max = 128) int prefix)
      throws UnknownHostException {
    InetAddress a = InetAddress.getByAddress(net);
    InetAddress b = InetAddress.getByAddress(other);
    if (a.getAddress().length == 16
        && b.getAddress().length == 16) { // not turned into IPv4 by Java
      assertThat(new Network(a, prefix).contains(b)).isEqualTo(samePrefix(net, other, prefix, 128));
    }
  }

  @Property
  void anAddressIsInItsOwnNetwork_andNeverInTheOtherFamilys(
      @ForAll @Size(4) byte[] v4, @ForAll @IntRange(max = 32) int prefix)
      throws UnknownHostException {
    InetAddress a = InetAddress.getByAddress(v4);
    assertThat(new Network(a, prefix).contains(a)).isTrue();
    assertThat(Network.parse("::/0").contains(a)).isFalse();
  }

  static boolean samePrefix(byte[] a, byte[] b, int prefix, int bits) {
    BigInteger x = new BigInteger(1, a).shiftRight(bits - prefix);
    BigInteger y = new BigInteger(1, b).shiftRight(bits - prefix);
    return x.equals(y);
  }

  @Example
  void publicAddresses_arePublic_andEveryRefusedRangeIsRefusedAtBothEdges()
      throws UnknownHostException {
    for (String ok :
        List.of(
            "8.8.8.8",
            "1.1.1.1",
            "93.184.216.34",
            "2606:4700:4700::1111",
            "2a00:1450:4001:82a::200e",
            "100.63.255.255",
            "100.128.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.167.255.255",
            "192.169.0.0",
            "223.255.255.255")) {
      assertThat(Network.notPublic(InetAddress.getByName(ok))).as(ok).isNull();
    }
    for (String no :
        List.of(
            "0.0.0.0",
            "0.255.255.255",
            "10.0.0.0",
            "10.255.255.255",
            "100.64.0.0",
            "100.127.255.255",
            "127.0.0.1",
            "127.255.255.255",
            "169.254.169.254",
            "172.16.0.0",
            "172.31.255.255",
            "192.0.0.1",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.0.0",
            "192.168.255.255",
            "198.18.0.0",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.255",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b:1::1",
            "2002:c0a8:0101::1",
            "2001:db8::1",
            "2001::1",
            "100::1",
            "fc00::1",
            "fdff:ffff::1",
            "fe80::1",
            "febf::1",
            "fec0::1",
            "ff02::1",
            "3fff::1",
            "4000::1",
            "::2")) {
      assertThat(Network.notPublic(InetAddress.getByName(no))).as(no).isNotNull();
    }
    // an IPv6 address carrying a public IPv4 address is judged by it
    assertThat(Network.notPublic(InetAddress.getByName("64:ff9b::808:808"))).isNull();
    assertThat(Network.notPublic(InetAddress.getByName("2002:808:808::1"))).isNull();
  }
}
