package org.umbrella.engine.output;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable list of ids made when it is first read: an aggregate finding's evidence and cause
 * list its ~10,000 contributing incidents and findings, and an output that is only counted, or
 * dropped, never makes those strings (docs/benchmarks.md, fourth round). The supplier must give the
 * same ids whenever it is called (it works from a copy taken when the output was made), so the list
 * is, for every reader, the list it stands for; records keep it as it is instead of copying it.
 * Safe to read from several threads (made once, under a lock).
 */
public final class DeferredIds extends AbstractList<String> implements RandomAccess {
  /** Null once the list is made: the maker's captured state should not outlive it. */
  private @Nullable Supplier<? extends List<String>> make;

  private @Nullable List<String> ids;

  /** A list that {@code make} gives, unmodifiable, when first read. */
  public DeferredIds(Supplier<? extends List<String>> make) {
    this.make = Objects.requireNonNull(make, "make");
  }

  private synchronized List<String> ids() {
    List<String> made = ids;
    if (made == null) {
      made = List.copyOf(Objects.requireNonNull(make).get());
      ids = made;
      make = null;
    }
    return made;
  }

  @Override
  public String get(int index) {
    return ids().get(index);
  }

  @Override
  public int size() {
    return ids().size();
  }

  /**
   * Copies {@code list} unless it is a {@code DeferredIds}, which stays unread: what the records do
   * with their id lists.
   */
  static List<String> keep(List<String> list) {
    return list instanceof DeferredIds ? list : List.copyOf(list);
  }
}
