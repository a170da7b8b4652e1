package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportCommandTests {
  @TempDir Path temp;
  Path suite;
  Path out;

  @BeforeEach
  void suiteWithOneMismatchOneErrorOnePass() throws Exception {
    suite = Files.createDirectories(temp.resolve("shop"));
    Files.writeString(
        suite.resolve("legacy.sh"),
        "case \"$1\" in total) echo 'total: 10';; *) echo \"same $1\";; esac\n");
    Files.writeString(
        suite.resolve("candidate.sh"),
        "case \"$1\" in total) echo 'total: 11';; boom) sleep 5;; *) echo \"same $1\";; esac\n");
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: shop",
            "legacy:",
            "  command: [sh, \"{suite}/legacy.sh\"]",
            "candidate:",
            "  command: [sh, \"{suite}/candidate.sh\"]",
            "cases:",
            "  - id: a/total",
            "    args: [total]",
            "    tags: [money]",
            "  - id: b/boom",
            "    args: [boom]",
            "    timeout: 300ms",
            "  - id: c/same",
            "    args: [same]",
            "    tags: [money]",
            ""));
    out = temp.resolve("out");
  }

  @Test
  void aRunWritesEveryReportAndTheObservations() throws Exception {
    Run run = parity("compare", suite.toString(), "--out", out.toString());

    assertThat(run.exit).as(run.output).isEqualTo(1);
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("summary.md"))
        .content()
        .contains("Parity compare shop: legacy ships", "**c1**");
    assertThat(out.resolve("observations/a/total/legacy/raw/stdout")).hasContent("total: 10");
    assertThat(out.resolve("observations/a/total/candidate/repro.sh"))
        .content()
        .contains("candidate.sh", "total");
    assertThat(countResults(out.resolve("allure-results"))).isEqualTo(3);
    assertThat(run.output)
        .contains(
            String.join(
                "\n",
                "Mismatch clusters (2 for 2 cases):",
                "  c1       1 fail  stdout: number changed in `total: <n>` (`10` -> `11`)",
                "              e.g. a/total",
                "  c2       1 error error: candidate timed out after <n>ms; the process and all its children were killed (raise [time...",
                "              e.g. b/boom",
                ""))
        .contains(
            "Report: " + out.resolve("index.html"),
            "Report: " + out.resolve("summary.md"),
            "Report: " + out.resolve("allure-results"));
  }

  @Test
  void junitXmlParsesWithAStandardParser() throws Exception {
    parity("compare", suite.toString(), "--out", out.toString());

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve("junit.xml").toFile());

    Element testsuite = xml.getDocumentElement();
    assertThat(testsuite.getAttribute("tests")).isEqualTo("3");
    assertThat(testsuite.getAttribute("failures")).isEqualTo("1");
    assertThat(testsuite.getAttribute("errors")).isEqualTo("1");
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    assertThat(((Element) xml.getElementsByTagName("failure").item(0)).getTextContent())
        .contains("-total: 10", "+total: 11");
  }

  @Test
  void reportRebuildsEveryReportFromTheOutputFolderWithoutRunning() throws Exception {
    parity("compare", suite.toString(), "--out", out.toString());
    String html = Files.readString(out.resolve("index.html"));
    String markdown = Files.readString(out.resolve("summary.md"));
    String junit = Files.readString(out.resolve("junit.xml"));
    Files.delete(out.resolve("index.html"));
    Files.delete(out.resolve("summary.md"));
    Files.delete(out.resolve("junit.xml"));
    // The suite is gone: a rebuild must not run anything.
    Files.delete(suite.resolve("candidate.sh"));

    Run run = parity("report", out.toString());

    assertThat(run.exit).as(run.output).isEqualTo(1);
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo(html);
    assertThat(Files.readString(out.resolve("summary.md"))).isEqualTo(markdown);
    assertThat(Files.readString(out.resolve("junit.xml"))).isEqualTo(junit);
    assertThat(countResults(out.resolve("allure-results"))).isEqualTo(3);
    assertThat(run.output)
        .contains("parity compare shop: 3 cases, 1 passed, 1 failed, 1 errors", "Decision: legacy");
  }

  @Test
  void reportWithoutObservationsShowsTheStoredDiffs() throws Exception {
    parity("compare", suite.toString(), "--out", out.toString());
    try (Stream<Path> walk = Files.walk(out.resolve("observations"))) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    Run run = parity("report", out.toString());

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.output)
        .contains("Note: no observations/ in " + out + "; index.html shows the stored diffs only.");
    assertThat(Files.readString(out.resolve("index.html")))
        .contains(
            "\"unified\":\"--- legacy/stdout\\n+++ candidate/stdout\\n@@ -1,1 +1,1 @@\\n-total: 10\\n+total: 11\\n\"");
  }

  @Test
  void reportRejectsAFolderWithoutVerdict() throws Exception {
    Files.createDirectories(out);

    Run run = parity("report", out.toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.output)
        .contains(
            "parity: configuration error: ",
            "no verdict.json in [" + out + "]; run `parity verify` or `parity compare` first");
  }

  @Test
  void reportRejectsAMissingFolder() {
    Run run = parity("report", temp.resolve("nope").toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.output).contains("output folder [" + temp.resolve("nope") + "] does not exist");
  }

  @Test
  void reportRejectsAnUnreadableVerdict() throws Exception {
    Files.createDirectories(out);
    Files.writeString(out.resolve("verdict.json"), "{ not json");

    Run run = parity("report", out.toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.output)
        .contains("verdict.json", "unreadable verdict [", "re-run the suite to write it again");
  }

  @Test
  void reportWithoutArgumentsIsAUsageError() {
    Run run = parity("report");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.output).contains("Missing required parameter: '<out-dir>'");
  }

  private static long countResults(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith("-result.json")).count();
    }
  }

  record Run(int exit, String output) {}

  private static Run parity(String... args) {
    StringWriter console = new StringWriter();
    PrintWriter writer = new PrintWriter(console);
    int exit = Cli.execute(writer, writer, args);
    writer.flush();
    return new Run(exit, console.toString());
  }
}
