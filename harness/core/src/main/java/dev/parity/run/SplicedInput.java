package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a {@link Spooled} stream with a {@link Spooled.Prefix}: the first {@code length}
 * bytes of the prefix's stream, then its own file from that offset to its size. Skips without
 * reading (the excerpt of a difference near the end of a gigabyte skips to it).
 */
final class SplicedInput extends InputStream {
  private final InputStream head;
  private final long headLength;
  private final Path tail;
  private final long size;
  private long position;
  private @Nullable FileChannel tailChannel;

  SplicedInput(InputStream head, long headLength, Path tail, long size) {
    this.head = head;
    this.headLength = headLength;
    this.tail = tail;
    this.size = size;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int n;
    if (position < headLength) {
      n = head.read(bytes, offset, (int) Math.min(length, headLength - position));
      if (n < 0) {
        throw new IOException("the shared bytes ended before byte " + headLength);
      }
    } else {
      ByteBuffer into = ByteBuffer.wrap(bytes, offset, (int) Math.min(length, size - position));
      n = channel().read(into, position);
      if (n < 0) {
        throw new IOException(tail + " ended before byte " + size);
      }
    }
    position += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long wanted = Math.max(0, Math.min(n, size - position));
    long done = 0;
    while (position < headLength && done < wanted) {
      long skipped = head.skip(Math.min(wanted - done, headLength - position));
      if (skipped <= 0) {
        break;
      }
      position += skipped;
      done += skipped;
    }
    if (position >= headLength) {
      long past = wanted - done;
      position += past;
      done += past;
    }
    return done;
  }

  private FileChannel channel() throws IOException {
    FileChannel open = tailChannel;
    if (open == null) {
      open = FileChannel.open(tail, StandardOpenOption.READ);
      tailChannel = open;
    }
    return open;
  }

  @Override
  public void close() throws IOException {
    try (head) {
      FileChannel open = tailChannel;
      if (open != null) {
        open.close();
      }
    }
  }
}
