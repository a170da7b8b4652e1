package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts the line feeds in the first bytes of a file, in parts read side by side on the machine's
 * cores: the line of a difference late in a gigabyte is counted after the program has ended, when
 * nothing else runs (issue 13, docs/benchmarks.md, ninth pass).
 */
final class FileLineFeeds {
  /** Threads live 60 s idle, as the pumps' do. */
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(DaemonThreads.named("parity-line-feeds"));

  private static final int PARTS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private FileLineFeeds() {}

  /**
   * The line feeds in the first {@code length} bytes of {@code file}; none when {@code length} is
   * 0, without opening it.
   *
   * @throws IOException when the file cannot be read or ends before {@code length}
   */
  static long count(Path file, long length) throws IOException {
    if (length == 0) {
      // Nothing to read: the file is not even opened (a stream that differed at its first byte).
      return 0;
    }
    long part = Math.max(StreamBytes.BLOCK, (length + PARTS - 1) / PARTS);
    List<Future<Long>> others = new ArrayList<>(PARTS);
    for (long from = part; from < length; from += part) {
      long start = from;
      long end = Math.min(length, from + part);
      others.add(POOL.submit(() -> count(file, start, end)));
    }
    try {
      long count = count(file, 0, Math.min(part, length));
      for (Future<Long> other : others) {
        count += other.get();
      }
      return count;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while counting the lines of " + file);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException failed) {
        throw failed;
      }
      throw new IllegalStateException("counting the lines of " + file + " failed", e.getCause());
    } finally {
      others.forEach(other -> other.cancel(true));
    }
  }

  /** The line feeds in bytes {@code [from, to)} of {@code file}. */
  private static long count(Path file, long from, long to) throws IOException {
    byte[] block = new byte[StreamBytes.BLOCK];
    long count = 0;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(from);
      for (long left = to - from; left > 0; ) {
        int n = in.readNBytes(block, 0, (int) Math.min(block.length, left));
        if (n == 0) {
          throw new IOException(file + " ended before byte " + to);
        }
        count += StreamBytes.lineFeeds(block, 0, n);
        left -= n;
      }
    }
    return count;
  }
}
