package org.umbrella.server.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * A server-side HMAC-SHA256 key for values the server hands out and must recognise later without
 * storing them (pre-session and trusted-device cookies). One 256-bit secret is kept in the {@code
 * server_setting} table (made on first use, the same for every process on the database); each
 * purpose signs under its own key derived from it, so a value signed for one purpose is worthless
 * for another. Thread-safe.
 */
public final class SigningKey {
  private static final String SETTING = "security.signing-key";
  private final byte[] key;

  private SigningKey(byte[] key) {
    this.key = key;
  }

  /** The key stored in {@code jdbi}'s database, made on first use. */
  public static SigningKey stored(Jdbi jdbi) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into server_setting (key, value) values (:k, :v) on conflict (key) do nothing")
                .bind("k", SETTING)
                .bind("v", Secrets.random(""))
                .execute());
    String value =
        jdbi.withHandle(
            h ->
                h.createQuery("select value from server_setting where key = :k")
                    .bind("k", SETTING)
                    .mapTo(String.class)
                    .one());
    return new SigningKey(Base64.getUrlDecoder().decode(value));
  }

  /** The key for {@code purpose}: values signed by one purpose never verify for another. */
  public SigningKey forPurpose(String purpose) {
    return new SigningKey(mac(key, purpose));
  }

  /** The base64url HMAC-SHA256 of {@code value}. */
  public String sign(String value) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, value));
  }

  /** Whether {@code signature} is the signature of {@code value} (constant time). */
  public boolean verifies(String value, String signature) {
    return signature != null
        && MessageDigest.isEqual(
            sign(value).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] mac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[hidden]";
  }
}
