package org.umbrella.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the valid names closest to a misspelt one by Damerau-Levenshtein distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Up to three candidates within a distance of a third of the word's length (at least 1, at most
   * 3), ignoring case, closest first, ties in the candidates' order.
   */
  public static List<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, w.length() / 3));
    record Scored(String candidate, int distance, int order) {}
    List<Scored> scored = new ArrayList<>();
    int order = 0;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d <= limit && !c.equals(word)) {
        scored.add(new Scored(c, d, order));
      }
      order++;
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
    return scored.stream().limit(3).map(Scored::candidate).toList();
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
