package org.umbrella.server.web;

import io.javalin.http.Context;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The pages' words in the reader's language: English or Ukrainian, from the resource bundles {@code
 * web/i18n/messages*.properties} (UTF-8). The language is the one chosen with the switcher ({@code
 * ?lang=}, kept in a cookie), else the browser's {@code Accept-Language}, else English. A key a
 * bundle lacks falls back to English, so a page never shows a key; {@code I18nBundlesTest} keeps
 * the bundles complete so that the fallback is never needed.
 */
public record Messages(Locale locale, ResourceBundle bundle) {
  /** The languages offered, in the switcher's order. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"));

  static final String COOKIE = "umbrella_lang";

  /** English dates keep the project's compact form; other languages use their own medium style. */
  private static final DateTimeFormatter EN_DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The language for {@code ctx}; a {@code ?lang=} choice is remembered in a cookie. */
  public static Messages of(Context ctx) {
    Optional<Locale> chosen = supported(ctx.queryParam("lang"));
    chosen.ifPresent(
        l ->
            ctx.res()
                .addHeader(
                    "Set-Cookie",
                    COOKIE + "=" + l.getLanguage() + "; Path=/; Max-Age=31536000; SameSite=Lax"));
    Locale locale =
        chosen
            .or(() -> supported(ctx.cookie(COOKIE)))
            .or(() -> fromAcceptLanguage(ctx.header("Accept-Language")))
            .orElse(Locale.ENGLISH);
    return forLocale(locale);
  }

  public static Messages forLocale(Locale locale) {
    return new Messages(
        locale,
        ResourceBundle.getBundle(
            "web.i18n.messages",
            locale,
            Messages.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** English, for code that renders without a request (tests, exports). */
  public static Messages english() {
    return forLocale(Locale.ENGLISH);
  }

  static Optional<Locale> supported(@Nullable String tag) {
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
          .flatMap(Optional::stream)
          .findFirst();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The text for {@code key}. */
  public String t(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return english().bundle().getString(key);
    }
  }

  /**
   * The text for {@code key} with its {@code {0}}, {@code {1}}… filled in; numbers among {@code
   * args} are formatted for the language ("1 234" in Ukrainian, "1,234" in English). Apostrophes in
   * the text are letters (Ukrainian has them inside words), never quoting.
   */
  public String f(String key, Object... args) {
    return new MessageFormat(t(key).replace("'", "''"), locale).format(args);
  }

  /**
   * A code's label ({@code group.code}: a kind, a status, a role), or the code in words when the
   * bundle has none: codes come from agreements too, which may add their own.
   */
  public String code(String group, String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    String key = group + "." + code;
    if (bundle.containsKey(key)) {
      return bundle.getString(key);
    }
    ResourceBundle en = english().bundle();
    return en.containsKey(key) ? en.getString(key) : code.replace('_', ' ').replace('-', ' ');
  }

  /** A whole number for the language. */
  public String num(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** {@code t} to the minute in UTC: "28 Nov 2026, 19:30 UTC", "28 лист. 2026 р., 19:30 UTC". */
  public String date(Instant t) {
    return day(t) + ", " + CLOCK.format(t) + " UTC";
  }

  /** The UTC day of {@code t}. */
  public String day(Instant t) {
    if (locale.getLanguage().equals("en")) {
      return EN_DAY.format(t);
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withZone(ZoneOffset.UTC)
        .format(t);
  }

  /**
   * A day given as {@code YYYY-MM-DD}, in the language's long form ("28 November 2026", "28
   * листопада 2026 р.").
   */
  public String longDay(LocalDate d) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
  }

  /**
   * A duration in days and hours, or hours and minutes: "3 d 4 h", "2 h 05 min" ("3 дн 4 год", "2
   * год 05 хв").
   */
  public String span(Duration d) {
    Duration a = d.isNegative() ? d.negated() : d;
    if (a.toDays() > 0) {
      return a.toDays() + " " + t("unit.d") + " " + a.toHoursPart() + " " + t("unit.h");
    }
    return a.toHours()
        + " "
        + t("unit.h")
        + " "
        + String.format(Locale.ROOT, "%02d", a.toMinutesPart())
        + " "
        + t("unit.min");
  }

  /** How long ago {@code then} was at {@code now} (never negative). */
  public String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return span(d.isNegative() ? Duration.ZERO : d);
  }

  /** {@code due} seen from {@code now}: "1 d 4 h left", "overdue by 2 h 05 min". */
  public String countdown(Instant now, Instant due) {
    Duration d = Duration.between(now, due);
    return d.isNegative() ? f("countdown.overdue", span(d)) : f("countdown.left", span(d));
  }

  /** Where a point is, from the nearest shipped settlement, in this language. */
  public String place(double lat, double lon) {
    return Gazetteer.shipped()
        .nearest(lat, lon)
        .map(this::place)
        .orElse(String.format(Locale.ROOT, "%.4f, %.4f", lat, lon));
  }

  /** {@code p} in words: "2 km SE of Horlivka", "2 км на південний схід від н. п. Горлівка". */
  public String place(Gazetteer.Place p) {
    String name =
        locale.getLanguage().equals("uk") ? p.settlement().nameUk() : p.settlement().name();
    if (p.km() < 0.5) {
      return f("place.in", name);
    }
    return f("place.from", Math.round(p.km()), t("compass." + p.direction()), name);
  }

  /** A region (a GeoNames first-level division) in this language. */
  public String region(String region) {
    return region == null || region.isEmpty() || region.equals("unknown")
        ? t("region.unknown")
        : code("region", region.replace(' ', '_'));
  }

  /** The language tag for {@code <html lang>}. */
  public String lang() {
    return locale.getLanguage();
  }

  private static final List<String> SCRIPT_PREFIXES =
      List.of("js.", "unit.", "countdown.", "kind.", "status.", "map.count.");

  /** The words the browser's script shows (countdowns, the map's count, the picker), as JSON. */
  public String scriptWords() {
    StringBuilder json = new StringBuilder("{");
    english().bundle().keySet().stream()
        .filter(k -> SCRIPT_PREFIXES.stream().anyMatch(k::startsWith))
        .sorted()
        .forEach(
            k -> {
              if (json.length() > 1) {
                json.append(',');
              }
              json.append(quote(k)).append(':').append(quote(t(k)));
            });
    return json.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default ->
            b.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}
