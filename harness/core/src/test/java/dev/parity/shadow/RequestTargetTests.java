package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request line and the answer's framing through the proxy, written and read as raw bytes on
 * both sides (an HTTP library on either side would clean up exactly what is checked here): legacy
 * sees the client's request target byte for byte, and the client gets legacy's answer with nothing
 * added but framing.
 */
@Timeout(120)
class RequestTargetTests {
  @TempDir Path project;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private RawServer legacy;
  private RawServer candidate;
  private ShadowProxy proxy;

  @BeforeEach
  void start() throws Exception {
    legacy = new RawServer();
    candidate = new RawServer();
    closing.add(legacy);
    closing.add(candidate);
    proxy = proxy("");
  }

  /** A proxy whose legacy is the raw legacy server at {@code basePath}. */
  private ShadowProxy proxy(String basePath) throws IOException {
    Path folder = project.resolve("fixtures/web" + basePath.replace('/', '-'));
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\nlegacy:\n  url: http://127.0.0.1:"
            + legacy.port()
            + basePath
            + "\ncandidate:\n  url: http://127.0.0.1:"
            + candidate.port()
            + "\nlegacySecondary:\n  url: http://127.0.0.1:"
            + candidate.port()
            + "\ndefaults:\n  timeout: 10s\ncases:\n  - id: read\n    request: {path: /ok}\n");
    return TestProxies.start(
        folder, project.resolve("reports" + basePath.replace('/', '-')), closing);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/a|b",
        "/search?q={x}&tag=\"y\"^",
        "/%zz",
        "//double//slash",
        "/a/../b",
        "/x?a=1&a=2&b",
        "/caf\u00c3\u00a9"
      })
  void legacySeesTheTargetTheClientSentAndTheClientGetsLegacysAnswer(String target)
      throws IOException {
    String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nlegacy saw " + target);
    assertThat(legacy.requestLines()).containsExactly("GET " + target + " HTTP/1.1");
  }

  @Test
  void legacySeesTheTargetAfterItsBasePathAndNothingAddedToARequestWithoutBody()
      throws IOException {
    proxy = proxy("/app");

    String answer =
        raw("GET /ok?x=1 HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 ");
    assertThat(legacy.requestLines()).containsExactly("GET /app/ok?x=1 HTTP/1.1");
    // No framing for a body the client did not send, no content negotiated on its behalf.
    assertThat(legacy.headers().get(0))
        .contains("User-Agent: t", "Host: 127.0.0.1:" + legacy.port())
        .noneMatch(
            line ->
                line.regionMatches(true, 0, "Content-Length:", 0, 15)
                    || line.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)
                    || line.regionMatches(true, 0, "Accept-Encoding:", 0, 16));
  }

  @Test
  void aTargetThatIsNotAPathGoesToLegacyWithoutItsBasePath() throws IOException {
    proxy = proxy("/app");

    raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    raw("GET http://x/y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(legacy.requestLines())
        .containsExactly("OPTIONS * HTTP/1.1", "GET http://x/y HTTP/1.1");
  }

  @Test
  void aMalformedRequestGets400OrAnOverlongOne431AndTheProxyServesTheNextClient()
      throws IOException {
    String garbage = raw("NOT A REQUEST LINE AT ALL\r\n\r\n");
    String tooLong = raw("GET /" + "a".repeat(70 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    String next = raw("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(garbage).startsWith("HTTP/1.1 400 ");
    // Over the head's limits (lines of 64 KiB), with what was over, and the connection closes.
    assertThat(tooLong)
        .startsWith("HTTP/1.1 431 ")
        .contains("Connection: close")
        .endsWith("Maximum line length limit exceeded");
    assertThat(next).startsWith("HTTP/1.1 200 ");
    assertThat(legacy.requestLines()).containsExactly("GET /ok HTTP/1.1");
  }

  @Test
  void theAnswerHasNothingAddedButFraming() throws IOException {
    String answer = raw("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(head(answer))
        .containsExactlyInAnyOrder(
            "HTTP/1.1 200 OK", "X-Legacy: yes", "Content-Length: 14", "Connection: close");
  }

  @Test
  void aHeadAnswerSaysLegacysLengthAndA204SaysNone() throws IOException {
    String head = raw("HEAD /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    String none = raw("GET /none HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(head).endsWith("\r\n\r\n");
    assertThat(head(head)).contains("HTTP/1.1 200 OK", "Content-Length: 14");
    assertThat(none).endsWith("\r\n\r\n");
    assertThat(head(none))
        .containsExactlyInAnyOrder("HTTP/1.1 204 No Content", "X-Legacy: yes", "Connection: close");
  }

  @Test
  void aBodyOverTheCapGets413AndItsConnectionClosesWithoutTheRestBeingRead() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.address().getPort())) {
      // A socket timeout, not an end of stream, would mean the proxy waits for the terabyte.
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[ShadowSettings.MAX_BODY_BYTES + 1]);
      out.flush();

      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("request body over 32 MiB");
    }
    assertThat(legacy.requestLines()).isEmpty();
  }

  @Test
  void onlyTargetsTheCandidatesClientSendsAsTheyAreAreMirrored() throws Exception {
    raw("GET /a|b HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\nConnection: close\r\n\r\n");
    raw("GET /ok HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\nConnection: close\r\n\r\n");

    var verdict = proxy.stop(Duration.ofSeconds(30));
    assertThat(verdict.reasons().get(0))
        .startsWith("2 requests received, 1 compared, 1 not mirrored");
    // A target sent escaped (/a%7Cb) would be another request, compared as if it were the same.
    assertThat(candidate.requestLines()).allMatch(line -> line.equals("GET /ok HTTP/1.1"));
    assertThat(candidate.requestLines()).isNotEmpty();
  }

  @Test
  void sendableTargetsAreStrictOriginFormUris() {
    assertThat(Mirrored.sendable("/a/b?c=d&e")).isTrue();
    assertThat(Mirrored.sendable("//a/b")).isTrue();
    assertThat(Mirrored.sendable("/a%20b")).isTrue();
    assertThat(Mirrored.sendable("/a|b")).isFalse();
    assertThat(Mirrored.sendable("/%zz")).isFalse();
    assertThat(Mirrored.sendable("/a#b")).isFalse();
    assertThat(Mirrored.sendable("/!~")).isTrue();
    assertThat(Mirrored.sendable("/a b")).isFalse();
    assertThat(Mirrored.sendable("/a\u007f")).isFalse();
    // Raw UTF-8 bytes, as the proxy reads them: the JDK client would send them %-escaped.
    assertThat(Mirrored.sendable("/caf\u00c3\u00a9")).isFalse();
    assertThat(Mirrored.sendable("http://other/a")).isFalse();
    assertThat(Mirrored.sendable("*")).isFalse();
  }

  /** The head's lines of a raw answer, the status line first. */
  private static List<String> head(String answer) {
    return List.of(answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n"));
  }

  /** Sends {@code request} as written to the proxy and returns the whole answer. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.address().getPort())) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * A server that writes its answers by hand, one request per connection: {@code /none} gets 204,
   * any other target 200 with {@code legacy saw TARGET}, and nothing else (no Date, no Server).
   */
  private static final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<List<String>> headers = new CopyOnWriteArrayList<>();

    RawServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread thread = new Thread(this::serve, "raw-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    List<String> requestLines() {
      return requestLines;
    }

    /** The header lines of each request, in the order received. */
    List<List<String>> headers() {
      return headers;
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          answer(client);
        } catch (IOException e) {
          if (socket.isClosed()) {
            return;
          }
        }
      }
    }

    private void answer(Socket client) throws IOException {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
      String line = in.readLine();
      if (line == null) {
        return;
      }
      List<String> head = new ArrayList<>();
      for (String header = in.readLine(); header != null && !header.isEmpty(); ) {
        head.add(header);
        header = in.readLine();
      }
      headers.add(head);
      requestLines.add(line);
      String[] parts = line.split(" ");
      String answer;
      if (parts[1].equals("/none")) {
        answer = "HTTP/1.1 204 No Content\r\nX-Legacy: yes\r\nConnection: close\r\n\r\n";
      } else {
        String body = "legacy saw " + parts[1];
        answer =
            "HTTP/1.1 200 OK\r\nX-Legacy: yes\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length
                + "\r\nConnection: close\r\n\r\n"
                + (parts[0].equals("HEAD") ? "" : body);
      }
      OutputStream out = client.getOutputStream();
      out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
