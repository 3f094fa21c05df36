package org.umbrella.server.live;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.umbrella.server.app.DomainError;

/**
 * Which URLs a webhook may be sent to: http(s) URLs without user information whose host is a DNS
 * name or a canonical IP address literal, and all of whose addresses are public, or in a network
 * (or a host name) the deployment allows ({@code --webhook-allow}). Checked when a webhook is
 * registered and again at every delivery, on the addresses the connection then uses (so that a name
 * that resolved to a public address at registration and to an internal one later, DNS rebinding, is
 * refused; see {@link #addresses}).
 *
 * <p>Refused whatever they resolve to: numeric hosts in any form but a dotted quad ({@code
 * 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1}), single-label names ({@code
 * metadata}, {@code intranet}) and special-use names ({@code localhost}, {@code *.localhost},
 * {@code *.local}, {@code *.internal}, {@code *.home.arpa}, {@code *.localdomain}), unless allowed
 * by name.
 */
public final class WebhookTargets {
  /** Resolves a host name to its addresses (the system resolver, or a test's). */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver. */
    Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));
  }

  /** A target that the rules refuse; its message says why, without the addresses it resolved to. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String why) {
      super(why, null, false, false);
    }
  }

  private static final List<String> SPECIAL_SUFFIXES =
      List.of(".localhost", ".local", ".internal", ".home.arpa", ".localdomain");

  private final List<Network> allowedNetworks;
  private final Set<String> allowedNames;
  private final Resolver resolver;

  /**
   * @param allow networks ({@code 10.0.0.0/8}, {@code 127.0.0.1}) and host names the deployment
   *     allows beyond the public internet; an allowed name skips the rules on names, not those on
   *     addresses (allow its network too when it is internal)
   * @throws IllegalArgumentException for an entry that is neither
   */
  public WebhookTargets(List<String> allow, Resolver resolver) {
    this.allowedNetworks =
        allow.stream().filter(WebhookTargets::isNetwork).map(Network::parse).toList();
    this.allowedNames =
        Set.copyOf(
            allow.stream()
                .filter(a -> !isNetwork(a))
                .map(a -> a.toLowerCase(Locale.ROOT))
                .toList());
    this.resolver = resolver;
  }

  /** Targets on the public internet only, resolved by the system. */
  public static WebhookTargets publicOnly() {
    return new WebhookTargets(List.of(), Resolver.SYSTEM);
  }

  /**
   * Whether an allow-list entry names a network rather than a host: it has a prefix, a colon, or
   * only digits and dots (then it must parse as one: {@code 10.0.0.0/33} is an error, not a name).
   */
  private static boolean isNetwork(String entry) {
    if (entry.contains("/") || entry.contains(":") || entry.matches("[0-9.]+")) {
      Network.parse(entry);
      return true;
    }
    if (!entry.matches(
        "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
      throw new IllegalArgumentException("not a network (CIDR) nor a host name: " + entry);
    }
    return false;
  }

  /**
   * Checks {@code url} for registration: its form, and the addresses its host resolves to now.
   *
   * @throws DomainError 400 naming {@code /url}
   */
  public URI check(String url) {
    try {
      URI uri = parse(url);
      addresses(uri.getHost());
      return uri;
    } catch (Refused e) {
      throw new DomainError.Invalid("/url", "url " + e.getMessage());
    }
  }

  /**
   * The form of a webhook URL: absolute http or https, a host, no user information, a port in
   * range, at most 2,000 characters.
   */
  static URI parse(String url) throws Refused {
    if (url == null || url.isBlank() || url.length() > 2000) {
      throw new Refused("must be an absolute http or https URL of at most 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("must be an absolute http or https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("must be an absolute http or https URL");
    }
    if (uri.getRawUserInfo() != null
        || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      throw new Refused(
          "must not carry a user name or password (put credentials in the secret, which signs every delivery)");
    }
    if (uri.getHost() == null) {
      throw new Refused("must name a host (a DNS name or an IP address)");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65_535) {
      throw new Refused("must have a port from 1 to 65535");
    }
    return uri;
  }

  /**
   * The addresses a connection to {@code host} may use: all it resolves to, each public or allowed.
   * Called at registration and, through the delivery client's resolver, for every connection, so
   * the address connected to is the one checked.
   *
   * @throws Refused for a host the rules refuse, one that does not resolve, or one with any address
   *     that is neither public nor allowed
   */
  public List<InetAddress> addresses(String rawHost) throws Refused {
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    List<InetAddress> found;
    if (host.startsWith("[") || host.contains(":")) {
      found = List.of(literal(host));
    } else if (looksNumeric(host)) {
      if (!host.matches(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
        throw new Refused(
            "has a numeric host that is not a dotted-quad address (a.b.c.d in decimal): "
                + clip(rawHost));
      }
      found = List.of(literal(host));
    } else {
      if (!allowedNames.contains(host)) {
        if (!host.contains(".")) {
          throw new Refused(
              "must name a host by its fully qualified name, not a single-label name such as '"
                  + clip(rawHost)
                  + "'");
        }
        if (host.equals("localhost") || SPECIAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
          throw new Refused(
              "names a special-use host ("
                  + clip(rawHost)
                  + ") that is never on the public internet");
        }
      }
      try {
        found = resolver.resolve(host);
      } catch (UnknownHostException | SecurityException e) {
        throw new Refused("has a host that does not resolve: " + clip(rawHost));
      }
      if (found.isEmpty()) {
        throw new Refused("has a host that does not resolve: " + clip(rawHost));
      }
    }
    for (InetAddress a : found) {
      String why = Network.notPublic(a);
      if (why != null && allowedNetworks.stream().noneMatch(n -> n.contains(a))) {
        throw new Refused(
            "reaches an address that is not public ("
                + why
                + "); webhooks go to public addresses,"
                + " or to networks the deployment allows with --webhook-allow");
      }
    }
    return found;
  }

  private static InetAddress literal(String host) throws Refused {
    try {
      return Network.literal(host);
    } catch (IllegalArgumentException e) {
      throw new Refused("has a host that is not a valid IP address: " + clip(host));
    }
  }

  /** Whether every label is a number in decimal, octal or hex: a spelling of an IPv4 address. */
  private static boolean looksNumeric(String host) {
    return Arrays.stream(host.split("\\.", -1)).allMatch(l -> l.matches("0x[0-9a-f]*|[0-9]+"));
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
