package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A response whose length clients disagree on (two Content-Lengths, or Content-Length with
 * Transfer-Encoding) is an error naming the header: java.net.http trusts the first Content-Length,
 * so a candidate sending such framing could read the same as legacy to Parity and differently to
 * every other client. The rule itself: {@link HttpFramingProperties}.
 */
@Timeout(60)
class HttpFramingTests {
  @TempDir Path dir;

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final HttpRunner runner = new HttpRunner(1024 * 1024);

  @AfterEach
  void stop() throws Exception {
    runner.close();
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  @Test
  void twoDifferentContentLengthsAreAnErrorNamingTheHeader() throws IOException {
    URI base = answering("Content-Length: 6\r\nContent-Length: 3\r\n\r\nabcdef");

    RunOutcome outcome = get(base);

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .isEqualTo(
            "GET "
                + base
                + "/page: the response's Content-Length [6, 3] has different values: where its"
                + " body ends is ambiguous (RFC 9112 section 6.3), clients disagree on it, so it"
                + " is not compared");
  }

  @Test
  void contentLengthWithChunkedIsAnErrorNamingBothHeaders() throws IOException {
    // java.net.http reads 6 bytes by the Content-Length; a client that follows the RFC reads
    // chunks.
    URI base = answering("Transfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\nabcdef");

    RunOutcome outcome = get(base);

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .startsWith(
            "GET "
                + base
                + "/page: the response has both Transfer-Encoding [chunked] and Content-Length"
                + " [6]: where its body ends is ambiguous");
  }

  @Test
  void aRepeatedContentLengthOfOneValueIsAnOrdinaryResponse() throws IOException {
    URI base = answering("Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc");

    RunOutcome outcome = get(base);

    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    assertThat(outcome.observation().orElseThrow().stream("body")).contains("abc".getBytes());
  }

  private RunOutcome get(URI base) {
    HttpImplementation service =
        new HttpImplementation(
            new HttpImplementation.Url(base, Optional.empty(), Duration.ofSeconds(5)));
    Suite suite = Suites.suite(dir, service).name("web").timeout(Duration.ofSeconds(10)).build();
    return runner.run(suite, service, Suites.get("c", "/page"));
  }

  /** A raw server on 127.0.0.1 answering every connection's request with a 200 and {@code rest}. */
  private URI answering(String rest) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    cleanup.add(socket);
    Thread thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                  readRequest(client.getInputStream());
                  OutputStream out = client.getOutputStream();
                  out.write(("HTTP/1.1 200 OK\r\n" + rest).getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException closed) {
                  // the listening socket was closed, or the client went away
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  private static void readRequest(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    int b;
    while (matched < end.length && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }
}
