package org.umbrella.engine.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The revision index of rule 2: incidents that raised a finding, by incident id, forgotten in the
 * order first inserted once their event time falls behind a limit.
 *
 * <p>Semantically a {@code LinkedHashMap<String, Integer>} in insertion order (a later {@link #put}
 * of a present key replaces its value and time but keeps its place) whose eldest entries are
 * dropped by {@link #evictBefore} while their time is before the limit. Built for the engine's hot
 * path, where almost every lookup is of a new incident and misses, and where the table is too large
 * for the core's cache, so that what counts is how many cache lines an operation touches at random:
 *
 * <ul>
 *   <li>Every entry lives in the eviction ring (key packed in two longs, hash, value, time), in
 *       insertion order, written one after the other: its lines are written in sequence and so are
 *       in cache.
 *   <li>Lookup: a blocked Bloom filter of the keys (half a byte a slot of the table, one long read
 *       per lookup) rules out about 49 misses in 50 and is the only line a miss reads. Past it, a
 *       small table of the entries put since the last flush, then the main table: open addressing
 *       with linear probing over one int per slot, the entry's sequence number in the ring; a key
 *       is compared only when the hash kept in the ring matches.
 *   <li>Insertion of a new key touches only the filter's long (which the lookup just read) and the
 *       small table. The main table gets the new entries in batches ({@link #FRESH_MAX} at a time):
 *       their probes are independent of each other, so that the processor overlaps their cache
 *       misses instead of waiting for each in turn.
 *   <li>Eviction reads the ring in order and writes nothing to the tables: a slot whose sequence
 *       number is behind the ring's head is dead, and a probe passes over it as over a tombstone.
 *   <li>Dead slots are cleared by rebuilding the table once as many keys have been inserted since
 *       the last rebuild as half its slots; the new capacity keeps live entries at most a quarter
 *       full, so rebuilds are amortised over at least as many insertions as there are live entries.
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

  /** A slot never used since the last rebuild (or flush, in the small table): it ends a probe. */
  private static final int EMPTY = 0;

  private static final int MIN_CAPACITY = 1 << 10;

  /**
   * Entries put since the last flush at most: the small table holds four times as many slots, and
   * stays in the core's cache (16 KB).
   */
  static final int FRESH_MAX = 1 << 10;

  private static final int SEQ_MASK = 0x7FFF_FFFF;

  /** Turns a mixed hash into a home slot of the small table ({@code FRESH_MAX * 4} slots). */
  private static final int FRESH_SHIFT = Integer.numberOfLeadingZeros(FRESH_MAX << 2) + 1;

  /**
   * The main table. Per slot: {@link #EMPTY}, or the low 31 bits of its entry's ring sequence
   * number plus one (never 0). A slot holds an entry flushed since the last rebuild, live or dead;
   * every live entry not in {@link #fresh} is here. An int, not the hash beside it: the table is
   * written at random once per new key and read only for the keys the filter lets through, so half
   * the bytes (the hash is read from the ring on those few lookups) matter more than the read
   * saved.
   */
  private int[] slots;

  /** The entries put since the last flush, in the same form; cleared by the flush. */
  private final int[] fresh = new int[FRESH_MAX << 2];

  /**
   * A blocked Bloom filter of the keys inserted since the last rebuild (dead ones included): four
   * bits per slot of the main table, three of them set per key in one long (two let 3.0% of misses
   * through in {@code RevisionIndexProperties}' steady state, three 1.8%). A miss that the filter
   * rules out reads nothing else.
   */
  private long[] filter;

  private int shift;
  private int size;

  /** Keys inserted since the last rebuild: what fills the filter and the table's slots. */
  private int inserted;

  /**
   * Insertion order: event time, hash, key and value of each entry, by sequence number modulo the
   * ring size.
   */
  private long[] ringTimes;

  private int[] ringHashes;

  /**
   * Keys packed as two longs ({@link PackedIds}); the string itself only for a key that does not
   * fit, else null.
   */
  private long[] ringLow;

  private long[] ringHigh;
  private String[] ringKeys;
  private int[] ringValues;

  /** The eldest live entry's sequence number. */
  private long headSeq;

  /** The next entry's sequence number. */
  private long tailSeq;

  /** Entries from here to {@link #tailSeq} are in {@link #fresh}, not yet in the main table. */
  private long flushedSeq;

  public RevisionIndex() {
    allocate(MIN_CAPACITY);
    ringTimes = new long[MIN_CAPACITY];
    ringHashes = new int[MIN_CAPACITY];
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
    return mayHold(key.hashCode()) ? (byte) 1 : (byte) 0;
  }

  private boolean mayHold(int h) {
    long bits = filterBits(h);
    return (filter[filterWord(h)] & bits) == bits;
  }

  /** The filter's three bits for a key's hash: from a second mix of it, independent of its home. */
  private static long filterBits(int h) {
    int g = h * 0x85EBCA6B;
    g ^= g >>> 13;
    g *= 0xC2B2AE35;
    g ^= g >>> 16;
    return (1L << g) | (1L << (g >>> 6)) | (1L << (g >>> 12)); // shifts take the low six bits
  }

  /** The filter's long for a key's hash: the one covering its home slot's block of 16. */
  private int filterWord(int h) {
    return home(h) >>> 4;
  }

  /**
   * The value for {@code key}, or {@link #ABSENT}; {@code homeTag} is what {@link #homeTag}
   * returned for it, with the index unchanged since (0: a certain miss).
   */
  public int get(String key, byte homeTag) {
    return homeTag == 0 ? ABSENT : get(key);
  }

  /** The value for {@code key}, or {@link #ABSENT}. */
  int get(String key) {
    long seq = find(key, key.hashCode());
    return seq < 0 ? ABSENT : ringValues[position(seq)];
  }

  /** The time last put for {@code key}, which must be present. */
  long timeOf(String key) {
    long seq = find(key, key.hashCode());
    if (seq < 0) {
      throw new IllegalArgumentException("not in the index: " + key);
    }
    return ringTimes[position(seq)];
  }

  /**
   * The ring sequence number of the live entry for {@code key}, or -1. Most calls are for a key the
   * filter let through by mistake: the key is packed only once an entry's hash matches.
   */
  private long find(String key, int h) {
    if (flushedSeq < tailSeq) {
      long seq = probe(fresh, (hash(h) >>> FRESH_SHIFT), key, h);
      if (seq >= 0) {
        return seq;
      }
    }
    return probe(slots, home(h), key, h);
  }

  private long probe(int[] table, int from, String key, int h) {
    int mask = table.length - 1;
    for (int i = from; ; i = (i + 1) & mask) {
      int s = table[i];
      if (s == EMPTY) {
        return -1;
      }
      long seq = liveSeq(s);
      if (seq >= 0) {
        int r = position(seq);
        if (ringHashes[r] == h && sameKey(r, key)) {
          return seq;
        }
      }
    }
  }

  /** The full sequence number a slot refers to, or -1 when its entry has been evicted. */
  private long liveSeq(int slot) {
    int stored = (slot - 1) & SEQ_MASK;
    int age = (((int) tailSeq & SEQ_MASK) - stored) & SEQ_MASK;
    // a slot is at most about 2^30 insertions old (rebuilds see to it), so its age does not wrap
    return age == 0 || age > tailSeq - headSeq ? -1 : tailSeq - age;
  }

  private static int slotOf(long seq) {
    return ((int) seq & SEQ_MASK) + 1;
  }

  private int position(long seq) {
    return (int) seq & (ringTimes.length - 1);
  }

  private boolean sameKey(int r, String key) {
    long high = PackedIds.high(key);
    return ringHigh[r] == high
        && (high == PackedIds.NONE ? ringKeys[r].equals(key) : ringLow[r] == PackedIds.low(key));
  }

  /**
   * Sets the value and time of {@code key}: a new key goes last in the eviction order, a present
   * one keeps its place.
   */
  public void put(String key, int value, long time) {
    put(key, PackedIds.low(key), PackedIds.high(key), value, time);
  }

  /**
   * As {@link #put(String, int, long)} with {@code key} already packed ({@link PackedIds#low},
   * {@link PackedIds#high}): the engine packs an incident's id once for its findings and this
   * index.
   */
  void put(String key, long low, long high, int value, long time) {
    int h = key.hashCode();
    // the filter's long was read by this key's lookup: when it rules the key out, the key is new
    // and neither table is read
    if (mayHold(h)) {
      long seq = find(key, h);
      if (seq >= 0) {
        ringValues[position(seq)] = value;
        ringTimes[position(seq)] = time;
        return;
      }
    }
    append(key, h, low, high, value, time);
  }

  /**
   * As {@link #put(String, long, long, int, long)} for a key the caller has just looked up and
   * found absent, with nothing put since: it goes last without being looked up again (the filter
   * lets about one absent key in 50 through, and each costs a probe of the main table).
   */
  void putAbsent(String key, long low, long high, int value, long time) {
    append(key, key.hashCode(), low, high, value, time);
  }

  private void append(String key, int h, long low, long high, int value, long time) {
    if (tailSeq - headSeq == ringTimes.length) {
      growRing();
    }
    long seq = tailSeq++;
    int r = position(seq);
    ringTimes[r] = time;
    ringHashes[r] = h;
    ringLow[r] = low;
    ringHigh[r] = high;
    if (high == PackedIds.NONE) {
      // only a key that does not fit: eviction has nulled the place, and a reference stored only
      // when needed spares the collector a dirty card per entry
      ringKeys[r] = key;
    }
    ringValues[r] = value;
    filter[filterWord(h)] |= filterBits(h);
    int mask = fresh.length - 1;
    int i = hash(h) >>> FRESH_SHIFT;
    while (fresh[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    fresh[i] = slotOf(seq);
    size++;
    inserted++;
    if (tailSeq - flushedSeq == FRESH_MAX) {
      flush();
    }
  }

  /**
   * Moves the entries put since the last flush into the main table (or rebuilds it when due). The
   * probes do not depend on each other, so their cache misses overlap.
   */
  private void flush() {
    if (inserted > slots.length >> 1) {
      rebuild();
      return;
    }
    int mask = slots.length - 1;
    for (long seq = Math.max(flushedSeq, headSeq); seq < tailSeq; seq++) {
      int h = ringHashes[position(seq)];
      int i = home(h);
      int s;
      // a dead slot is free: no live entry has this key, since a new key is put only when absent
      while ((s = slots[i]) != EMPTY && liveSeq(s) >= 0) {
        i = (i + 1) & mask;
      }
      slots[i] = slotOf(seq);
    }
    flushedSeq = tailSeq;
    Arrays.fill(fresh, EMPTY);
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
      if (ringKeys[r] != null) {
        ringKeys[r] = null; // only a key too long to pack has one: no store (and card) for the rest
      }
      if (forgotten != null) {
        forgotten.accept(ringValues[r]);
      }
      size--;
      headSeq++;
    }
  }

  private static int hash(int h) {
    return h * 0x9E3779B9;
  }

  private int home(int h) {
    return hash(h) >>> shift;
  }

  private void allocate(int capacity) {
    slots = new int[capacity];
    filter = new long[capacity >>> 4];
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /**
   * Puts every live entry into a new table at most a quarter full, dropping the dead ones, and
   * empties the small table.
   */
  private void rebuild() {
    int capacity = MIN_CAPACITY;
    while (capacity < 4L * size) {
      capacity <<= 1;
    }
    if (capacity == slots.length) {
      // the same size: cleared in place, so that no new table (megabytes) is copied by the young
      // collector and promoted into old-generation pages touched for the first time
      Arrays.fill(slots, EMPTY);
      Arrays.fill(filter, 0L);
    } else {
      allocate(capacity);
    }
    int mask = capacity - 1;
    for (long seq = headSeq; seq < tailSeq; seq++) {
      int h = ringHashes[position(seq)];
      int i = home(h);
      while (slots[i] != EMPTY) {
        i = (i + 1) & mask;
      }
      slots[i] = slotOf(seq);
      filter[filterWord(h)] |= filterBits(h);
    }
    inserted = size;
    flushedSeq = tailSeq;
    Arrays.fill(fresh, EMPTY);
  }

  /** Doubles the ring; positions follow from sequence numbers, so the tables do not change. */
  private void growRing() {
    int capacity = ringTimes.length << 1;
    long[] t = new long[capacity];
    int[] hs = new int[capacity];
    String[] k = new String[capacity];
    long[] lo = new long[capacity];
    long[] hi = new long[capacity];
    int[] v = new int[capacity];
    for (long q = headSeq; q < tailSeq; q++) {
      int from = position(q);
      int to = (int) q & (capacity - 1);
      t[to] = ringTimes[from];
      hs[to] = ringHashes[from];
      k[to] = ringKeys[from];
      lo[to] = ringLow[from];
      hi[to] = ringHigh[from];
      v[to] = ringValues[from];
    }
    ringTimes = t;
    ringHashes = hs;
    ringKeys = k;
    ringLow = lo;
    ringHigh = hi;
    ringValues = v;
  }
}
