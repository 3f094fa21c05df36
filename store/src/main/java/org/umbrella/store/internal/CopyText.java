package org.umbrella.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A buffer of rows in PostgreSQL's COPY text format (tab-separated, backslash escapes), filled
 * without synchronisation or per-byte calls.
 */
public final class CopyText {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private byte[] buf;
  private int size;
  private @Nullable CopyIn sink;
  private int flushAt;

  /** Writes the rows of one COPY. */
  @FunctionalInterface
  public interface Rows {
    /** Appends every row to {@code out}, ending each with {@link CopyText#end()}. */
    void writeTo(CopyText out) throws SQLException;
  }

  /**
   * Runs {@code copy} (a {@code COPY ... FROM STDIN (format text)} statement) with the rows {@code
   * rows} writes, sent in chunks of about {@code flushAt} bytes as rows end, so the server ingests
   * while later rows are still being made. If anything fails the COPY is cancelled and the
   * exception propagates (the caller's transaction then rolls back).
   */
  public static void copyIn(Connection c, String copy, int flushAt, Rows rows) throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
    try {
      CopyText out = new CopyText(flushAt + (1 << 14));
      out.sink = in;
      out.flushAt = flushAt;
      rows.writeTo(out);
      in.writeToCopy(out.buf, 0, out.size);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /** An empty buffer of the given initial capacity. */
  public CopyText(int capacity) {
    buf = new byte[capacity];
  }

  /** Bytes held. */
  public int size() {
    return size;
  }

  /** The backing array (valid up to {@link #size()}). */
  public byte[] array() {
    return buf;
  }

  /** Empties the buffer. */
  public void reset() {
    size = 0;
  }

  private void room(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  /** Appends one field, escaping backslash, tab, newline and carriage return; null as \N. */
  public CopyText field(String s) {
    if (s == null) {
      room(2);
      buf[size++] = '\\';
      buf[size++] = 'N';
      return this;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    room(b.length * 2);
    for (byte c : b) {
      switch (c) {
        case '\\' -> {
          buf[size++] = '\\';
          buf[size++] = '\\';
        }
        case '\t' -> {
          buf[size++] = '\\';
          buf[size++] = 't';
        }
        case '\n' -> {
          buf[size++] = '\\';
          buf[size++] = 'n';
        }
        case '\r' -> {
          buf[size++] = '\\';
          buf[size++] = 'r';
        }
        default -> buf[size++] = c;
      }
    }
    return this;
  }

  /** Appends a bytea in hex form ({@code \\x...}, escaped for COPY). */
  public CopyText bytea(byte[] b) {
    room(3 + 2 * b.length);
    buf[size++] = '\\';
    buf[size++] = '\\';
    buf[size++] = 'x';
    for (byte x : b) {
      buf[size++] = HEX[(x >> 4) & 0xf];
      buf[size++] = HEX[x & 0xf];
    }
    return this;
  }

  /** Appends bytes already in COPY text form (escaped fields, separators). */
  public CopyText raw(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  /** A field separator. */
  public CopyText tab() {
    room(1);
    buf[size++] = '\t';
    return this;
  }

  /**
   * The end of a row; inside {@link #copyIn}, sends what is buffered once it passes the chunk size.
   */
  public void end() throws SQLException {
    room(1);
    buf[size++] = '\n';
    if (sink != null && size > flushAt) {
      sink.writeToCopy(buf, 0, size);
      size = 0;
    }
  }
}
