package org.umbrella.engine.internal;

import org.jspecify.annotations.Nullable;

/**
 * The revision index of rule 2: incidents that raised a finding, by incident id, forgotten in the
 * order first inserted once their event time falls behind a limit.
 *
 * <p>Semantically a {@code LinkedHashMap<String, Integer>} in insertion order (a later {@link #put}
 * of a present key replaces its value and time but keeps its place) whose eldest entries are
 * dropped by {@link #evictBefore} while their time is before the limit. Built for the engine's hot
 * path, where almost every lookup is of a new incident and misses, and where the table is too large
 * for the core's cache, so that what counts is how many cache lines an operation touches:
 *
 * <ul>
 *   <li>Lookup: a blocked Bloom filter of the keys (half a byte a slot, one long read per lookup)
 *       rules out about 19 misses in 20; past it, open addressing with linear probing over one
 *       array of longs per slot, each the key's full hash (its fingerprint) and its place in the
 *       eviction ring, and a key is compared only when its whole hash matches. The table holds
 *       nothing else: 8 bytes a slot.
 *   <li>The keys, values and times live in the eviction ring, in insertion order, written one after
 *       the other: a new entry writes one line of the table (its slot's long) and appends to the
 *       ring, whose lines are written in sequence (and so are in cache).
 *   <li>Eviction: the ring is read in order; the eviction check reads one long, and removing an
 *       entry marks its slot deleted (a tombstone) with one write, without probing or moving
 *       neighbours.
 *   <li>Tombstones are cleared by rebuilding the table once live entries and tombstones together
 *       fill half of it; the new capacity keeps live entries at most a quarter full, so rebuilds
 *       are amortised over at least as many removals as there are live entries.
 * </ul>
 *
 * <p>Public only so that the benchmark's hand-written loop can use the same index (a fair
 * comparison, docs/benchmarks.md); not API. Not thread-safe.
 *
 * <p>Values are ints (the engine's rows of findings, docs/benchmarks.md), and keys of up to 15
 * Latin-1 characters are kept packed in two longs ({@link PackedIds}): no object per entry, so
 * nothing the index remembers is copied by the young collector.
 */
public final class RevisionIndex {
  /** What {@link #get} returns for an absent key. */
  public static final int ABSENT = -1;

  /** A slot never used since the last rebuild: it ends a probe. */
  private static final long EMPTY = 0;

  /** A slot whose entry was evicted (a tombstone): a probe goes on past it. */
  private static final long DELETED = -1;

  private static final int MIN_CAPACITY = 1 << 10;

  /**
   * Per slot: {@link #EMPTY}, {@link #DELETED}, or the key's hash in the high 32 bits and its
   * position in the ring plus one in the low 32 (never 0, never all ones: the ring is below 2^31).
   */
  private long[] slots;

  /**
   * A blocked Bloom filter of the keys in the table (tombstones' included, until a rebuild): four
   * bits per slot, two of them set per key in one long. A miss that the filter rules out reads
   * nothing else; the table ({@link #slots}) is larger than the core's cache, the filter an eighth
   * of it. It holds at most half as many keys as the table has slots, so that about one miss in 20
   * gets past it (a bitmap of used slots, before, let a quarter to half of them through).
   */
  private long[] filter;

  private int shift;
  private int size;
  private int deleted;

  /**
   * Insertion order: event time, slot, key and value of each entry, by sequence number modulo the
   * ring size.
   */
  private long[] ringTimes;

  private int[] ringSlots;

  /**
   * Keys packed as two longs ({@link PackedIds}); the string itself only for a key that does not
   * fit, else null.
   */
  private long[] ringLow;

  private long[] ringHigh;
  private String[] ringKeys;
  private int[] ringValues;
  private long headSeq;
  private long tailSeq;

  public RevisionIndex() {
    allocate(MIN_CAPACITY);
    ringTimes = new long[MIN_CAPACITY];
    ringSlots = new int[MIN_CAPACITY];
    ringLow = new long[MIN_CAPACITY];
    ringHigh = new long[MIN_CAPACITY];
    ringKeys = new String[MIN_CAPACITY];
    ringValues = new int[MIN_CAPACITY];
  }

  int size() {
    return size;
  }

  /**
   * Starts a lookup of {@code key}: whether the filter rules it out (then 0), to pass to {@link
   * #get(String, byte)} later. Most lookups miss, and nearly all of them end here without touching
   * the table, which is larger than the core's cache; reading the filter early, with nothing
   * depending on it yet, overlaps what cache miss remains with the caller's work.
   */
  public byte homeTag(String key) {
    int h = key.hashCode();
    long bits = filterBits(h);
    return (filter[filterWord(h)] & bits) == bits ? (byte) 1 : (byte) 0;
  }

  /** The filter's two bits for a key's hash: from a second mix of it, independent of its home. */
  private static long filterBits(int h) {
    int g = h * 0x85EBCA6B;
    g ^= g >>> 13;
    g *= 0xC2B2AE35;
    g ^= g >>> 16;
    return (1L << g) | (1L << (g >>> 6)); // shifts take the low six bits of each
  }

  /** The filter's long for a key's hash: the one covering its home slot's block of 16. */
  private int filterWord(int h) {
    return home(h) >>> 4;
  }

  /**
   * The value for {@code key}, or null; {@code homeTag} is what {@link #homeTag} returned for it,
   * with the index unchanged since (0 when the home slot is empty: a certain miss).
   */
  public int get(String key, byte homeTag) {
    return homeTag == 0 ? ABSENT : get(key);
  }

  /** The time last put for {@code key}, which must be present. */
  long timeOf(String key) {
    return ringTimes[ringPosition(slots[slotOf(key)])];
  }

  private static int ringPosition(long slot) {
    return (int) slot - 1;
  }

  /** The slot holding {@code key}, or -1. */
  private int slotOf(String key) {
    int h = key.hashCode();
    long high = PackedIds.high(key);
    long low = PackedIds.low(key);
    int mask = slots.length - 1;
    for (int i = home(h); ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == EMPTY) {
        return -1;
      }
      if (s != DELETED && (int) (s >>> 32) == h && sameKey(ringPosition(s), key, low, high)) {
        return i;
      }
    }
  }

  private boolean sameKey(int r, String key, long low, long high) {
    return ringHigh[r] == high
        && ringLow[r] == low
        && (high != PackedIds.NONE || ringKeys[r].equals(key));
  }

  /** The value for {@code key}, or {@link #ABSENT}. */
  int get(String key) {
    int slot = slotOf(key);
    return slot < 0 ? ABSENT : ringValues[ringPosition(slots[slot])];
  }

  /**
   * Sets the value and time of {@code key}: a new key goes last in the eviction order, a present
   * one keeps its place.
   */
  public void put(String key, int value, long time) {
    int h = key.hashCode();
    long high = PackedIds.high(key);
    long low = PackedIds.low(key);
    int mask = slots.length - 1;
    int free = -1;
    int i = home(h);
    for (long s; (s = slots[i]) != EMPTY; i = (i + 1) & mask) {
      if (s == DELETED) {
        if (free < 0) {
          free = i;
        }
      } else if ((int) (s >>> 32) == h && sameKey(ringPosition(s), key, low, high)) {
        ringValues[ringPosition(s)] = value;
        ringTimes[ringPosition(s)] = time;
        return;
      }
    }
    if (free >= 0) {
      i = free;
      deleted--;
    }
    if (tailSeq - headSeq == ringTimes.length) {
      growRing();
    }
    int r = (int) (tailSeq++ & (ringTimes.length - 1));
    ringTimes[r] = time;
    ringSlots[r] = i;
    ringLow[r] = low;
    ringHigh[r] = high;
    if (high == PackedIds.NONE) {
      ringKeys[r] =
          key; // only a key that does not fit: the ring keeps no string per entry otherwise
    }
    ringValues[r] = value;
    filter[filterWord(h)] |= filterBits(h);
    slots[i] = (long) h << 32 | (r + 1);
    size++;
    if (size + deleted > slots.length >> 1) {
      rebuild();
    }
  }

  /** Forgets entries, eldest first, while the eldest's time is before {@code limit}. */
  public void evictBefore(long limit) {
    evictBefore(limit, null);
  }

  /**
   * As {@link #evictBefore(long)}, handing each forgotten value to {@code forgotten} (when not
   * null).
   */
  public void evictBefore(long limit, java.util.function.@Nullable IntConsumer forgotten) {
    int ringMask = ringTimes.length - 1;
    while (headSeq < tailSeq) {
      int r = (int) (headSeq & ringMask);
      if (ringTimes[r] >= limit) {
        return;
      }
      int slot = ringSlots[r];
      slots[slot] = DELETED;
      if (ringHigh[r] == PackedIds.NONE) {
        ringKeys[r] = null;
      }
      if (forgotten != null) {
        forgotten.accept(ringValues[r]);
      }
      size--;
      deleted++;
      headSeq++;
    }
  }

  private int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  private void allocate(int capacity) {
    slots = new long[capacity];
    filter = new long[capacity >>> 4];
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /** Rehashes the live entries into a table at most a quarter full, dropping tombstones. */
  private void rebuild() {
    long[] oldSlots = slots;
    int capacity = MIN_CAPACITY;
    while (capacity < 4L * size) {
      capacity <<= 1;
    }
    allocate(capacity);
    deleted = 0;
    int mask = capacity - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      long s = oldSlots[j];
      if (s != EMPTY && s != DELETED) {
        int i = home((int) (s >>> 32));
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
        int h = (int) (s >>> 32);
        filter[filterWord(h)] |= filterBits(h);
        ringSlots[ringPosition(s)] = i;
      }
    }
  }

  /** Doubles the ring; every live entry's ring position changes with it, and its slot says so. */
  private void growRing() {
    int capacity = ringTimes.length << 1;
    long[] t = new long[capacity];
    int[] s = new int[capacity];
    String[] k = new String[capacity];
    long[] lo = new long[capacity];
    long[] hi = new long[capacity];
    int[] v = new int[capacity];
    for (long q = headSeq; q < tailSeq; q++) {
      int from = (int) (q & (ringTimes.length - 1));
      int to = (int) (q & (capacity - 1));
      int slot = ringSlots[from];
      t[to] = ringTimes[from];
      s[to] = slot;
      k[to] = ringKeys[from];
      lo[to] = ringLow[from];
      hi[to] = ringHigh[from];
      v[to] = ringValues[from];
      slots[slot] = (slots[slot] & 0xFFFF_FFFF_0000_0000L) | (to + 1);
    }
    ringTimes = t;
    ringSlots = s;
    ringKeys = k;
    ringLow = lo;
    ringHigh = hi;
    ringValues = v;
  }
}
