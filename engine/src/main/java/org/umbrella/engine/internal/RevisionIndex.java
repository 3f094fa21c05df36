package org.umbrella.engine.internal;

/**
 * The revision index of rule 2: incidents that raised a finding, by incident id, forgotten in the
 * order first inserted once their event time falls behind a limit.
 *
 * <p>Semantically a {@code LinkedHashMap<String, Integer>} in insertion order (a later {@link #put} of a
 * present key replaces its value and time but keeps its place) whose eldest entries are dropped by
 * {@link #evictBefore} while their time is before the limit. Built for the engine's hot path, where
 * almost every lookup is of a new incident and misses, and where the table is too large for the
 * core's cache, so that what counts is how many cache lines an operation touches:
 *
 * <ul>
 *   <li>Lookup: open addressing with linear probing over one array of longs per slot, each the key's
 *       full hash (its fingerprint) and its place in the eviction ring; a miss reads the bitmap of
 *       used slots and at most one line of that array, and a key is compared only when its whole
 *       hash matches. The table holds nothing else: 8 bytes a slot.
 *   <li>The keys, values and times live in the eviction ring, in insertion order, written one after
 *       the other: a new entry writes one line of the table (its slot's long) and appends to the
 *       ring, whose lines are written in sequence (and so are in cache).
 *   <li>Eviction: the ring is read in order; the eviction check reads one long, and removing an
 *       entry marks its slot deleted (a tombstone) with one write, without probing or moving
 *       neighbours.
 *   <li>Tombstones are cleared by rebuilding the table once live entries and tombstones together
 *       fill half of it; the new capacity keeps live entries at most a quarter full, so rebuilds are
 *       amortised over at least as many removals as there are live entries.
 * </ul>
 *
 * <p>Public only so that the benchmark's hand-written loop can use the same index (a fair
 * comparison, docs/benchmarks.md); not API. Not thread-safe.
 *
 * <p>Values are ints (the engine's rows of findings, docs/benchmarks.md): no object per entry.
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
   * One bit per slot, set when it is not {@link #EMPTY}: what a miss needs, an eighth of a byte per
   * slot, so that it stays in the core's cache while {@link #slots} does not.
   */
  private long[] used;
  private int shift;
  private int size;
  private int deleted;

  /** Insertion order: event time, slot, key and value of each entry, by sequence number modulo the ring size. */
  private long[] ringTimes;
  private int[] ringSlots;
  private String[] ringKeys;
  private int[] ringValues;
  private long headSeq;
  private long tailSeq;

  public RevisionIndex() {
    allocate(MIN_CAPACITY);
    ringTimes = new long[MIN_CAPACITY];
    ringSlots = new int[MIN_CAPACITY];
    ringKeys = new String[MIN_CAPACITY];
    ringValues = new int[MIN_CAPACITY];
  }

  int size() {
    return size;
  }

  /**
   * Starts a lookup of {@code key}: whether its home slot is empty (then 0), from the bitmap of
   * used slots, to pass to {@link #get(String, byte)} later. Most lookups miss, and half or more of
   * them end here without touching the table, which is larger than the core's cache; reading it
   * early, with nothing depending on it yet, overlaps a cache miss with the caller's work.
   */
  public byte homeTag(String key) {
    int i = home(key.hashCode());
    return (used[i >>> 6] & (1L << i)) == 0 ? (byte) 0 : (byte) 1;
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
    int mask = slots.length - 1;
    for (int i = home(h); ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == EMPTY) {
        return -1;
      }
      if (s != DELETED && (int) (s >>> 32) == h && ringKeys[ringPosition(s)].equals(key)) {
        return i;
      }
    }
  }

  /** The value for {@code key}, or {@link #ABSENT}. */
  int get(String key) {
    int slot = slotOf(key);
    return slot < 0 ? ABSENT : ringValues[ringPosition(slots[slot])];
  }

  /**
   * Sets the value and time of {@code key}: a new key goes last in the eviction order, a present one
   * keeps its place.
   */
  public void put(String key, int value, long time) {
    int h = key.hashCode();
    int mask = slots.length - 1;
    int free = -1;
    int i = home(h);
    for (long s; (s = slots[i]) != EMPTY; i = (i + 1) & mask) {
      if (s == DELETED) {
        if (free < 0) {
          free = i;
        }
      } else if ((int) (s >>> 32) == h && ringKeys[ringPosition(s)].equals(key)) {
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
    ringKeys[r] = key;
    ringValues[r] = value;
    used[i >>> 6] |= 1L << i;
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

  /** As {@link #evictBefore(long)}, handing each forgotten value to {@code forgotten} (when not null). */
  public void evictBefore(long limit, java.util.function.IntConsumer forgotten) {
    int ringMask = ringTimes.length - 1;
    while (headSeq < tailSeq) {
      int r = (int) (headSeq & ringMask);
      if (ringTimes[r] >= limit) {
        return;
      }
      int slot = ringSlots[r];
      slots[slot] = DELETED;
      ringKeys[r] = null;
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
    used = new long[capacity >>> 6];
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
        used[i >>> 6] |= 1L << i;
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
    int[] v = new int[capacity];
    for (long q = headSeq; q < tailSeq; q++) {
      int from = (int) (q & (ringTimes.length - 1));
      int to = (int) (q & (capacity - 1));
      int slot = ringSlots[from];
      t[to] = ringTimes[from];
      s[to] = slot;
      k[to] = ringKeys[from];
      v[to] = ringValues[from];
      slots[slot] = (slots[slot] & 0xFFFF_FFFF_0000_0000L) | (to + 1);
    }
    ringTimes = t;
    ringSlots = s;
    ringKeys = k;
    ringValues = v;
  }
}
