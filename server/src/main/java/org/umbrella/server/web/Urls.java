package org.umbrella.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids in URLs: engine ids contain '/' (kept: routes take them whole) and '#' (encoded). */
public final class Urls {
  private Urls() {}

  /** {@code id} percent-encoded for a path, slashes kept. */
  public static String id(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }
}
