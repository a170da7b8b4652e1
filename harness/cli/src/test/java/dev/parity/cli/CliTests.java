package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** End to end: the real command line on small suites in temporary folders, with real processes. */
class CliTests {
  @TempDir Path root;

  private TempSuite suite(String candidateScript) {
    return TempSuite.in(root, "tool")
        .suiteYaml(
            TempSuite.scriptSides("tool")
                + """
            cases:
              - id: greet
                args: [greet, World]
              - id: count
                args: [count]
                stdin: "a\\nb\\nc\\n"
              - id: report
                args: [report]
                files: [data/in.txt]
                outputs: [out/report.txt]
            """)
        .file("data/in.txt", "alpha\nbeta\n")
        .script("legacy.sh", SCRIPT)
        .script("candidate.sh", candidateScript);
  }

  private static final String SCRIPT =
      """
      case "$1" in
        greet) echo "Hello, $2!" ;;
        count) wc -l | tr -d ' ' ;;
        report) mkdir -p out; sort -r data/in.txt > out/report.txt; echo done ;;
        *) echo "unknown command $1" >&2; exit 2 ;;
      esac
      """;

  @Test
  void recordThenVerifyOfAnIdenticalCandidateExitsZero() throws Exception {
    TempSuite suite = suite(SCRIPT);

    Cli record = Cli.run("record", suite.folder().toString());
    Cli verify = Cli.run("verify", suite.folder().toString());

    assertThat(record.exitCode()).as(record.err()).isZero();
    assertThat(record.out()).contains("parity record tool: 3 cases, 3 passed, 0 failed, 0 errors");
    assertThat(suite.golden().resolve("report/files/out/report.txt")).hasContent("beta\nalpha");
    assertThat(suite.golden().resolve("count/stdout")).hasContent("3");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Decision: candidate", "all 3 cases pass");
    JsonNode verdict =
        VerdictJson.mapper().readTree(suite.reports().resolve("verdict.json").toFile());
    assertThat(verdict.get("decision").asText()).isEqualTo("candidate");
    assertThat(verdict.get("mode").asText()).isEqualTo("verify");
    assertThat(suite.reports().resolve("junit.xml")).exists();
  }

  @Test
  void aCandidateThatDiffersOnOneCaseExitsOneAndExplainsIt() throws Exception {
    TempSuite suite = suite(SCRIPT.replace("Hello, $2!", "Hello $2"));
    assertThat(Cli.run("record", suite.folder().toString()).exitCode()).isZero();

    Cli verify = Cli.run("verify", suite.folder().toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out())
        .contains(
            "FAIL greet  (stdout differ)",
            "  stdout : 1 line removed, 1 line added (diff below)",
            "-Hello, World!",
            "+Hello World")
        .contains("Decision: legacy", "1 case differs: greet");
    JsonNode verdict =
        VerdictJson.mapper().readTree(suite.reports().resolve("verdict.json").toFile());
    assertThat(verdict.get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("counts").get("failed").asInt()).isEqualTo(1);
    JsonNode greet = verdict.get("fixtures").get(1);
    assertThat(greet.get("id").asText()).isEqualTo("greet");
    assertThat(greet.get("status").asText()).isEqualTo("fail");
    assertThat(greet.get("diff").asText()).contains("-Hello, World!\n+Hello World\n");
    Document junit =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(suite.reports().resolve("junit.xml").toFile());
    Element failure = (Element) junit.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("greet");
    assertThat(failure.getTextContent()).contains("-Hello, World!\n+Hello World\n");
  }

  @Test
  void compareRunsBothSidesLive() {
    TempSuite suite = suite(SCRIPT.replace("sort -r", "sort"));

    Cli compare =
        Cli.run(
            "compare",
            suite.folder().toString(),
            "--out",
            root.resolve("cmp").toString(),
            "--jobs",
            "1");

    assertThat(compare.exitCode()).isEqualTo(1);
    assertThat(compare.out())
        .contains(
            "FAIL report",
            "output file out/report.txt : 1 line removed, 1 line added",
            "--- legacy/out/report.txt");
    assertThat(root.resolve("cmp/verdict.json")).exists();
    assertThat(root.resolve("golden")).doesNotExist();
  }

  @Test
  void aCandidateBinaryThatDoesNotExistExitsThree() {
    TempSuite suite = suite(SCRIPT);
    assertThat(Cli.run("record", suite.folder().toString()).exitCode()).isZero();
    suite.suiteYaml(
        "name: tool\nlegacy:\n  command: [sh, \"{suite}/legacy.sh\"]\ncandidate:\n  command: [\"{suite}/bin/new-tool\"]\ncases:\n  - id: greet\n    args: [greet, W]\n");

    Cli verify = Cli.run("verify", suite.folder().toString());

    assertThat(verify.exitCode()).isEqualTo(3);
    assertThat(verify.out())
        .contains(
            "candidate implementation could not be run: program ["
                + suite.folder()
                + "/bin/new-tool] does not exist");
  }

  @Test
  void filterAndJobsOptionsWork() {
    TempSuite suite = suite(SCRIPT);

    Cli record = Cli.run("record", suite.folder().toString(), "--filter", "gr*", "-j", "1");

    assertThat(record.exitCode()).isZero();
    assertThat(record.out()).contains("1 cases, 1 passed");
    assertThat(suite.golden().resolve("greet")).exists();
    assertThat(suite.golden().resolve("count")).doesNotExist();
  }

  @Test
  void recordKeepsChangedGoldensUnlessUpdateIsGiven() throws Exception {
    TempSuite suite = suite(SCRIPT);
    Cli.run("record", suite.folder().toString());
    suite.script("legacy.sh", SCRIPT.replace("Hello", "Hi"));

    Cli kept = Cli.run("record", suite.folder().toString());
    assertThat(kept.exitCode()).isEqualTo(1);
    assertThat(kept.out())
        .contains(
            "FAIL greet", "-Hello, World!", "+Hi, World!", "re-run with --update to replace it");
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hello, World!");

    Cli updated = Cli.run("record", suite.folder().toString(), "--update");
    assertThat(updated.exitCode()).isZero();
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hi, World!");
  }

  @Test
  void configurationErrorsExitTwoWithTheLocationAndTouchNoGolden() {
    TempSuite suite = suite(SCRIPT);
    suite.suiteYaml(
        "name: tool\nlegacy:\n  command: [sh]\ncandidate:\n  command: [sh]\ncases:\n  - id: a\n    arsg: [x]\n");

    Cli record = Cli.run("record", suite.folder().toString());

    assertThat(record.exitCode()).isEqualTo(2);
    assertThat(record.err())
        .isEqualTo(
            "parity: configuration error: "
                + suite.folder().resolve("suite.yaml")
                + ":8:5: unknown key [arsg] at [cases[0].arsg]; did you mean [args]? Valid keys here: args, env, files, id, inputs, matrix, normalize, optional, outputs, request, stdin, table, tags, timeout\n");
    assertThat(root.resolve("golden")).doesNotExist();
    assertThat(root.resolve("reports")).doesNotExist();
  }

  @Test
  void usageErrorsExitTwoWithSuggestions() {
    Cli unknownCommand = Cli.run("verfy", "x");
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.err())
        .contains(
            "Unmatched arguments from index 0: 'verfy', 'x'",
            "Did you mean: parity verify or parity merge?");

    Cli unknownOption = Cli.run("verify", root.toString(), "--jbos", "2");
    assertThat(unknownOption.exitCode()).isEqualTo(2);
    assertThat(unknownOption.err())
        .contains("Unknown options: '--jbos', '2'", "Run 'parity verify --help' for usage.");

    Cli noJobs = Cli.run("verify", root.toString(), "--jobs", "0");
    assertThat(noJobs.exitCode()).isEqualTo(2);
    assertThat(noJobs.err()).contains("--jobs must be at least 1, was [0]");

    Cli missingSuite = Cli.run("verify", root.resolve("nope").toString());
    assertThat(missingSuite.exitCode()).isEqualTo(2);
    assertThat(missingSuite.err()).contains("suite folder not found");

    Cli noCommand = Cli.run();
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).contains("missing command");
  }

  @Test
  void anOutputFolderThatIsAFileIsAClearError() throws Exception {
    TempSuite suite = suite(SCRIPT);
    Path file = Files.writeString(root.resolve("not-a-folder"), "x");

    Cli record = Cli.run("record", suite.folder().toString(), "--out", file.toString());

    assertThat(record.exitCode()).isEqualTo(2);
    assertThat(record.err())
        .startsWith("parity: cannot read or write a file: ")
        .contains(file.toString())
        .doesNotContain("\tat ");
  }

  @Test
  void badFilterIsAUsageError() {
    TempSuite suite = suite(SCRIPT);

    Cli record = Cli.run("record", suite.folder().toString(), "--filter", "zzz*");

    assertThat(record.exitCode()).isEqualTo(2);
    assertThat(record.err()).contains("--filter [zzz*] matches none of the 3 case ids");
    assertThat(root.resolve("golden")).doesNotExist();
  }

  @Test
  void helpDocumentsCommandsAndExitCodes() {
    Cli help = Cli.run("--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("record", "verify", "compare", "demo", "Exit codes:")
        .containsPattern("3\\s+an implementation could not be run at all");
    Cli recordHelp = Cli.run("record", "--help");
    assertThat(recordHelp.out())
        .contains("--update", "--out=DIR", "--golden=DIR", "--filter=GLOB", "--jobs=N");
  }

  @Test
  void nonUtf8AndBinaryOutputsSurviveRecordAndVerify() throws Exception {
    String binary = "printf 'caf\\351\\n'; printf '\\000\\001\\002' > out.bin\n";
    TempSuite suite =
        TempSuite.in(root, "bin")
            .suiteYaml(
                "name: bin\nlegacy:\n  command: [sh, \"{suite}/run.sh\"]\ncandidate:\n  command: [sh, \"{suite}/run.sh\"]\ncases:\n  - id: a\n    outputs: [out.bin]\n")
            .script("run.sh", binary);

    assertThat(Cli.run("record", suite.folder().toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(suite.golden().resolve("a/stdout")))
        .containsExactly('c', 'a', 'f', 0xe9, '\n');
    assertThat(Files.readAllBytes(suite.golden().resolve("a/files/out.bin")))
        .containsExactly(0, 1, 2);
    assertThat(Cli.run("verify", suite.folder().toString()).exitCode()).isZero();

    suite.script("run.sh", "printf 'caf\\303\\251\\n'; printf '\\000\\001\\003' > out.bin\n");
    Cli verify = Cli.run("verify", suite.folder().toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out())
        .contains(
            "output file out.bin : binary content differs: legacy 3 bytes, candidate 3 bytes, first difference at byte 2");
    assertThat(verify.out()).contains("-caf\uFFFD", "+café");
  }
}
