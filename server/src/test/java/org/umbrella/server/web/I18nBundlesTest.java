package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two bundles agree: every key of one is in the other, each Ukrainian text with words is
 * written in Cyrillic (not left in English) and takes the same placeholders, and every key the
 * templates, the page code and the browser script use exists. So the English fallback of {@link
 * Messages#t} is never what a Ukrainian reader sees.
 */
class I18nBundlesTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("/web/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)[,}]");

  static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * The English text quotes the workflow's (English) reason as {0}; the Ukrainian says it in a
   * sentence of its own.
   */
  static final Set<String> OWN_SENTENCE = Set.of("err.time.future", "err.time.old");

  @Test
  void bothBundles_haveTheSameKeys_andUkrainianTextsAreCyrillicWithTheSamePlaceholders()
      throws IOException {
    Properties en = load("messages.properties");
    Properties uk = load("messages_uk.properties");
    assertThat(uk.stringPropertyNames())
        .as("keys only in English")
        .containsAll(en.stringPropertyNames());
    assertThat(en.stringPropertyNames())
        .as("keys only in Ukrainian")
        .containsAll(uk.stringPropertyNames());
    assertThat(en.size()).isGreaterThan(400);
    for (String key : en.stringPropertyNames()) {
      String e = en.getProperty(key);
      String u = uk.getProperty(key);
      assertThat(u).as(key).isNotBlank();
      if (!OWN_SENTENCE.contains(key)) {
        assertThat(placeholders(u)).as("placeholders of " + key).isEqualTo(placeholders(e));
      }
      if (PLACEHOLDER.matcher(u).replaceAll("").chars().anyMatch(Character::isLetter)) {
        assertThat(
                u.chars()
                    .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC))
            .as("Ukrainian text of %s is in Cyrillic: %s", key, u)
            .isTrue();
      }
    }
  }

  /**
   * Keys named literally in templates, page code and script ({@code t("…")}, {@code f("…"}, {@code
   * w('…'}).
   */
  static final Pattern USED =
      Pattern.compile("(?:\\bt|\\bf|\\bw)\\([\"']([a-z][a-zA-Z0-9./-]*[a-zA-Z0-9/])[\"']");

  @Test
  void everyKeyTheCodeNames_existsInTheBundles() throws IOException {
    Properties en = load("messages.properties");
    Set<String> used = new TreeSet<>();
    for (Path dir :
        java.util.List.of(
            Path.of("src/main/jte"),
            Path.of("src/main/java/org/umbrella/server/web"),
            Path.of("src/main/resources/web/static"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Matcher m = USED.matcher(Files.readString(f));
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(300);
    assertThat(en.stringPropertyNames()).containsAll(used);
  }

  @Test
  void codesOfTheVocabularies_allHaveLabels() throws IOException {
    Properties uk = load("messages_uk.properties");
    org.umbrella.server.ops.ReportVocabulary.INCIDENT_KINDS.forEach(
        k -> assertThat(uk).containsKey("kind." + k));
    org.umbrella.server.ops.ReportVocabulary.REVIEW_STATUSES.forEach(
        k -> assertThat(uk).containsKey("status." + k));
    org.umbrella.server.ops.ReportVocabulary.TIME_PRECISIONS.forEach(
        k -> assertThat(uk).containsKey("precision." + k));
    org.umbrella.server.ops.ReportVocabulary.PLACE_PRECISIONS.forEach(
        k -> assertThat(uk).containsKey("precision." + k));
    for (org.umbrella.server.access.Role r : org.umbrella.server.access.Role.values()) {
      assertThat(uk).containsKey("role." + r.slug());
    }
    Gazetteer.shipped().settlements().stream()
        .map(Gazetteer.Settlement::region)
        .filter(r -> !r.isEmpty())
        .distinct()
        .forEach(r -> assertThat(uk).as(r).containsKey("region." + r.replace(' ', '_')));
  }

  @Test
  void datesNumbersAndPlaces_areLocalised() {
    Messages uk = Messages.forLocale(Locale.forLanguageTag("uk"));
    Messages en = Messages.english();
    Instant t = Instant.parse("2026-11-28T19:30:00Z");
    assertThat(en.date(t)).isEqualTo("28 Nov 2026, 19:30 UTC");
    assertThat(uk.date(t)).startsWith("28 лист. 2026").endsWith("19:30 UTC");
    assertThat(uk.longDay(java.time.LocalDate.of(2026, 11, 28))).startsWith("28 листопада 2026");
    assertThat(en.num(1234567)).isEqualTo("1,234,567");
    assertThat(uk.num(1234567)).matches("1\\h234\\h567");
    assertThat(uk.f("review.count", 1, 100, 1050)).matches(".*з 1\\h050 .*");
    assertThat(uk.countdown(t, t.plus(Duration.ofHours(28)))).isEqualTo("залишилося 1 дн 4 год");
    assertThat(uk.countdown(t, t.minus(Duration.ofMinutes(125))))
        .isEqualTo("прострочено на 2 год 05 хв");
    assertThat(en.countdown(t, t.minus(Duration.ofMinutes(125))))
        .isEqualTo("overdue by 2 h 05 min");
    assertThat(uk.place(48.29986, 38.01709)).isEqualTo("у н. п. Горлівка");
    assertThat(en.place(48.29986, 38.01709)).isEqualTo("in Horlivka");
    assertThat(uk.place(48.28, 38.04)).matches("\\d+ км на південний схід від н\\. п\\. Горлівка");
    assertThat(uk.region("Donetska Oblast")).isEqualTo("Донецька область");
    // an apostrophe inside a Ukrainian word is a letter, not MessageFormat's quote
    assertThat(en.f("finding.server-clock", "x")).isEqualTo("(on the server's clock at x).");
    assertThat(en.f("finding.confirms-needed", 1))
        .isEqualTo("1 more confirm vote would confirm it.");
    assertThat(en.f("finding.confirms-needed", 1200))
        .isEqualTo("1,200 more confirm votes would confirm it.");
    assertThat(uk.f("admin.new-password-for", "ada")).isEqualTo("Новий пароль для ada");
    assertThat(uk.t("nav./obligations")).isEqualTo("Зобов’язання");
  }

  @Test
  void ukrainianNames_areChosenFromTheCyrillicAlternates() {
    assertThat(
            UkrainianNames.choose("Slovyansk", java.util.List.of("Славянск", "Слов'янськ", "Тор")))
        .isEqualTo("Слов'янськ");
    assertThat(UkrainianNames.choose("Kupiansk", java.util.List.of("Купянск", "Куп’янськ")))
        .isEqualTo("Куп’янськ");
    assertThat(UkrainianNames.choose("Olenevka", java.util.List.of("Караджи́", "Оленевка")))
        .isEqualTo("Оленевка");
    // only a Russian spelling: the Latin name (the official romanisation) rather than the Russian
    // one
    assertThat(UkrainianNames.choose("Yampil", java.util.List.of("Ямполь"))).isEqualTo("Yampil");
    assertThat(UkrainianNames.choose("Mirnoye", java.util.List.of("Мирное"))).isEqualTo("Mirnoye");
    long cyrillic =
        Gazetteer.shipped().settlements().stream()
            .filter(
                s ->
                    s.nameUk()
                        .chars()
                        .anyMatch(
                            c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC))
            .count();
    assertThat(cyrillic).isGreaterThan(Gazetteer.shipped().size() * 3L / 4);
  }
}
