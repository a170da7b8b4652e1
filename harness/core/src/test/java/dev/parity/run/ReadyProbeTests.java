package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * The wait for a service's {@code ready:} path is bounded by {@code startTimeout} whatever the
 * server does: only the status of an answer counts, never how long its body takes.
 */
@Timeout(60)
class ReadyProbeTests {
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
  void aReadyAnswerWhoseBodyNeverEndsCountsByItsStatus() throws IOException {
    URI base = server("200 OK");
    HttpImplementation service = service(base, Duration.ofSeconds(30));

    RunOutcome outcome = runner.run(suite(service), service, Suites.get("c", "/page"));

    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    assertThat(outcome.observation().orElseThrow().stream("body")).contains("ok".getBytes());
  }

  @Test
  void aReadyPathThatNeverAnswers2xxFailsAtTheStartTimeoutEvenIfItsBodyNeverEnds()
      throws IOException {
    URI base = server("503 Service Unavailable");
    HttpImplementation service = service(base, Duration.ofSeconds(1));

    RunOutcome outcome = runner.run(suite(service), service, Suites.get("c", "/page"));

    assertThat(outcome).isInstanceOf(RunOutcome.Unavailable.class);
    assertThat(((RunOutcome.Unavailable) outcome).reason())
        .startsWith(
            "service at "
                + base
                + " did not answer 2xx on [/ready] within 1s (last attempt: status 503)");
  }

  private Suite suite(HttpImplementation service) {
    return Suites.suite(dir, service).name("web").timeout(Duration.ofSeconds(30)).build();
  }

  private static HttpImplementation service(URI base, Duration startTimeout) {
    return new HttpImplementation(
        new HttpImplementation.Url(base, Optional.of("/ready"), startTimeout));
  }

  /**
   * Answers {@code /ready} with {@code readyStatus} and a body that announces 1000 bytes, sends 8
   * and then nothing, holding the connection open; any other path with {@code ok}.
   */
  private URI server(String readyStatus) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    cleanup.add(socket);
    Thread acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket client = socket.accept();
                  cleanup.add(client);
                  Thread answer = new Thread(() -> answer(client, readyStatus));
                  answer.setDaemon(true);
                  answer.start();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  private static void answer(Socket client, String readyStatus) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = head(in);
      if (head.startsWith("GET /ready ")) {
        client
            .getOutputStream()
            .write(
                ("HTTP/1.1 " + readyStatus + "\r\nContent-Length: 1000\r\n\r\nstarting")
                    .getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        while (in.read() >= 0) {
          // held open until the client closes it
        }
      } else {
        client
            .getOutputStream()
            .write(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
