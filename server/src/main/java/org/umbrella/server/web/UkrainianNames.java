package org.umbrella.server.web;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks a settlement's Ukrainian name from GeoNames' Cyrillic alternates, which mix Ukrainian,
 * Russian, Belarusian and Serbian spellings without saying which is which. The English name is
 * (mostly) a romanisation of the Ukrainian one, so the alternate that romanises back to it wins;
 * failing that, one with letters only Ukrainian has; failing that, the English name: the official
 * romanisation is better than guessing, which would often pick the Russian spelling.
 */
final class UkrainianNames {
  private UkrainianNames() {}

  /**
   * Ukraine's national romanisation (2010); {@link #INITIAL} where a word starts, and in older
   * spellings everywhere.
   */
  private static final Map<Character, String> LATIN =
      Map.ofEntries(
          Map.entry('а', "a"),
          Map.entry('б', "b"),
          Map.entry('в', "v"),
          Map.entry('г', "h"),
          Map.entry('ґ', "g"),
          Map.entry('д', "d"),
          Map.entry('е', "e"),
          Map.entry('є', "ie"),
          Map.entry('ж', "zh"),
          Map.entry('з', "z"),
          Map.entry('и', "y"),
          Map.entry('і', "i"),
          Map.entry('ї', "i"),
          Map.entry('й', "i"),
          Map.entry('к', "k"),
          Map.entry('л', "l"),
          Map.entry('м', "m"),
          Map.entry('н', "n"),
          Map.entry('о', "o"),
          Map.entry('п', "p"),
          Map.entry('р', "r"),
          Map.entry('с', "s"),
          Map.entry('т', "t"),
          Map.entry('у', "u"),
          Map.entry('ф', "f"),
          Map.entry('х', "kh"),
          Map.entry('ц', "ts"),
          Map.entry('ч', "ch"),
          Map.entry('ш', "sh"),
          Map.entry('щ', "shch"),
          Map.entry('ь', ""),
          Map.entry('ю', "iu"),
          Map.entry('я', "ia"));

  private static final Map<Character, String> INITIAL =
      Map.of('є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");
  private static final Pattern UKRAINIAN_ONLY = Pattern.compile("[іїєґІЇЄҐ'’ʼ]");

  /**
   * The Ukrainian name among {@code cyrillic} for the settlement GeoNames calls {@code english}.
   */
  static String choose(String english, List<String> cyrillic) {
    List<String> names =
        cyrillic.stream().map(UkrainianNames::withoutStress).filter(n -> !n.isBlank()).toList();
    String target = fold(english);
    List<String> matching =
        names.stream()
            .filter(
                n -> fold(latin(n, false)).equals(target) || fold(latin(n, true)).equals(target))
            .toList();
    // a Russian spelling can romanise the same (Купянск and Куп'янськ both give Kupiansk):
    // Ukrainian letters decide
    return matching.stream()
        .filter(n -> UKRAINIAN_ONLY.matcher(n).find())
        .findFirst()
        .or(() -> matching.stream().findFirst())
        .or(() -> names.stream().filter(n -> UKRAINIAN_ONLY.matcher(n).find()).findFirst())
        .or(() -> Optional.of(english))
        .get();
  }

  /**
   * {@code name} in Latin letters; {@code older} spells я, ю, є, ї, й as ya, yu, ye, yi, y
   * everywhere.
   */
  static String latin(String name, boolean older) {
    StringBuilder b = new StringBuilder();
    char prev = ' ';
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      String l = LATIN.get(c);
      if (l != null) {
        b.append(
            INITIAL.containsKey(c) && (older || !Character.isLetter(prev)) ? INITIAL.get(c) : l);
      } else if ("'’ʼ".indexOf(c) < 0) {
        b.append(c);
      }
      prev = "'’ʼ".indexOf(c) >= 0 ? 'x' : c;
    }
    return b.toString();
  }

  /** Lower case, no accents, apostrophes, hyphens or spaces. */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("['’ʼ`\\- ]", "");
  }

  /**
   * Drops stress marks (GeoNames writes "Караджи́") but keeps й and ї, which decompose into a
   * letter and a mark too.
   */
  static String withoutStress(String s) {
    return Normalizer.normalize(
            Normalizer.normalize(s, Normalizer.Form.NFD).replace("\u0301", ""), Normalizer.Form.NFC)
        .trim();
  }
}
