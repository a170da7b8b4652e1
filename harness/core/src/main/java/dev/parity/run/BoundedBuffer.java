package dev.parity.run;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects output up to a limit; beyond it the rest is dropped and {@link #overflowed()} says so.
 *
 * <p>Output is kept in blocks (growing from 8 KiB to 1 MiB) rather than one array that doubles, so
 * that capturing a large output copies it once, in {@link #toByteArray()}, instead of each time the
 * array grows.
 */
final class BoundedBuffer extends OutputStream {
  private static final int FIRST_BLOCK = 8 * 1024;
  private static final int MAX_BLOCK = 1024 * 1024;

  private final long limit;
  private final List<byte[]> blocks = new ArrayList<>();
  private byte[] current = new byte[0];
  private int used;
  private long count;
  private boolean overflowed;

  BoundedBuffer(long limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (count + (long) len > limit) {
      overflowed = true;
      len = (int) Math.max(0, limit - count);
    }
    count += len;
    while (len > 0) {
      if (used == current.length) {
        blocks.add(current);
        current = new byte[Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, current.length * 2))];
        used = 0;
      }
      int n = Math.min(len, current.length - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
    }
  }

  synchronized byte[] toByteArray() {
    byte[] all = new byte[(int) count];
    int at = 0;
    for (byte[] block : blocks) {
      System.arraycopy(block, 0, all, at, block.length);
      at += block.length;
    }
    System.arraycopy(current, 0, all, at, used);
    return all;
  }

  /** Where {@link #writeTo} puts the bytes: an {@code OutputStream::write}, a spool. */
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /** Writes what it holds to {@code out}, block by block (no copy of the whole). */
  synchronized void writeTo(Sink out) throws IOException {
    for (byte[] block : blocks) {
      out.write(block, 0, block.length);
    }
    out.write(current, 0, used);
  }

  synchronized boolean overflowed() {
    return overflowed;
  }
}
