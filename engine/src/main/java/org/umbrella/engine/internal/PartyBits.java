package org.umbrella.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.umbrella.agreement.model.ActorFilter;

/**
 * Parties as small numbers and the agreement's actor filters ({@code by:}) as bit sets over them,
 * so that an incident's party is looked up once and each definition's filter is one bit test
 * instead of string comparisons (docs/benchmarks.md, fourth round). Answers exactly as {@link
 * ActorFilter#admits}: a filter's bit for a party is that method's answer, computed once when the
 * party is first seen. Parties past the 64th distinct one, or past {@link #MAX_PARTIES}, are
 * answered by the filter itself. Not thread-safe.
 */
final class PartyBits {
  /**
   * Distinct parties numbered at most; a stream of ever new party names does not grow this without
   * bound.
   */
  static final int MAX_PARTIES = 1024;

  /** A party not numbered: {@link #admits} asks the filter. */
  static final int UNNUMBERED = -1;

  private final List<ActorFilter> filters = new ArrayList<>();
  private long[] masks = new long[0];
  private final HashMap<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  /**
   * The last few party strings seen, by reference: a stream's parties are usually a few shared
   * strings.
   */
  private final String[] recent = new String[4];

  private final int[] recentId = new int[4];
  private int nextRecent;

  /** Registers {@code filter}; the number to pass to {@link #admits}. */
  int filter(ActorFilter filter) {
    int k = filters.size();
    filters.add(filter);
    masks = Arrays.copyOf(masks, k + 1);
    for (int p = 0; p < Math.min(64, names.size()); p++) {
      if (filter.admits(names.get(p))) {
        masks[k] |= 1L << p;
      }
    }
    return k;
  }

  /** The number of {@code party}, or {@link #UNNUMBERED}. */
  // identity first: the caller hands the same String instance record after record, and the map
  // lookup
  // below (equals) catches every other instance
  @SuppressWarnings("ReferenceEquality")
  int id(String party) {
    for (int i = 0; i < recent.length; i++) {
      if (recent[i] == party) {
        return recentId[i];
      }
    }
    Integer known = ids.get(party);
    int id;
    if (known != null) {
      id = known;
    } else if (names.size() < MAX_PARTIES) {
      id = names.size();
      names.add(party);
      ids.put(party, id);
      if (id < 64) {
        for (int k = 0; k < filters.size(); k++) {
          if (filters.get(k).admits(party)) {
            masks[k] |= 1L << id;
          }
        }
      }
    } else {
      return UNNUMBERED;
    }
    recent[nextRecent] = party;
    recentId[nextRecent] = id;
    nextRecent = (nextRecent + 1) & (recent.length - 1);
    return id;
  }

  /** Whether filter {@code filter} admits party {@code id} (its number), named {@code party}. */
  boolean admits(int filter, int id, String party) {
    return (id >= 0 && id < 64)
        ? ((masks[filter] >>> id) & 1L) != 0
        : filters.get(filter).admits(party);
  }
}
