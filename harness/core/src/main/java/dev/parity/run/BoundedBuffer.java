package dev.parity.run;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects output up to a limit; beyond it the rest is dropped and {@link #overflowed()} says so.
 *
 * <p>Output is kept in blocks (growing from 8 KiB to 1 MiB) rather than one array that doubles, so
 * that capturing a large output copies it once, in {@link #toByteArray()}, instead of each time the
 * array grows.
 *
 * <p>An output that starts as one of the {@link RecentOutputs} is compared with it as it arrives
 * and not stored while it stays equal: an output equal to an earlier one (legacy's rerun for noise,
 * a candidate printing what legacy printed) ends up sharing its array, with no block and no copy.
 * Where it departs, the equal prefix is copied into blocks and the rest is kept as usual.
 */
final class BoundedBuffer extends OutputStream {
  private static final int FIRST_BLOCK = 8 * 1024;
  private static final int MAX_BLOCK = 1024 * 1024;

  private final long limit;
  private final RecentOutputs recent;
  private final List<byte[]> blocks = new ArrayList<>();
  private byte[] current = new byte[0];
  private int used;
  private long count;
  private boolean overflowed;

  /** An earlier output whose first {@code count} bytes are all that was written so far. */
  private byte @Nullable [] same;

  BoundedBuffer(long limit) {
    this(limit, RecentOutputs.SHARED);
  }

  BoundedBuffer(long limit, RecentOutputs recent) {
    this.limit = limit;
    this.recent = recent;
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
    if (len == 0) {
      return;
    }
    if (count == 0) {
      same = recent.startingWith(b, off, len).orElse(null);
    }
    byte[] earlier = same;
    if (earlier != null) {
      int at = (int) count;
      if (at + len <= earlier.length && Arrays.equals(earlier, at, at + len, b, off, off + len)) {
        count += len;
        return;
      }
      byte[] other = recent.continuing(earlier, at, b, off, len).orElse(null);
      if (other != null) {
        same = other;
        count += len;
        return;
      }
      // Departs from every recent output: keep the equal prefix as blocks, then go on as usual.
      same = null;
      count = 0;
      store(earlier, 0, at);
    }
    store(b, off, len);
  }

  private void store(byte[] b, int off, int len) {
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
    byte[] earlier = same;
    if (earlier != null) {
      return count == earlier.length ? earlier : Arrays.copyOf(earlier, (int) count);
    }
    byte[] all = new byte[(int) count];
    int at = 0;
    for (byte[] block : blocks) {
      System.arraycopy(block, 0, all, at, block.length);
      at += block.length;
    }
    System.arraycopy(current, 0, all, at, used);
    recent.add(all);
    return all;
  }

  /** Where {@link #writeTo} puts the bytes: an {@code OutputStream::write}, a spool. */
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /** Writes what it holds to {@code out}, block by block (no copy of the whole). */
  synchronized void writeTo(Sink out) throws IOException {
    byte[] earlier = same;
    if (earlier != null) {
      out.write(earlier, 0, (int) count);
      return;
    }
    for (byte[] block : blocks) {
      out.write(block, 0, block.length);
    }
    out.write(current, 0, used);
  }

  synchronized boolean overflowed() {
    return overflowed;
  }
}
