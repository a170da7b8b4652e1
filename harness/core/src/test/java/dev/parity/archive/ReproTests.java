package dev.parity.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Case;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.fixture.Suites;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repro scripts send exactly the case's request: the path as written, HEAD without waiting for a
 * body, binary bodies byte for byte; and they run from any copy of the project folder.
 */
class ReproTests {
  static final String APP =
      String.join(
          "\n",
          "import sys, http.server",
          "class H(http.server.BaseHTTPRequestHandler):",
          "    def reply(self, body):",
          "        self.send_response(200); self.send_header('Content-Length', str(len(body)))",
          "        self.end_headers(); self.wfile.write(body)",
          "    def do_GET(self): self.reply(('path=' + self.path).encode())",
          "    def do_POST(self):",
          "        n = int(self.headers['Content-Length'])",
          "        self.reply(self.headers['Content-Type'].encode() + b'|' + self.rfile.read(n))",
          "    def do_HEAD(self):",
          "        # announces a body it does not send, as HEAD responses do",
          "        self.send_response(200); self.send_header('Content-Length', '5'); self.end_headers()",
          "    def log_message(self, *a): pass",
          "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()",
          "");
  static final byte[] BINARY = {0, 1, '@', '\r', '\n', (byte) 0xff, (byte) 0xfe, '\'', '"', 0};

  @TempDir Path temp;

  @Test
  @Timeout(120)
  void sendsThePathAsWrittenHeadWithoutABodyAndBinaryBodiesExactly() throws Exception {
    Path project = Files.createDirectories(temp.resolve("project"));
    Path suiteFolder = Files.createDirectories(project.resolve("fixtures/web"));
    Files.writeString(suiteFolder.resolve("app.py"), APP);
    Files.write(suiteFolder.resolve("upload.bin"), BINARY);
    Files.writeString(
        suiteFolder.resolve("suite.yaml"),
        TempSuite.startedAppAndClosedCandidate("web")
            + String.join(
                "\n",
                "  - id: traversal",
                "    request: {path: /static/../../etc/passwd}",
                "  - id: head",
                "    request: {method: HEAD, path: /people}",
                "  - id: upload",
                "    request: {method: POST, path: /up, body: \"@upload.bin\"}",
                ""));
    Suite suite = new SuiteLoader().load(suiteFolder);
    // The project is moved after the scripts are written: they must not name where it was.
    String traversal = repro(suite, "traversal");
    String head = repro(suite, "head");
    String upload = repro(suite, "upload");
    Path moved = Files.move(project, temp.resolve("elsewhere"));

    assertThat(traversal + head + upload).doesNotContain(project.toString());
    assertThat(head).contains("--head").doesNotContain("-X HEAD");
    assertThat(upload).contains("#   parity verify fixtures/web --filter 'upload'\n");
    assertThat(text(run(moved, traversal))).endsWith("path=/static/../../etc/passwd");
    assertThat(text(run(moved, head))).startsWith("HTTP/1.0 200").contains("Content-Length: 5");
    byte[] uploaded = run(moved, upload);
    byte[] expectedTail =
        concat("application/octet-stream|".getBytes(StandardCharsets.UTF_8), BINARY);
    assertThat(tail(uploaded, expectedTail.length)).isEqualTo(expectedTail);
  }

  @Test
  @Timeout(60)
  void theRerunLineSelectsExactlyItsCaseWhateverGlobCharactersItsIdHolds() throws Exception {
    List<String> odd =
        List.of("odd/a*b", "odd/a?b", "odd/[ab]", "odd/{a,b}", "odd/a\\b", "odd/a]b}", "odd/*");
    List<String> plain = List.of("odd/a", "odd/b", "odd/ab", "odd/axb", "odd/x");
    List<Case> cases = new ArrayList<>();
    for (String id : concat(odd, plain)) {
      cases.add(Suites.commandCase(id));
    }
    Path folder = Files.createDirectories(temp.resolve("project/fixtures/odd"));
    Suite suite =
        Suites.suite(folder, new CommandImplementation(List.of("true"), Map.of(), Optional.empty()))
            .cases(cases.toArray(Case[]::new))
            .build();

    for (String id : odd) {
      String glob = printedFilter(repro(suite, id));

      assertThat(suite.select(Optional.of(glob)))
          .as("--filter %s", glob)
          .extracting(Case::id)
          .containsExactly(id);
    }
  }

  /**
   * The {@code --filter} argument of the script's rerun line, as the shell passes it to parity (the
   * line is run with {@code parity} standing for a function that prints its arguments).
   */
  private static String printedFilter(String script) throws IOException, InterruptedException {
    String line =
        script
            .lines()
            .filter(l -> l.startsWith("#   parity verify "))
            .findFirst()
            .orElseThrow()
            .substring("#   ".length());
    Process process =
        new ProcessBuilder(
                "sh",
                "-c",
                "parity() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n" + line)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String[] args =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\0");
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> words = Arrays.asList(args);
    assertThat(words).startsWith("verify").contains("--filter");
    return words.get(words.indexOf("--filter") + 1);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String repro(Suite suite, String id) {
    return Repro.of(
        suite,
        Side.LEGACY,
        suite.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow());
  }

  /** Runs a script from {@code project} with the server on a free port, then stops the server. */
  private static byte[] run(Path project, String script) throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder("sh", "-c", "PORT=" + port + "\n" + script + "kill $SERVER\n")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(script).isTrue();
    return output;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
  }

  private static byte[] tail(byte[] bytes, int n) {
    byte[] out = new byte[Math.min(n, bytes.length)];
    System.arraycopy(bytes, bytes.length - out.length, out, 0, out.length);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
