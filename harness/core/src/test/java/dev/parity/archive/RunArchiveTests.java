package dev.parity.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.run.Observation;
import dev.parity.run.RunOutcome;
import dev.parity.testing.TempSuite;
import dev.parity.testing.Trees;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArchiveTests {
  @TempDir Path temp;

  @Test
  void storesRawObservationsAndReadsThemBack() throws Exception {
    RunArchive archive = RunArchive.in(temp);
    Observation raw = observation(3, "out <é>\n", Map.of("out/a.csv", "x,y\n"));

    archive.store("group/case-1", Side.CANDIDATE, raw, raw, "echo hi\n");

    assertThat(archive.read("group/case-1", Side.CANDIDATE, RunArchive.View.RAW)).contains(raw);
    assertThat(archive.read("group/case-1", Side.CANDIDATE, RunArchive.View.NORMALIZED))
        .contains(raw);
    assertThat(archive.hasNormalized("group/case-1", Side.CANDIDATE)).isFalse();
    assertThat(archive.repro("group/case-1", Side.CANDIDATE)).contains("echo hi\n");
    assertThat(temp.resolve("observations/group/case-1/candidate/raw/files/out/a.csv"))
        .hasContent("x,y");
    assertThat(archive.read("group/case-1", Side.LEGACY, RunArchive.View.RAW)).isEmpty();
  }

  @Test
  void keepsTheNormalizedViewOnlyWhenItDiffers() throws Exception {
    RunArchive archive = RunArchive.in(temp);
    Observation raw = observation(0, "at 12:00:01\n", Map.of());
    Observation normalized = observation(0, "at <time-1>\n", Map.of());

    archive.store("c", Side.LEGACY, raw, normalized, "");

    assertThat(archive.hasNormalized("c", Side.LEGACY)).isTrue();
    assertThat(archive.read("c", Side.LEGACY, RunArchive.View.NORMALIZED)).contains(normalized);
    assertThat(archive.read("c", Side.LEGACY, RunArchive.View.RAW)).contains(raw);
  }

  @Test
  void cutsStreamsBeyondTheBoundAndSaysSo() throws Exception {
    RunArchive archive = RunArchive.in(temp).withMaxStreamBytes(4);
    Observation raw = observation(0, "0123456789", Map.of());

    archive.store("c", Side.LEGACY, raw, raw, "");

    Observation back = archive.read("c", Side.LEGACY, RunArchive.View.RAW).orElseThrow();
    assertThat(new String(back.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("0123");
    assertThat(back.value(RunArchive.TRUNCATED)).contains("stdout");
  }

  @Test
  void clearRemovesAnEarlierRun() throws Exception {
    RunArchive archive = RunArchive.in(temp);
    Observation raw = observation(0, "x", Map.of());
    archive.store("old", Side.LEGACY, raw, raw, "");

    archive.clear();

    assertThat(archive.read("old", Side.LEGACY, RunArchive.View.RAW)).isEmpty();
  }

  @Test
  void rejectsCaseIdsThatEscapeTheFolder() {
    RunArchive archive = RunArchive.in(temp);
    Observation raw = observation(0, "x", Map.of());

    assertThatThrownBy(() -> archive.store("../../etc", Side.LEGACY, raw, raw, ""))
        .hasMessageContaining("case id [../../etc] escapes the observations folder");
  }

  @Test
  void reproCommandReproducesTheRunnersOutput() throws Exception {
    Path suiteFolder = Files.createDirectories(temp.resolve("suite"));
    Files.createDirectories(suiteFolder.resolve("in"));
    Files.writeString(suiteFolder.resolve("in/data.txt"), "from file 'quoted' $HOME\n");
    Files.writeString(
        suiteFolder.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: repro",
            "legacy:",
            "  command: [sh, -c, 'printf \"%s|%s|%s|\" \"$1\" \"$GREETING\" \"$(cat in/data.txt)\"; cat', sh]",
            "  env: {GREETING: \"it's me & you\"}",
            "candidate:",
            "  command: [cat]",
            "cases:",
            "  - id: one",
            "    args: [\"two words; $x\"]",
            "    files: [in/data.txt]",
            "    stdin: \"line 1\\nline 'two'\\n\"",
            ""));
    Suite suite = new SuiteLoader().load(suiteFolder);
    Case testCase = suite.cases().get(0);
    RunOutcome outcome = new CommandRunner().run(suite, suite.legacy(), testCase);
    byte[] expected = outcome.observation().orElseThrow().stream("stdout").orElseThrow();

    String script = Repro.of(suite, Side.LEGACY, testCase);
    // A script runs from the project folder (here the suite's parent): its paths are relative.
    Process process =
        new ProcessBuilder("sh", "-c", script)
            .directory(temp.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] actual = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(new String(expected, StandardCharsets.UTF_8))
        .startsWith("two words; $x|it's me & you|from file");
  }

  @Test
  void reproOfAnHttpCaseStartsTheServerAndSendsTheRequestWithCurl() throws Exception {
    Path suiteFolder = Files.createDirectories(temp.resolve("web"));
    Files.writeString(
        suiteFolder.resolve("app.py"),
        String.join(
            "\n",
            "import sys, http.server",
            "class H(http.server.BaseHTTPRequestHandler):",
            "    def do_POST(self):",
            "        body = self.rfile.read(int(self.headers['Content-Length']))",
            "        reply = (self.path + '|' + self.headers['X-Who'] + '|' + self.headers['Content-Type'] + '|').encode() + body",
            "        self.send_response(201); self.send_header('Content-Length', str(len(reply))); self.end_headers(); self.wfile.write(reply)",
            "    def do_GET(self):",
            "        self.send_response(200); self.send_header('Content-Length', '2'); self.end_headers(); self.wfile.write(b'ok')",
            "    def log_message(self, *a): pass",
            "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()",
            ""));
    Files.writeString(
        suiteFolder.resolve("suite.yaml"),
        TempSuite.startedAppAndClosedCandidate("web")
            + String.join(
                "\n",
                "  - id: post",
                "    request:",
                "      method: POST",
                "      path: /people",
                "      query: {q: \"a b&c\"}",
                "      headers: {X-Who: \"it's me\"}",
                "      body: {name: Ann}",
                ""));
    Suite suite = new SuiteLoader().load(suiteFolder);
    Case testCase = suite.cases().get(0);

    String legacy = Repro.of(suite, Side.LEGACY, testCase);
    String candidate = Repro.of(suite, Side.CANDIDATE, testCase);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder("sh", "-c", "PORT=" + port + "\n" + legacy + "kill $SERVER\n")
            .directory(temp.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

    assertThat(output)
        .startsWith("HTTP/1.0 201")
        .endsWith("/people?q=a+b%26c|it's me|application/json|{\"name\":\"Ann\"}");
    assertThat(candidate)
        .isEqualTo(
            "# candidate side of case post (HTTP)\n"
                + "# run from the project folder (the one holding fixtures/); rerun the case with:\n"
                + "#   parity verify web --filter 'post'\n"
                + "ROOT=\"$PWD\"\n"
                + "printf '%s' '{\"name\":\"Ann\"}' | curl -sS -i --path-as-is -X POST"
                + " -H 'X-Who: it'\\''s me' -H 'Content-Type: application/json' --data-binary @-"
                + " \"http://127.0.0.1:9\"'/people?q=a+b%26c'\n");
  }

  @Test
  void sinkStoresOutputsOnlyForCasesWhoseSidesDiffer() throws Exception {
    Path suiteFolder = Files.createDirectories(temp.resolve("suite"));
    Files.writeString(
        suiteFolder.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: s",
            "legacy:",
            "  command: [echo]",
            "candidate:",
            "  command: [echo]",
            "cases:",
            "  - id: same",
            "    args: [a]",
            "  - id: differs",
            "    args: [b]",
            ""));
    Suite suite = new SuiteLoader().load(suiteFolder);
    RunArchive archive = RunArchive.in(temp.resolve("out"));
    var sink = archive.sink(suite);
    Observation a = observation(0, "a\n", Map.of());
    Observation b = observation(0, "b\n", Map.of());

    sink.accept(suite.cases().get(1), Side.LEGACY, a, a); // "same" (cases are sorted by id)
    sink.accept(suite.cases().get(0), Side.CANDIDATE, b, b); // "differs", candidate first
    sink.accept(suite.cases().get(1), Side.CANDIDATE, a, a);
    sink.accept(suite.cases().get(0), Side.LEGACY, a, a);
    sink.finish();

    assertThat(suite.cases()).extracting(Case::id).containsExactly("differs", "same");
    assertThat(archive.read("same", Side.LEGACY, RunArchive.View.RAW)).isEmpty();
    assertThat(archive.repro("same", Side.LEGACY)).hasValueSatisfying(r -> r.contains("echo a"));
    assertThat(archive.repro("same", Side.CANDIDATE)).isPresent();
    assertThat(archive.read("differs", Side.LEGACY, RunArchive.View.RAW)).contains(a);
    assertThat(archive.read("differs", Side.CANDIDATE, RunArchive.View.RAW)).contains(b);
    assertThat(archive.repro("differs", Side.CANDIDATE))
        .hasValueSatisfying(r -> r.contains("echo b"));
  }

  @Test
  void passingCasesWriteNothingPerCaseTheirReprosGoToOneFileAtTheEnd() throws Exception {
    Path suiteFolder = Files.createDirectories(temp.resolve("suite"));
    StringBuilder yaml =
        new StringBuilder("name: s\nlegacy: {command: [echo]}\ncandidate: {command: [echo]}\n");
    yaml.append("cases:\n");
    for (int i = 0; i < 50; i++) {
      yaml.append("  - {id: pass/c").append(i).append(", args: [\"").append(i).append("\"]}\n");
    }
    yaml.append("  - {id: fail/x, args: [x]}\n");
    Files.writeString(suiteFolder.resolve("suite.yaml"), yaml);
    Suite suite = new SuiteLoader().load(suiteFolder);
    RunArchive archive = RunArchive.in(temp.resolve("out"));
    ArchiveSink sink = archive.sink(suite);
    Observation same = observation(0, "same\n", Map.of());

    for (Case testCase : suite.cases()) {
      boolean fails = testCase.id().startsWith("fail/");
      sink.accept(testCase, Side.LEGACY, same, same);
      Observation candidate = fails ? observation(1, "other\n", Map.of()) : same;
      sink.accept(testCase, Side.CANDIDATE, candidate, candidate);
    }

    // While cases run, only the failing case has written anything.
    assertThat(Trees.files(archive.folder()))
        .allMatch(p -> p.startsWith("fail/x/"))
        .contains("fail/x/legacy/repro.sh", "fail/x/candidate/raw/stdout");
    sink.finish();
    assertThat(Trees.files(archive.folder()))
        .filteredOn(p -> !p.startsWith("fail/x/"))
        .containsExactly(RunArchive.REPRO_INDEX);
    // The reports read the passing cases' repro commands from that one file.
    RunArchive reader = RunArchive.in(temp.resolve("out"));
    assertThat(reader.repro("pass/c7", Side.CANDIDATE))
        .hasValueSatisfying(r -> assertThat(r).contains("echo 7"));
    assertThat(reader.repro("pass/c7", Side.LEGACY)).isPresent();
    assertThat(reader.repro("fail/x", Side.CANDIDATE))
        .hasValueSatisfying(r -> assertThat(r).contains("echo x"));
    assertThat(reader.read("pass/c7", Side.LEGACY, RunArchive.View.RAW)).isEmpty();
    assertThat(reader.repro("unknown", Side.LEGACY)).isEmpty();
  }

  @Test
  void quotesOnlyWhatNeedsIt() {
    assertThat(List.of("plain-word_1.txt", "", "a b", "it's"))
        .map(Repro::quote)
        .containsExactly("plain-word_1.txt", "''", "'a b'", "'it'\\''s'");
  }

  private static Observation observation(int exit, String stdout, Map<String, String> files) {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return Observation.ofCommand(
        exit, stdout.getBytes(StandardCharsets.UTF_8), new byte[0], bytes, Duration.ZERO);
  }
}
