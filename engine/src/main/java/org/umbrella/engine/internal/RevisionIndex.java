package org.umbrella.engine.internal;

/**
 * The revision index of rule 2: incidents that raised a finding, by incident id, forgotten in the
 * order first inserted once their event time falls behind a limit.
 *
 * <p>Semantically a {@code LinkedHashMap<String, V>} in insertion order (a later {@link #put} of a
 * present key replaces its value and time but keeps its place) whose eldest entries are dropped by
 * {@link #evictBefore} while their time is before the limit. Built for the engine's hot path, where
 * almost every lookup is of a new incident and misses, and where the table is too large for the
 * core's cache, so that what counts is how many cache lines an operation touches:
 *
 * <ul>
 *   <li>Lookup: open addressing with linear probing over a byte array of 8-bit tags; a miss reads one
 *       or two bytes and no key, and a key is compared only when its tag matches.
 *   <li>Eviction: the insertion order is a ring of (time, slot) pairs, read in order; the eviction
 *       check reads one long, and removing an entry marks its slot deleted (a tombstone) with writes
 *       only, without probing or moving neighbours.
 *   <li>Tombstones are cleared by rebuilding the table once live entries and tombstones together
 *       fill half of it; the new capacity keeps live entries at most a quarter full, so rebuilds are
 *       amortised over at least as many removals as there are live entries.
 * </ul>
 *
 * <p>Public only so that the benchmark's hand-written loop can use the same index (a fair
 * comparison, docs/benchmarks.md); not API. Not thread-safe.
 *
 * @param <V> the value kept per incident
 */
public final class RevisionIndex<V> {
  private static final byte EMPTY = 0;
  private static final byte DELETED = 1;
  private static final int MIN_CAPACITY = 1 << 10;

  /** Per slot: {@link #EMPTY}, {@link #DELETED}, or a tag from the key's hash (2..255 as unsigned). */
  private byte[] tags;
  /**
   * One bit per slot, set when its tag is not {@link #EMPTY}: a copy of what a miss needs, an eighth
   * of {@link #tags}' size, so that it stays in the core's cache while the tags do not.
   */
  private long[] used;
  private int[] hashes;
  private String[] keys;
  private Object[] values;
  /** The ring sequence number of each slot's entry, to update its time on a later put. */
  private long[] seqs;
  private int shift;
  private int size;
  private int deleted;

  /** Insertion order: event time and slot of each entry, by sequence number modulo the ring size. */
  private long[] ringTimes;
  private int[] ringSlots;
  private long headSeq;
  private long tailSeq;

  public RevisionIndex() {
    allocate(MIN_CAPACITY);
    ringTimes = new long[MIN_CAPACITY];
    ringSlots = new int[MIN_CAPACITY];
  }

  int size() {
    return size;
  }

  /**
   * Starts a lookup of {@code key}: whether its home slot is empty (then {@link #EMPTY}), from the
   * bitmap of used slots, to pass to {@link #get(String, byte)} later. Most lookups miss, and half
   * or more of them end here without touching the tags, which are larger than the core's cache;
   * reading it early, with nothing depending on it yet, overlaps a cache miss with the caller's work.
   */
  public byte homeTag(String key) {
    int i = home(key.hashCode());
    return (used[i >>> 6] & (1L << i)) == 0 ? EMPTY : DELETED;
  }

  /**
   * The value for {@code key}, or null; {@code homeTag} is what {@link #homeTag} returned for it,
   * with the table unchanged since ({@link #EMPTY} when the home slot is empty: a certain miss).
   */
  public V get(String key, byte homeTag) {
    return homeTag == EMPTY ? null : get(key);
  }

  /** The time last put for {@code key}, which must be present. */
  long timeOf(String key) {
    return ringTimes[(int) (seqs[slotOf(key)] & (ringTimes.length - 1))];
  }

  /** The slot holding {@code key}, or -1. */
  private int slotOf(String key) {
    int h = key.hashCode();
    byte tag = tag(h);
    int mask = tags.length - 1;
    for (int i = home(h); ; i = (i + 1) & mask) {
      byte t = tags[i];
      if (t == EMPTY) {
        return -1;
      }
      if (t == tag && hashes[i] == h && keys[i].equals(key)) {
        return i;
      }
    }
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(String key) {
    int slot = slotOf(key);
    return slot < 0 ? null : (V) values[slot];
  }

  /**
   * Sets the value and time of {@code key}: a new key goes last in the eviction order, a present one
   * keeps its place.
   */
  public void put(String key, V value, long time) {
    int h = key.hashCode();
    byte tag = tag(h);
    int mask = tags.length - 1;
    int free = -1;
    int i = home(h);
    for (byte t; (t = tags[i]) != EMPTY; i = (i + 1) & mask) {
      if (t == tag && hashes[i] == h && keys[i].equals(key)) {
        values[i] = value;
        ringTimes[(int) (seqs[i] & (ringTimes.length - 1))] = time;
        return;
      }
      if (t == DELETED && free < 0) {
        free = i;
      }
    }
    if (free >= 0) {
      i = free;
      deleted--;
    }
    if (tailSeq - headSeq == ringTimes.length) {
      growRing();
    }
    long seq = tailSeq++;
    int r = (int) (seq & (ringTimes.length - 1));
    ringTimes[r] = time;
    ringSlots[r] = i;
    used[i >>> 6] |= 1L << i;
    tags[i] = tag;
    hashes[i] = h;
    keys[i] = key;
    values[i] = value;
    seqs[i] = seq;
    size++;
    if (size + deleted > tags.length >> 1) {
      rebuild();
    }
  }

  /** Forgets entries, eldest first, while the eldest's time is before {@code limit}. */
  public void evictBefore(long limit) {
    int ringMask = ringTimes.length - 1;
    while (headSeq < tailSeq) {
      int r = (int) (headSeq & ringMask);
      if (ringTimes[r] >= limit) {
        return;
      }
      int slot = ringSlots[r];
      tags[slot] = DELETED;
      keys[slot] = null;
      values[slot] = null;
      size--;
      deleted++;
      headSeq++;
    }
  }

  /** Eight bits of the hash independent of the home slot's (a second multiplier), never EMPTY or DELETED. */
  private static byte tag(int hash) {
    int t = (hash * 0x85EBCA6B) >>> 24;
    return (byte) (t < 2 ? t + 2 : t);
  }

  private int home(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  private void allocate(int capacity) {
    tags = new byte[capacity];
    used = new long[capacity >>> 6];
    hashes = new int[capacity];
    keys = new String[capacity];
    values = new Object[capacity];
    seqs = new long[capacity];
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /** Rehashes the live entries into a table at most a quarter full, dropping tombstones. */
  private void rebuild() {
    byte[] oldTags = tags;
    int[] oldHashes = hashes;
    String[] oldKeys = keys;
    Object[] oldValues = values;
    long[] oldSeqs = seqs;
    int capacity = MIN_CAPACITY;
    while (capacity < 4L * size) {
      capacity <<= 1;
    }
    allocate(capacity);
    deleted = 0;
    int mask = capacity - 1;
    int ringMask = ringTimes.length - 1;
    for (int j = 0; j < oldTags.length; j++) {
      if (oldTags[j] != EMPTY && oldTags[j] != DELETED) {
        int i = home(oldHashes[j]);
        while (tags[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        tags[i] = oldTags[j];
        used[i >>> 6] |= 1L << i;
        hashes[i] = oldHashes[j];
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        seqs[i] = oldSeqs[j];
        ringSlots[(int) (oldSeqs[j] & ringMask)] = i;
      }
    }
  }

  private void growRing() {
    int capacity = ringTimes.length << 1;
    long[] t = new long[capacity];
    int[] s = new int[capacity];
    for (long q = headSeq; q < tailSeq; q++) {
      t[(int) (q & (capacity - 1))] = ringTimes[(int) (q & (ringTimes.length - 1))];
      s[(int) (q & (capacity - 1))] = ringSlots[(int) (q & (ringSlots.length - 1))];
    }
    ringTimes = t;
    ringSlots = s;
  }
}
