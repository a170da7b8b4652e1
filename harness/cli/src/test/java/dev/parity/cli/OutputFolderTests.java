package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity replaces its reports in its output folder on every run (index.html, junit.xml,
 * observations/, allure-results/ ...); a folder that is not empty and holds nothing of Parity's
 * (`--out .` in a project) is refused before anything is run or written, so no user file is lost.
 */
class OutputFolderTests {
  @TempDir Path temp;
  Path suite;
  Path project;

  @BeforeEach
  void suiteAndAProjectFolder() throws Exception {
    suite = Files.createDirectories(temp.resolve("shop"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: shop",
            "legacy:",
            "  command: [sh, -c, 'echo \"$1\"', x]",
            "candidate:",
            "  command: [sh, -c, 'echo \"$1\"', x]",
            "cases:",
            "  - id: a",
            "    args: [a]",
            ""));
    project = Files.createDirectories(temp.resolve("website"));
    Files.writeString(project.resolve("index.html"), "<h1>my site</h1>");
    Files.createDirectories(project.resolve("allure-results"));
    Files.writeString(project.resolve("allure-results/mine-result.json"), "{\"name\":\"mine\"}");
  }

  @Test
  void aFolderOfOtherFilesIsRefusedAndLeftAsItWas() throws Exception {
    Cli run = Cli.run("compare", suite.toString(), "--out", project.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains(project.toString(), "index.html", "holds no Parity reports", "--out");
    assertThat(project.resolve("index.html")).content().isEqualTo("<h1>my site</h1>");
    assertThat(project.resolve("allure-results/mine-result.json")).exists();
    try (var listing = Files.list(project)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("index.html", "allure-results");
    }
  }

  @Test
  void aFolderOfOtherFilesIsLeftAsItWasWhenTheSuiteIsBrokenToo() throws Exception {
    Files.writeString(suite.resolve("suite.yaml"), "name: shop\nbogus: 1\n");

    Cli run = Cli.run("verify", suite.toString(), "--out", project.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(project.resolve("index.html")).content().isEqualTo("<h1>my site</h1>");
    assertThat(project.resolve("verdict.json")).doesNotExist();
  }

  @Test
  void aMergeIntoAFolderOfOtherFilesIsRefused() throws Exception {
    Path one = temp.resolve("shard1");
    Path two = temp.resolve("shard2");
    for (String[] shard : new String[][] {{"1/2", one.toString()}, {"2/2", two.toString()}}) {
      Cli run = Cli.run("compare", suite.toString(), "--shard", shard[0], "--out", shard[1]);
      // One shard has the one case, the other none (decision legacy, exit 1): both are shards.
      assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
    }

    Cli merge = Cli.run("merge", one.toString(), two.toString(), "--out", project.toString());

    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err()).contains("holds no Parity reports");
    assertThat(project.resolve("index.html")).content().isEqualTo("<h1>my site</h1>");
    assertThat(project.resolve("allure-results/mine-result.json")).exists();
  }

  @Test
  void aBenchIntoAFolderOfOtherFilesIsRefusedBeforeItRuns() throws Exception {
    Cli bench = Cli.run("bench", suite.toString(), "--out", project.toString());

    assertThat(bench.exitCode()).as(bench.out() + bench.err()).isEqualTo(2);
    assertThat(bench.err()).contains(project.toString(), "holds no Parity reports", "--out");
    assertThat(bench.out()).doesNotContain("bench 1/1");
    assertThat(project.resolve("bench.json")).doesNotExist();
    // A bench.json there would make the folder Parity's: the next run would replace index.html.
    Cli verify = Cli.run("compare", suite.toString(), "--out", project.toString());
    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(project.resolve("index.html")).content().isEqualTo("<h1>my site</h1>");
  }

  @Test
  void newEmptyAndEarlierOutputFoldersAreUsedAsBefore() throws Exception {
    Path fresh = temp.resolve("reports/new");
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Path earlier = Files.createDirectories(temp.resolve("earlier"));
    Files.writeString(earlier.resolve("verdict.json"), "{}");
    Files.writeString(earlier.resolve("notes.txt"), "the user's, beside an earlier run's reports");

    for (Path out : new Path[] {fresh, empty, earlier}) {
      Cli run = Cli.run("compare", suite.toString(), "--out", out.toString());
      assertThat(run.exitCode()).as(out + ": " + run.out() + run.err()).isZero();
      assertThat(out.resolve("verdict.json")).content().contains("\"decision\" : \"candidate\"");
    }
    // Once Parity has written a folder it stays Parity's, even if its reports are deleted.
    Files.delete(empty.resolve("verdict.json"));
    assertThat(Cli.run("compare", suite.toString(), "--out", empty.toString()).exitCode()).isZero();
  }
}
