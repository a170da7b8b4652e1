package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outputs over the in-memory limit (64 KiB here) whose redaction scan ran while they were spooled
 * ({@code record N value=M} lines: separators and letters, but no keyword) are still compared byte
 * for byte: one byte changed anywhere, or one byte more or less, is a difference at that byte;
 * equal outputs pass; a secret in them is still redacted.
 */
@ExtendWith(SmallSpoolLimit.class)
class BigOutputExactnessTests {
  private static final int SIZE = 1024 * 1024;

  @TempDir Path temp;

  @ParameterizedTest(name = "byte {0} changed")
  @ValueSource(ints = {0, SmallSpoolLimit.BYTES - 1, SmallSpoolLimit.BYTES, SIZE / 2, SIZE - 1})
  void oneByteChangedAnywhereIsADifferenceAtThatByte(int at) throws Exception {
    byte[] legacy = records(SIZE);
    byte[] candidate = legacy.clone();
    candidate[at] = (byte) (candidate[at] == '7' ? '8' : '7');

    Cli run = compare(legacy, candidate);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(temp.resolve("out/verdict.json"))
        .content()
        .contains("first difference at byte " + at + " ");
  }

  @ParameterizedTest(name = "candidate {0} bytes longer")
  @ValueSource(ints = {1, -1})
  void outputsThatDifferOnlyInLengthDifferAtTheShortersEnd(int more) throws Exception {
    byte[] legacy = records(SIZE);
    byte[] candidate = Arrays.copyOf(legacy, SIZE + more);
    if (more > 0) {
      candidate[SIZE] = '\n';
    }

    Cli run = compare(legacy, candidate);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(temp.resolve("out/verdict.json"))
        .content()
        .contains("first difference at byte " + Math.min(SIZE, SIZE + more) + " ");
  }

  @Test
  void equalOutputsPass() throws Exception {
    byte[] same = records(SIZE);

    Cli run = compare(same, same.clone());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("1 passed");
  }

  @Test
  void aSecretInTheMiddleOfEqualOutputsIsRedactedAndTheyPass() throws Exception {
    byte[] legacy = records(SIZE);
    byte[] secret = "\npassword=hunter2\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(secret, 0, legacy, SIZE / 2, secret.length);

    Cli run = compare(legacy, legacy.clone());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out() + run.err()).doesNotContain("hunter2");
  }

  @Test
  void secretsThatDifferInTheMiddleAreADifference() throws Exception {
    byte[] legacy = records(SIZE);
    byte[] candidate = legacy.clone();
    System.arraycopy(
        "\npassword=hunter2\n".getBytes(StandardCharsets.US_ASCII), 0, legacy, SIZE / 2, 17);
    System.arraycopy(
        "\npassword=hunter3\n".getBytes(StandardCharsets.US_ASCII), 0, candidate, SIZE / 2, 17);

    Cli run = compare(legacy, candidate);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(temp.resolve("out/verdict.json")).content().doesNotContain("hunter");
  }

  /**
   * With legacy run twice, the candidate and legacy's second run are compared with legacy's first
   * output as they arrive (issue 13, seventh pass): equal outputs still pass, and a byte changed
   * past the limit is still that difference.
   */
  @ParameterizedTest(name = "byte {0} changed, legacy run twice")
  @ValueSource(ints = {-1, SmallSpoolLimit.BYTES + 1, SIZE - 1})
  void withLegacyRunTwiceEqualOutputsPassAndAChangedByteIsADifference(int at) throws Exception {
    byte[] legacy = records(SIZE);
    byte[] candidate = legacy.clone();
    if (at >= 0) {
      candidate[at] = (byte) (candidate[at] == '7' ? '8' : '7');
    }

    Cli run = compare(legacy, candidate, "2");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(at < 0 ? 0 : 1);
    if (at >= 0) {
      assertThat(temp.resolve("out/verdict.json"))
          .content()
          .contains("first difference at byte " + at + " ");
    }
  }

  /** {@code size} bytes of {@code record N value=M} lines. */
  private static byte[] records(int size) {
    StringBuilder text = new StringBuilder(size + 64);
    for (int i = 0; text.length() < size; i++) {
      text.append(String.format("record %08d value=%016d%n", i, i * 7919L));
    }
    return Arrays.copyOf(text.toString().getBytes(StandardCharsets.US_ASCII), size);
  }

  private Cli compare(byte[] legacy, byte[] candidate) throws Exception {
    return compare(legacy, candidate, "1");
  }

  private Cli compare(byte[] legacy, byte[] candidate, String runs) throws Exception {
    Path suite = Files.createDirectories(temp.resolve("big"));
    Files.write(suite.resolve("legacy.txt"), legacy);
    Files.write(suite.resolve("candidate.txt"), candidate);
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: big",
            "legacy:",
            "  command: [sh, -c, 'cat \"$PARITY_SUITE/legacy.txt\"']",
            "candidate:",
            "  command: [sh, -c, 'cat \"$PARITY_SUITE/candidate.txt\"']",
            "cases:",
            "  - id: one",
            ""));
    return Cli.run(
        "compare", suite.toString(), "--out", temp.resolve("out").toString(), "--runs", runs);
  }
}
