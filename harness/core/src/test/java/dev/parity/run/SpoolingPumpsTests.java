package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A program's outputs are pumped in large reads, every byte of them. */
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

  @Test
  @Timeout(60)
  void pumpsEveryByteInReadsOfAtLeast64KiB() throws Exception {
    byte[] output = new byte[1 << 20];
    new Random(13).nextBytes(output);
    RecordingInput in = new RecordingInput(output);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Thread pump = new SpoolingPumps(out, out, null).createPump(in, out, false);
    pump.start();
    pump.join();

    assertThat(out.toByteArray()).isEqualTo(output);
    // Commons Exec's own pump asks for 1 KiB at a time: 1,024 reads for this megabyte.
    assertThat(in.asked).allSatisfy(len -> assertThat(len).isGreaterThanOrEqualTo(64 * 1024));
    assertThat(pump.isDaemon()).isTrue();
  }
}
