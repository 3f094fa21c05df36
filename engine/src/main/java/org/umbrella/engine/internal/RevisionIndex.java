package org.umbrella.engine.internal;

/**
 * The revision index of rule 2: incidents that raised a finding, by incident id, forgotten in the
 * order first inserted once their event time falls behind a limit.
 *
 * <p>Semantically a {@code LinkedHashMap<String, V>} in insertion order (a later {@link #put} of a
 * present key replaces its value and time but keeps its place) whose eldest entries are dropped by
 * {@link #evictBefore} while their time is before the limit. Built for the engine's hot path, where
 * almost every lookup is of a new incident and misses: open addressing with linear probing over a
 * byte array of 8-bit tags (a quarter of the size of the hash codes, so that it stays in the core's
 * cache at the sizes a 30-day horizon gives), so that a miss reads one or two bytes and no key, and a
 * key is compared only when its tag matches; the insertion order is a
 * ring of keys and times, so that the eviction check reads one long; removal shifts the probe run
 * back (no tombstones). The table never holds more than the entries within the horizon.
 *
 * <p>Not thread-safe.
 *
 * @param <V> the value kept per incident
 */
final class RevisionIndex<V> {
  /** Stored hash codes have the top bit set, so that 0 marks an empty slot. */
  private static final int PRESENT = Integer.MIN_VALUE;

  /** Per slot: 0 when empty, else a tag from the key's hash (never 0). */
  private byte[] tags;
  private int[] hashes;
  private String[] keys;
  private Object[] values;
  /** The ring sequence number of each slot's entry, to update its time on a later put. */
  private long[] seqs;
  private int shift;
  private int size;

  private String[] ringKeys;
  private long[] ringTimes;
  private long headSeq;
  private long tailSeq;

  RevisionIndex() {
    allocate(1 << 10);
    ringKeys = new String[1 << 10];
    ringTimes = new long[1 << 10];
  }

  int size() {
    return size;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(String key) {
    int h = key.hashCode() | PRESENT;
    byte tag = tag(h);
    int mask = tags.length - 1;
    for (int i = home(h); ; i = (i + 1) & mask) {
      byte t = tags[i];
      if (t == 0) {
        return null;
      }
      if (t == tag && hashes[i] == h && keys[i].equals(key)) {
        return (V) values[i];
      }
    }
  }

  /**
   * Sets the value and time of {@code key}: a new key goes last in the eviction order, a present one
   * keeps its place.
   */
  void put(String key, V value, long time) {
    int h = key.hashCode() | PRESENT;
    int mask = tags.length - 1;
    int i = home(h);
    byte tag = tag(h);
    for (; tags[i] != 0; i = (i + 1) & mask) {
      if (tags[i] == tag && hashes[i] == h && keys[i].equals(key)) {
        values[i] = value;
        ringTimes[(int) (seqs[i] & (ringTimes.length - 1))] = time;
        return;
      }
    }
    if (tailSeq - headSeq == ringKeys.length) {
      growRing();
    }
    long seq = tailSeq++;
    int r = (int) (seq & (ringKeys.length - 1));
    ringKeys[r] = key;
    ringTimes[r] = time;
    tags[i] = tag(h);
    hashes[i] = h;
    keys[i] = key;
    values[i] = value;
    seqs[i] = seq;
    if (++size > hashes.length >> 1) {
      rehash(hashes.length << 1);
    }
  }

  /** Forgets entries, eldest first, while the eldest's time is before {@code limit}. */
  void evictBefore(long limit) {
    while (headSeq < tailSeq) {
      int r = (int) (headSeq & (ringKeys.length - 1));
      if (ringTimes[r] >= limit) {
        return;
      }
      remove(ringKeys[r]);
      ringKeys[r] = null;
      headSeq++;
    }
  }

  private void remove(String key) {
    int h = key.hashCode() | PRESENT;
    int mask = tags.length - 1;
    int i = home(h);
    byte tag = tag(h);
    while (!(tags[i] == tag && hashes[i] == h && (keys[i] == key || keys[i].equals(key)))) {
      i = (i + 1) & mask;
    }
    size--;
    // Backward shift: move later members of the probe run into the hole unless their home lies
    // cyclically in (hole, position], where moving them would put them before their home.
    for (int j = (i + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
      int k = home(hashes[j]);
      boolean stays = i <= j ? i < k && k <= j : i < k || k <= j;
      if (!stays) {
        tags[i] = tags[j];
        hashes[i] = hashes[j];
        keys[i] = keys[j];
        values[i] = values[j];
        seqs[i] = seqs[j];
        i = j;
      }
    }
    tags[i] = 0;
    hashes[i] = 0;
    keys[i] = null;
    values[i] = null;
  }

  /** Eight bits of the hash independent of the home slot's (a second multiplier), never 0. */
  private static byte tag(int storedHash) {
    int t = (storedHash * 0x85EBCA6B) >>> 24;
    return (byte) (t == 0 ? 1 : t);
  }

  private int home(int storedHash) {
    return (storedHash * 0x9E3779B9) >>> shift;
  }

  private void allocate(int capacity) {
    tags = new byte[capacity];
    hashes = new int[capacity];
    keys = new String[capacity];
    values = new Object[capacity];
    seqs = new long[capacity];
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
  }

  private void rehash(int capacity) {
    int[] oldHashes = hashes;
    String[] oldKeys = keys;
    Object[] oldValues = values;
    long[] oldSeqs = seqs;
    allocate(capacity);
    int mask = capacity - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldHashes[j] != 0) {
        int i = home(oldHashes[j]);
        while (tags[i] != 0) {
          i = (i + 1) & mask;
        }
        tags[i] = tag(oldHashes[j]);
        hashes[i] = oldHashes[j];
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        seqs[i] = oldSeqs[j];
      }
    }
  }

  private void growRing() {
    int capacity = ringKeys.length << 1;
    String[] k = new String[capacity];
    long[] t = new long[capacity];
    for (long s = headSeq; s < tailSeq; s++) {
      k[(int) (s & (capacity - 1))] = ringKeys[(int) (s & (ringKeys.length - 1))];
      t[(int) (s & (capacity - 1))] = ringTimes[(int) (s & (ringTimes.length - 1))];
    }
    ringKeys = k;
    ringTimes = t;
  }
}
