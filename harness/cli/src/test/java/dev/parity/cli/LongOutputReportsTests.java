package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One long single-line difference must not make any report (or the console) huge. */
class LongOutputReportsTests {
  private static final long KIB = 1024;

  @TempDir Path temp;

  @Test
  void everyReportCapsAHugeOneLineDifference() throws Exception {
    Path suite = Files.createDirectories(temp.resolve("long"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: long",
            "legacy:",
            "  command: [sh, -c, \"head -c 3000000 /dev/zero | tr '\\\\0' a; echo\"]",
            "candidate:",
            "  command: [sh, -c, \"head -c 3000000 /dev/zero | tr '\\\\0' b; echo\"]",
            "cases:",
            "  - id: big/line",
            "  - id: big/again",
            ""));
    Path out = temp.resolve("out");

    Cli run = Cli.run("compare", suite.toString(), "--out", out.toString(), "--runs", "1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out().length()).isLessThan((int) (32 * KIB));
    assertThat(run.out())
        .contains("[parity: cut at 4 KiB of ", "; full output in observations/big/line/]");
    assertThat(Files.size(out.resolve("verdict.json"))).isLessThan(512 * KIB);
    assertThat(out.resolve("verdict.json"))
        .content()
        .containsAnyOf(
            "[parity: cut at 64 KiB of 5.7 MiB; full output in observations/big/line/]",
            "chars cut]");
    assertThat(Files.size(out.resolve("junit.xml"))).isLessThan(512 * KIB);
    assertThat(out.resolve("junit.xml")).content().containsAnyOf("[parity: cut at ", "chars cut]");
    assertThat(Files.size(out.resolve("summary.md"))).isLessThan(64 * KIB);
    assertThat(Files.size(out.resolve("index.html"))).isLessThan(4 * 1024 * KIB);
    assertThat(out.resolve("index.html")).content().contains("\"cutNote\":\"[parity: cut at ");
    assertThat(folderSize(out.resolve("allure-results"))).isLessThan(512 * KIB);
  }

  private static long folderSize(Path folder) throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
