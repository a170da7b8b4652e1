package dev.parity.run;

import java.io.ByteArrayOutputStream;

/**
 * Collects output up to a limit; beyond it the rest is dropped and {@link #overflowed()} says so.
 */
final class BoundedBuffer extends ByteArrayOutputStream {
  private final long limit;
  private boolean overflowed;

  BoundedBuffer(long limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void write(int b) {
    if (count + 1L > limit) {
      overflowed = true;
      return;
    }
    super.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (count + (long) len > limit) {
      overflowed = true;
      len = (int) Math.max(0, limit - count);
    }
    super.write(b, off, len);
  }

  synchronized boolean overflowed() {
    return overflowed;
  }
}
