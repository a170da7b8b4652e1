package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs over the in-memory limit (lowered here to 64 KiB, so no test writes gigabytes) are
 * compared exactly on disk: equal ones pass, one differing byte at the very end fails, and goldens
 * of such outputs are stored whole.
 */
@ExtendWith(SmallSpoolLimit.class)
class BigOutputCliTests {
  private static final int SIZE = 3 * 1024 * 1024;

  @TempDir Path temp;

  @Test
  void equalOutputsOverTheLimitPass() throws Exception {
    Path suite = suite("x", "x");

    Cli run = compare(suite);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("1 passed");
    assertNoSpoolLeft();
  }

  @Test
  void oneDifferingByteAtTheEndFailsAndSaysWhere() throws Exception {
    Path suite = suite("x", "y");

    Cli run = compare(suite);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    // 3 MiB of "line NNNNN\n"-style lines, then the last byte differs.
    assertThat(temp.resolve("out/verdict.json"))
        .content()
        .contains("first difference at byte " + (SIZE - 1))
        .contains("compared byte for byte on disk");
    assertNoSpoolLeft();
  }

  @Test
  void aGoldenOverTheLimitIsStoredWholeAndVerifiesExactly() throws Exception {
    Path suite = suite("x", "y");
    Path golden = temp.resolve("golden");

    Cli record =
        Cli.run("record", suite.toString(), "--golden", golden.toString(), "--out", out("r"));
    Cli verify =
        Cli.run("verify", suite.toString(), "--golden", golden.toString(), "--out", out("v"));

    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    assertThat(Files.size(golden.resolve("big/one/stdout"))).isEqualTo(SIZE);
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(temp.resolve("v/verdict.json"))
        .content()
        .contains("first difference at byte " + (SIZE - 1));
  }

  private String out(String name) {
    return temp.resolve(name).toString();
  }

  private Cli compare(Path suite) {
    return Cli.run("compare", suite.toString(), "--out", out("out"), "--runs", "1");
  }

  /**
   * Both sides print the same 3 MiB but for the last byte: {@code legacyEnd}, {@code candidateEnd}.
   */
  private Path suite(String legacyEnd, String candidateEnd) throws Exception {
    Path suite = Files.createDirectories(temp.resolve("big"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < SIZE - 16; i++) {
      text.append("line ").append(i).append('\n');
    }
    while (text.length() < SIZE - 1) {
      text.append('.');
    }
    Files.writeString(suite.resolve("body.txt"), text);
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: big",
            "legacy:",
            "  command: [sh, -c, 'cat \"$PARITY_SUITE/body.txt\"; printf " + legacyEnd + "']",
            "candidate:",
            "  command: [sh, -c, 'cat \"$PARITY_SUITE/body.txt\"; printf " + candidateEnd + "']",
            "cases:",
            "  - id: big/one",
            ""));
    return suite;
  }

  private static void assertNoSpoolLeft() throws Exception {
    String mine = "parity-" + ProcessHandle.current().pid() + "-spool-";
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(mine)))
          .isEmpty();
    }
  }
}
