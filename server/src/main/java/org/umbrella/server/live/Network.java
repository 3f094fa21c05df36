package org.umbrella.server.live;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An IP network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address, which is a
 * /32 or /128), and the networks no webhook may reach unless a deployment allows them: the IANA
 * special-purpose and private ranges of IPv4 and IPv6 (loopback, unspecified, private, shared
 * address space, link-local with the cloud metadata address 169.254.169.254, documentation,
 * benchmarking, multicast, reserved; IPv6 unique-local, link-local, site-local, discard, NAT64 and
 * 6to4 prefixes are judged by the IPv4 address they carry).
 *
 * @param network the first address of the network
 * @param prefix the number of leading bits that must match
 */
public record Network(InetAddress network, int prefix) {
  public Network {
    Objects.requireNonNull(network, "network");
    int bits = network.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix must be 0 to " + bits + ", was " + prefix);
    }
  }

  /**
   * Parses {@code a.b.c.d/n}, {@code x:y::/n} or a single address literal.
   *
   * @throws IllegalArgumentException when it is not such a literal (host names are not resolved)
   */
  public static Network parse(String cidr) {
    String text = cidr.trim();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress a = literal(address);
    int bits = a.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a network in CIDR notation: " + cidr);
    }
    try {
      return new Network(a, prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a network in CIDR notation: " + cidr + " (" + e.getMessage() + ")");
    }
  }

  /** An IP address literal (dotted quad, or IPv6 with or without brackets); never a DNS lookup. */
  static InetAddress literal(String text) {
    String t =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 =
        t.matches(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException("not an IP address literal: " + text);
    }
    try {
      return InetAddress.getByName(t); // a literal: parsed, not resolved
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + text);
    }
  }

  /**
   * Whether {@code a} is in this network (an IPv4 address is never in an IPv6 network, nor the
   * reverse).
   */
  public boolean contains(InetAddress a) {
    byte[] x = a.getAddress();
    byte[] n = network.getAddress();
    if (x.length != n.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (x[i] != n[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (x[full] & mask) == (n[full] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }

  private static final List<Network> NOT_PUBLIC_V4 =
      List.of(
          parse("0.0.0.0/8"),
          parse("10.0.0.0/8"),
          parse("100.64.0.0/10"),
          parse("127.0.0.0/8"),
          parse("169.254.0.0/16"),
          parse("172.16.0.0/12"),
          parse("192.0.0.0/24"),
          parse("192.0.2.0/24"),
          parse("192.88.99.0/24"),
          parse("192.168.0.0/16"),
          parse("198.18.0.0/15"),
          parse("198.51.100.0/24"),
          parse("203.0.113.0/24"),
          parse("224.0.0.0/4"),
          parse("240.0.0.0/4"));

  private static final List<Network> NOT_PUBLIC_V6 =
      List.of(
          parse("::/96"),
          parse("64:ff9b:1::/48"),
          parse("100::/64"),
          parse("2001::/23"),
          parse("2001:db8::/32"),
          parse("3fff::/20"),
          parse("fc00::/7"),
          parse("fe80::/10"),
          parse("fec0::/10"),
          parse("ff00::/8"));

  private static final Network GLOBAL_UNICAST_V6 = parse("2000::/3");
  private static final Network NAT64 = parse("64:ff9b::/96");
  private static final Network SIX_TO_FOUR = parse("2002::/16");

  /**
   * Why {@code a} is not a public address, or null when it is. IPv6 addresses that carry an IPv4
   * address (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that address; Java
   * already turns IPv4-mapped {@code ::ffff:a.b.c.d} into the IPv4 address.
   */
  public static @Nullable String notPublic(InetAddress a) {
    if (a instanceof Inet4Address) {
      if (a.isLoopbackAddress()) {
        return "a loopback address";
      }
      if (a.isLinkLocalAddress()) {
        return "a link-local address (where cloud metadata services answer)";
      }
      if (a.isAnyLocalAddress()) {
        return "the unspecified address";
      }
      for (Network n : NOT_PUBLIC_V4) {
        if (n.contains(a)) {
          return "in " + n + ", a private or special-purpose network";
        }
      }
      return null;
    }
    if (a instanceof Inet6Address) {
      byte[] b = a.getAddress();
      if (NAT64.contains(a)) {
        return notPublic(v4(b, 12));
      }
      if (SIX_TO_FOUR.contains(a)) {
        return notPublic(v4(b, 2));
      }
      if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
        return "a loopback or unspecified address";
      }
      for (Network n : NOT_PUBLIC_V6) {
        if (n.contains(a)) {
          return "in " + n + ", a private or special-purpose network";
        }
      }
      return GLOBAL_UNICAST_V6.contains(a) ? null : "outside the global unicast range 2000::/3";
    }
    return "not an IP address";
  }

  private static InetAddress v4(byte[] b, int from) {
    try {
      return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
