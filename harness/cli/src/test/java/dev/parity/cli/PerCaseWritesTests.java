package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.archive.RunArchive;
import dev.parity.files.AtomicFiles;
import dev.parity.files.OutputFolder;
import dev.parity.testing.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run writes per case (issue 13): nothing for a passing case, and only goldens fsynced. */
class PerCaseWritesTests {
  private static final int CASES = 30;

  @TempDir Path temp;
  Path suite;
  Path golden;

  @BeforeEach
  void suiteOfPassingCases() throws Exception {
    suite = Files.createDirectories(temp.resolve("echo"));
    StringBuilder yaml =
        new StringBuilder("name: echo\nlegacy: {command: [echo]}\ncandidate: {command: [echo]}\n");
    yaml.append("cases:\n");
    for (int i = 0; i < CASES; i++) {
      yaml.append("  - {id: c/").append(i).append(", args: [arg-").append(i).append("]}\n");
    }
    Files.writeString(suite.resolve("suite.yaml"), yaml);
    golden = temp.resolve("golden");
  }

  @Test
  void aPassingVerifyWritesNothingPerCaseBesidesAllureAndSyncsNothing() throws Exception {
    assertThat(parity("record", suite.toString(), "--golden", golden.toString(), "--out", out("r")))
        .isZero();
    long before = AtomicFiles.syncs();

    int exit = parity("verify", suite.toString(), "--golden", golden.toString(), "--out", out("v"));

    assertThat(exit).isZero();
    assertThat(AtomicFiles.syncs() - before).as("files forced to disk by verify").isZero();
    List<String> written = Trees.files(temp.resolve("v"));
    // Allure wants one result file per test; they are written in one pass with the reports,
    // beside the run's own three (categories per cluster, environment, executor).
    assertThat(written)
        .filteredOn(p -> p.startsWith("allure-results/") && p.endsWith("-result.json"))
        .hasSize(CASES);
    assertThat(written)
        .filteredOn(p -> p.startsWith("allure-results/") && !p.endsWith("-result.json"))
        .containsExactlyInAnyOrder(
            "allure-results/categories.json",
            "allure-results/environment.properties",
            "allure-results/executor.json");
    assertThat(written)
        .filteredOn(p -> !p.startsWith("allure-results/"))
        .containsExactlyInAnyOrder(
            "verdict.json",
            "junit.xml",
            "index.html",
            "summary.md",
            OutputFolder.MARKER,
            RunArchive.FOLDER + "/" + RunArchive.REPRO_INDEX);
    // The report still shows how to reproduce a passing case.
    assertThat(temp.resolve("v/index.html")).content().contains("arg-17");
    // And `parity report` rebuilds it from that one file.
    Files.delete(temp.resolve("v/index.html"));
    assertThat(parity("report", out("v"))).isZero();
    assertThat(temp.resolve("v/index.html")).content().contains("arg-17");
  }

  @Test
  void aFailingVerifyStoresPendingResultsWithoutForcingThemToDisk() throws Exception {
    assertThat(parity("record", suite.toString(), "--golden", golden.toString(), "--out", out("r")))
        .isZero();
    Path yaml = suite.resolve("suite.yaml");
    Files.writeString(
        yaml,
        Files.readString(yaml)
            .replace("candidate: {command: [echo]}", "candidate: {command: [echo, changed]}"));
    long before = AtomicFiles.syncs();

    int exit = parity("verify", suite.toString(), "--golden", golden.toString(), "--out", out("v"));

    assertThat(exit).isEqualTo(1);
    assertThat(Trees.files(temp.resolve("v/pending")))
        .filteredOn(p -> p.endsWith("/candidate/stdout"))
        .hasSize(CASES);
    assertThat(AtomicFiles.syncs() - before).as("files forced to disk by verify").isZero();
  }

  @Test
  void recordForcesOnlyGoldenFilesToDisk() throws Exception {
    long before = AtomicFiles.syncs();

    int exit = parity("record", suite.toString(), "--golden", golden.toString(), "--out", out("r"));

    assertThat(exit).isZero();
    long goldenFiles = Trees.files(golden).stream().filter(p -> p.startsWith("c/")).count();
    assertThat(goldenFiles).isGreaterThanOrEqualTo(CASES);
    assertThat(AtomicFiles.syncs() - before).isEqualTo(goldenFiles);
  }

  private String out(String name) {
    return temp.resolve(name).toString();
  }

  private static int parity(String... args) {
    StringWriter console = new StringWriter();
    PrintWriter writer = new PrintWriter(console);
    int exit = Cli.execute(writer, writer, args);
    writer.flush();
    return exit;
  }
}
