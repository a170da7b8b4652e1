package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CommandCase;
import dev.parity.fixture.Content;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.run.CommandRunner;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Reproducer;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minimal reproducers, end to end: real mismatches of real programs shrunk by running both sides
 * again, never reported unless the shrunk input was seen to show the change.
 */
@Timeout(120)
class ReproducersTests {
  private static final Duration PLENTY = Duration.ofMinutes(5);

  /** Seven lines the candidate prints as they are, and one ({@code abc}) it changes. */
  private static final String EIGHT = "one\ntwo\nabc\nthree\nfour\nfive\nsix\nseven\n";

  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE);

  /**
   * A suite whose legacy is {@code legacy} and whose candidate capitalizes the first b of a line.
   */
  private Suite suite(String legacy) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: "
                    + legacy
                    + "\ncandidate:\n  command: [sed, 's/b/B/']\ncases:\n"
                    + "  - id: same\n    stdin: \"x\\ny\\n\"\n"
                    + "  - id: long\n    stdin: \""
                    + EIGHT.replace("\n", "\\n")
                    + "\"\n"
                    + "  - id: longer\n    stdin: \""
                    + (EIGHT + "eight\nnine\n").replace("\n", "\\n")
                    + "\"\n");
    return new SuiteLoader().load(folder.folder());
  }

  private static Reproducers reproducers(Runner runner) {
    return new Reproducers(runner, new ObservationComparator(), ReproducersTests::script);
  }

  private static String script(Side side, Case testCase) {
    return side.label() + " < " + ((Content.Inline) ((CommandCase) testCase).stdin().get()).text();
  }

  @Test
  void shrinksTheClustersSmallestCaseToTheLinesThatStillShowItsChangeOnBothSides()
      throws Exception {
    Suite suite = suite("[cat]");
    Verdict compared = engine.compare(suite, RunOptions.defaults());

    Verdict shrunk = reproducers(new CommandRunner()).shrink(suite, compared, PLENTY);

    Reproducer reproducer = result(shrunk, "long").reproducer().orElseThrow();
    assertThat(reproducer.outcome()).isEqualTo(Reproducer.Outcome.MINIMAL);
    assertThat(reproducer.clusters()).containsExactly("c1");
    assertThat(reproducer.signature()).isEqualTo(compared.clusters().get(0).signature());
    assertThat(reproducer.input()).containsExactly(Map.entry("stdin", "abc\n"));
    assertThat(reproducer.reduced()).containsExactly(new Reproducer.Reduced("stdin lines", 1, 8));
    assertThat(reproducer.message()).startsWith("kept 1 of 8 stdin lines; 1-minimal");
    assertThat(reproducer.scripts())
        .containsExactly(
            Map.entry("legacy", "legacy < abc\n"), Map.entry("candidate", "candidate < abc\n"));
    // The shrunk input, run again here on both programs, still shows the change.
    assertThat(run(List.of("cat"), "abc\n")).isEqualTo("abc\n");
    assertThat(run(List.of("sed", "s/b/B/"), "abc\n")).isEqualTo("aBc\n");
    // Only the smallest case of the cluster is shrunk; nothing else changes.
    assertThat(result(shrunk, "longer").reproducer()).isEmpty();
    assertThat(result(shrunk, "same").reproducer()).isEmpty();
    assertThat(shrunk.toBuilder().fixtures(compared.fixtures()).build()).isEqualTo(compared);
  }

  @Test
  void whenTheBudgetRunsOutItSaysSoAndGivesTheSmallestInputThatWasSeenToShowTheChange() {
    Suite suite = suite("[cat]");
    Verdict compared = engine.compare(suite, RunOptions.defaults());
    // Each run of a side takes an hour by this clock: the first probe spends the budget.
    AtomicLong now = new AtomicLong();
    Runner slow =
        new Runner() {
          private final Runner real = new CommandRunner();

          @Override
          public RunOutcome run(Suite s, Implementation implementation, Case testCase) {
            now.addAndGet(TimeUnit.HOURS.toNanos(1));
            return real.run(s, implementation, testCase);
          }
        };
    Reproducers reproducers =
        new Reproducers(slow, new ObservationComparator(), ReproducersTests::script, now::get);

    Verdict shrunk = reproducers.shrink(suite, compared, Duration.ofMinutes(90));

    Reproducer reproducer = result(shrunk, "long").reproducer().orElseThrow();
    assertThat(reproducer.outcome()).isEqualTo(Reproducer.Outcome.BUDGET_SPENT);
    assertThat(reproducer.message())
        .startsWith("shrink budget of 5400000 ms spent after 2 runs: kept 4 of 8 stdin lines")
        .endsWith("maybe not minimal");
    assertThat(reproducer.input()).containsExactly(Map.entry("stdin", "one\ntwo\nabc\nthree\n"));
    assertThat(reproducer.probes()).isEqualTo(2);
  }

  @Test
  void aDifferenceTheLiveSidesNoLongerShowGetsNoReproducer() {
    // The golden is cat's output; since then legacy became the candidate's twin.
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    engine.record(suite("[cat]"), goldens, RunOptions.defaults());
    Suite now = suite("[sed, 's/b/B/']");
    Verdict verified = engine.verify(now, goldens, RunOptions.defaults());
    assertThat(result(verified, "long").status().passes()).isFalse();

    Verdict shrunk = reproducers(new CommandRunner()).shrink(now, verified, PLENTY);

    Reproducer reproducer = result(shrunk, "long").reproducer().orElseThrow();
    assertThat(reproducer.outcome()).isEqualTo(Reproducer.Outcome.NOT_REPRODUCED);
    assertThat(reproducer.input()).isEmpty();
    assertThat(reproducer.scripts()).isEmpty();
    assertThat(reproducer.message())
        .contains("the case's input no longer showed stdout: letter case", "no reproducer");
  }

  @Test
  void aLegacyThatCannotRunLiveGetsNoReproducerAndSaysWhy() {
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    engine.record(suite("[cat]"), goldens, RunOptions.defaults());
    // Verified where only the goldens of legacy are: its program is not here.
    Suite here = suite("[" + root.resolve("no-such-legacy") + "]");
    Verdict verified = engine.verify(here, goldens, RunOptions.defaults());

    Verdict shrunk = reproducers(new CommandRunner()).shrink(here, verified, PLENTY);

    Reproducer reproducer = result(shrunk, "long").reproducer().orElseThrow();
    assertThat(reproducer.outcome()).isEqualTo(Reproducer.Outcome.NOT_REPRODUCED);
    assertThat(reproducer.input()).isEmpty();
    assertThat(reproducer.message())
        .startsWith("run live on both sides, the case's input gave no output to compare (legacy")
        .endsWith(": no reproducer");
  }

  @Test
  void anHttpCaseShrinksItsQueryParametersAndJsonBodyMembers() throws Exception {
    TempSuite folder =
        TempSuite.in(root, "web")
            .file("app.py", APP)
            .suiteYaml(
                String.join(
                    "\n",
                    "name: web",
                    "allowSideEffects: true",
                    "legacy:",
                    "  start: [python3, \"{suite}/app.py\", \"{port}\", legacy]",
                    "  ready: /health",
                    "candidate:",
                    "  start: [python3, \"{suite}/app.py\", \"{port}\", candidate]",
                    "  ready: /health",
                    "cases:",
                    "  - id: search",
                    "    request:",
                    "      method: POST",
                    "      path: /echo",
                    "      query: {a: '1', q: 'abc', b: '2', c: '3'}",
                    "      body: {x: 1, name: bob, y: [true], z: null}",
                    ""));
    Suite suite = new SuiteLoader().load(folder.folder());
    Verdict compared;
    Verdict shrunk;
    try (Runner runner = Runners.standard()) {
      compared =
          new Engine(runner, new ObservationComparator(), Progress.NONE)
              .compare(suite, RunOptions.defaults());
      shrunk =
          new Reproducers(runner, new ObservationComparator(), (side, c) -> side.label())
              .shrink(suite, compared, PLENTY);
    }

    assertThat(result(compared, "search").status().passes()).isFalse();
    Reproducer reproducer = result(shrunk, "search").reproducer().orElseThrow();
    assertThat(reproducer.outcome()).isEqualTo(Reproducer.Outcome.MINIMAL);
    assertThat(reproducer.input())
        .containsExactly(Map.entry("query", "q=abc"), Map.entry("body", "{\"name\":\"bob\"}"));
    assertThat(reproducer.reduced())
        .containsExactly(
            new Reproducer.Reduced("query parameters", 1, 4),
            new Reproducer.Reduced("body members", 1, 4));
    assertThat(((HttpCase) suite.find("search").orElseThrow()).request().query()).hasSize(4);
  }

  /**
   * Echoes each query parameter and each JSON body member on a line; the candidate upper-cases the
   * value of {@code q} and appends {@code !} to {@code name}'s.
   */
  static final String APP =
      String.join(
          "\n",
          "import sys, json, http.server, urllib.parse",
          "class H(http.server.BaseHTTPRequestHandler):",
          "    def reply(self, body):",
          "        self.send_response(200); self.send_header('Content-Length', str(len(body)))",
          "        self.end_headers(); self.wfile.write(body)",
          "    def do_GET(self): self.reply(b'ok')",
          "    def do_POST(self):",
          "        url = urllib.parse.urlsplit(self.path)",
          "        n = int(self.headers['Content-Length'])",
          "        body = json.loads(self.rfile.read(n) or b'{}')",
          "        pairs = urllib.parse.parse_qsl(url.query) + [(k, str(v)) for k, v in body.items()]",
          "        out = ''",
          "        for k, v in pairs:",
          "            if sys.argv[2] == 'candidate' and k == 'q': v = v.upper()",
          "            if sys.argv[2] == 'candidate' and k == 'name': v = v + '!'",
          "            out += k + '=' + v + '\\n'",
          "        self.reply(out.encode())",
          "    def log_message(self, *a): pass",
          "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()",
          "");

  private static CaseResult result(Verdict verdict, String id) {
    return verdict.fixtures().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static String run(List<String> command, String stdin)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
