package org.umbrella.server.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The pages' words in the reader's language: English or Ukrainian, from the resource bundles
 * {@code web/i18n/messages*.properties} (UTF-8). The language is the one chosen with the switcher
 * ({@code ?lang=}, kept in a cookie), else the browser's {@code Accept-Language}, else English. A
 * key a bundle lacks falls back to English, so a page never shows a key.
 */
public record Messages(Locale locale, ResourceBundle bundle) {
  /** The languages offered, in the switcher's order. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"));
  static final String COOKIE = "umbrella_lang";

  /** The language for {@code ctx}; a {@code ?lang=} choice is remembered in a cookie. */
  public static Messages of(Context ctx) {
    Optional<Locale> chosen = supported(ctx.queryParam("lang"));
    chosen.ifPresent(l -> ctx.res().addHeader("Set-Cookie", COOKIE + "=" + l.getLanguage()
        + "; Path=/; Max-Age=31536000; SameSite=Lax"));
    Locale locale = chosen.or(() -> supported(ctx.cookie(COOKIE))).or(() -> fromAcceptLanguage(ctx.header("Accept-Language")))
        .orElse(Locale.ENGLISH);
    return forLocale(locale);
  }

  public static Messages forLocale(Locale locale) {
    return new Messages(locale, ResourceBundle.getBundle("web.i18n.messages", locale, Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  static Optional<Locale> supported(String tag) {
    if (tag == null || tag.length() > 20) {
      return Optional.empty();
    }
    String lang = Locale.forLanguageTag(tag.trim()).getLanguage();
    return LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst();
  }

  /** The first supported language of an {@code Accept-Language} header, by its weights. */
  static Optional<Locale> fromAcceptLanguage(String header) {
    if (header == null || header.length() > 500) {
      return Optional.empty();
    }
    try {
      return Locale.LanguageRange.parse(header).stream()
          .map(r -> supported(r.getRange().equals("*") ? null : r.getRange()))
          .flatMap(Optional::stream).findFirst();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The text for {@code key}. */
  public String t(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return forLocale(Locale.ENGLISH).bundle().getString(key);
    }
  }

  /** The language tag for {@code <html lang>}. */
  public String lang() {
    return locale.getLanguage();
  }
}
