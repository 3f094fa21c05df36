package org.umbrella.server.access;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a request authenticated with, kept by whatever outlives the request (an open event stream)
 * so that it can ask again, later, whether the credential still holds: a session can end, a token
 * be revoked or expire, an account be disabled.
 */
public sealed interface Credential {

  /** A key naming this credential, the same wherever it is revoked and wherever it is held. */
  String key();

  /** When the credential stops holding by itself, if it does. */
  Optional<Instant> expires();

  /** No credential: the public. */
  record None() implements Credential {
    @Override
    public String key() {
      return "none";
    }

    @Override
    public Optional<Instant> expires() {
      return Optional.empty();
    }
  }

  /**
   * A browser session, named by the hash of its id (the id itself is the client's secret).
   *
   * @param sessionId the cookie value (kept in memory only, to look the session up again)
   */
  record Session(String sessionId, Instant expiresAt) implements Credential {
    @Override
    public String key() {
      return sessionKey(sessionId);
    }

    @Override
    public Optional<Instant> expires() {
      return Optional.of(expiresAt);
    }

    @Override
    public String toString() {
      return "Session[" + key() + "]"; // never the id
    }
  }

  /** An API token, named by its row id. */
  record Token(long tokenId, Optional<Instant> expiresAt) implements Credential {
    @Override
    public String key() {
      return tokenKey(tokenId);
    }

    @Override
    public Optional<Instant> expires() {
      return expiresAt;
    }
  }

  /** The public's credential. */
  Credential NONE = new None();

  /** The key of the session whose cookie value is {@code sessionId}. */
  static String sessionKey(String sessionId) {
    return "session:" + HexFormat.of().formatHex(Secrets.hash(sessionId));
  }

  /** The key of the API token with row id {@code tokenId}. */
  static String tokenKey(long tokenId) {
    return "token:" + tokenId;
  }
}
