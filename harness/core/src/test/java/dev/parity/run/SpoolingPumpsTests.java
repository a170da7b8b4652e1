package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.exec.ExecuteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A program's outputs are pumped in large reads, every byte of them, on reused threads. */
class SpoolingPumpsTests {
  /** An input that records how many bytes each read asked for. */
  private static final class RecordingInput extends ByteArrayInputStream {
    final List<Integer> asked = new ArrayList<>();

    RecordingInput(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      asked.add(len);
      return super.read(b, off, len);
    }
  }

  /** An output that remembers the threads that wrote to it. */
  private static final class ThreadRecordingOutput extends ByteArrayOutputStream {
    final Set<Thread> writers = new HashSet<>();

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writers.add(Thread.currentThread());
      super.write(b, off, len);
    }
  }

  @Test
  @Timeout(60)
  void pumpsEveryByteInReadsOfAtLeast64KiB() throws Exception {
    byte[] output = new byte[1 << 20];
    new Random(13).nextBytes(output);
    RecordingInput in = new RecordingInput(output);
    ThreadRecordingOutput out = new ThreadRecordingOutput();

    SpoolingPumps pumps = new SpoolingPumps(out, new ByteArrayOutputStream(), null);
    pumps.setProcessOutputStream(in);
    pumps.start();
    pumps.stop();

    assertThat(out.toByteArray()).isEqualTo(output);
    // Commons Exec's own pump asks for 1 KiB at a time: 1,024 reads for this megabyte.
    assertThat(in.asked).allSatisfy(len -> assertThat(len).isGreaterThanOrEqualTo(64 * 1024));
    assertThat(out.writers).allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
  }

  @Test
  @Timeout(60)
  void runsReuseThePumpThreadsInsteadOfStartingNewOnes() throws Exception {
    Set<Thread> writers = new HashSet<>();
    int runs = 20;
    for (int run = 0; run < runs; run++) {
      ThreadRecordingOutput out = new ThreadRecordingOutput();
      ThreadRecordingOutput err = new ThreadRecordingOutput();
      ByteArrayOutputStream stdin = new ByteArrayOutputStream();
      SpoolingPumps pumps =
          new SpoolingPumps(out, err, new ByteArrayInputStream(("in " + run).getBytes()));
      pumps.setProcessInputStream(stdin);
      pumps.setProcessOutputStream(new ByteArrayInputStream(("out " + run).getBytes()));
      pumps.setProcessErrorStream(new ByteArrayInputStream(("err " + run).getBytes()));
      pumps.start();
      pumps.stop();

      assertThat(out.toString()).isEqualTo("out " + run);
      assertThat(err.toString()).isEqualTo("err " + run);
      assertThat(stdin.toString()).isEqualTo("in " + run);
      writers.addAll(out.writers);
      writers.addAll(err.writers);
    }
    // A thread per pump and run (Commons Exec's way) would be 40 threads; the pool keeps a few.
    assertThat(writers).hasSizeLessThan(2 * runs);
  }

  @Test
  @Timeout(60)
  void noStdinClosesTheProgramsStdinAtOnce() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    OutputStream stdin =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw new AssertionError("nothing may be written");
          }

          @Override
          public void close() {
            closed.countDown();
          }
        };
    new SpoolingPumps(new ByteArrayOutputStream(), new ByteArrayOutputStream(), null)
        .setProcessInputStream(stdin);

    assertThat(closed.getCount()).isZero();
  }

  @Test
  @Timeout(60)
  void stopGivesUpOnAPumpThatOutlivesTheStopTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return read(new byte[1], 0, 1);
          }

          @Override
          public int read(byte[] b, int off, int len) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return -1;
          }
        };
    SpoolingPumps pumps =
        new SpoolingPumps(new ByteArrayOutputStream(), new ByteArrayOutputStream(), null);
    pumps.setStopTimeout(Duration.ofMillis(10));
    pumps.setProcessOutputStream(endless);
    pumps.start();
    try {
      assertThatThrownBy(pumps::stop)
          .isInstanceOf(ExecuteException.class)
          .hasMessageContaining("stop timeout");
    } finally {
      release.countDown();
    }
  }
}
