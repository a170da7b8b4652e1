package dev.parity.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Replays generated write sizes on a buffer under test, as single bytes and as slices. */
final class WriteSequences {
  private WriteSequences() {}

  /**
   * Writes to {@code buffer} one chunk per size of {@code writes} (a single byte when the size is a
   * multiple of three, else a slice of that size at offset 1 of a larger array) and returns every
   * byte written, in order: what the buffer must keep.
   */
  static byte[] replay(List<Integer> writes, OutputStream buffer) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    int n = 0;
    for (int size : writes) {
      byte[] chunk = new byte[size + 2];
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = (byte) (n++ * 31);
      }
      if (size % 3 == 0) {
        buffer.write(chunk[1]);
        all.write(chunk[1]);
      } else {
        buffer.write(chunk, 1, size);
        all.write(chunk, 1, size);
      }
    }
    return all.toByteArray();
  }
}
