package dev.parity.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Writes a spool file on a thread of its own, through a few direct buffers handed over in order, so
 * that the kernel's copy of each buffer into the page cache (about a second of CPU per GiB here,
 * the largest single cost of a large output) runs beside the pump's reads of the program's pipe
 * instead of after each of them (issue 13, docs/benchmarks.md, sixth pass).
 *
 * <p>The bytes reach the file in the order they were written: one thread writes, taking the full
 * buffers from a queue. A write that fails (the disk is full) is kept and thrown by {@link
 * #finish()}; the buffers after it are dropped, so the program is never blocked by a failed spool.
 */
final class SpoolWriter {
  /** Threads live 60 s idle: a run of many large outputs reuses them, a finished one keeps none. */
  private static final ExecutorService THREADS =
      Executors.newCachedThreadPool(DaemonThreads.named("parity-spool-writer"));

  /** One buffer filling, the others written or waiting to be. */
  private static final int BUFFERS = 3;

  /** Put after the last buffer: the writing thread stops there. */
  private static final ByteBuffer END = ByteBuffer.allocate(0);

  private final FileChannel channel;
  private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final Future<?> writing;
  private volatile @Nullable IOException failure;
  private @Nullable ByteBuffer filling;

  /** Starts writing to {@code channel}, which this closes in {@link #finish()}. */
  SpoolWriter(FileChannel channel, int bufferSize) {
    this.channel = channel;
    for (int i = 1; i < BUFFERS; i++) {
      free.add(ByteBuffer.allocateDirect(bufferSize));
    }
    this.filling = ByteBuffer.allocateDirect(bufferSize);
    this.writing =
        THREADS.submit(
            () -> {
              writeAll();
              return null;
            });
  }

  /** Appends {@code len} bytes of {@code b} from {@code off}; blocks while the buffers are full. */
  void write(byte[] b, int off, int len) throws IOException {
    ByteBuffer buffer = filling;
    if (buffer == null) {
      throw new IOException("the spool file is finished");
    }
    while (len > 0) {
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      if (!buffer.hasRemaining()) {
        full.add(buffer);
        buffer = take();
        filling = buffer;
      }
    }
  }

  /**
   * Writes what is left, waits for the writing thread and closes the file.
   *
   * @throws IOException the first write that failed, or closing the file
   */
  void finish() throws IOException {
    ByteBuffer buffer = filling;
    if (buffer == null) {
      return;
    }
    filling = null;
    try (channel) {
      if (buffer.position() > 0) {
        full.add(buffer);
      }
      full.add(END);
      writing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      writing.cancel(true);
      throw new InterruptedIOException("interrupted while the spool file was written");
    } catch (ExecutionException e) {
      throw new IllegalStateException("the spool writer failed", e.getCause());
    }
    IOException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }

  /** A free buffer, once the writing thread has written one; never waits on a dead thread. */
  private ByteBuffer take() throws IOException {
    try {
      while (true) {
        ByteBuffer buffer = free.poll(1, TimeUnit.SECONDS);
        if (buffer != null) {
          return buffer;
        }
        if (writing.isDone()) {
          throw new IOException("the spool writer stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the spool file was written");
    }
  }

  /** The writing thread: each full buffer in order, until {@link #END}. */
  private void writeAll() throws InterruptedException {
    while (true) {
      ByteBuffer buffer = full.take();
      if (buffer == END) {
        return;
      }
      if (failure == null) {
        try {
          buffer.flip();
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        } catch (IOException e) {
          failure = e;
        }
      }
      buffer.clear();
      free.add(buffer);
    }
  }
}
