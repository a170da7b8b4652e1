package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proxy's listener holds at most so many client connections at once, a thread each: the next
 * waits in the kernel's backlog until one closes, rather than a thread the JVM may not be able to
 * make (which would end the accept loop, and every client after it).
 */
@Timeout(120)
class ProxyListenerTests {
  private ProxyListener listener;

  @AfterEach
  void close() {
    listener.close();
  }

  @Test
  void aConnectionOverTheLimitIsServedOnceAnotherCloses() throws IOException {
    listener =
        ProxyListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "test", 1)
            .start(
                (request, trigger, context) -> {
                  BasicClassicHttpResponse answer = new BasicClassicHttpResponse(200);
                  answer.setEntity(new StringEntity("ok " + request.getPath()));
                  trigger.submitResponse(answer);
                });
    try (Socket first = connect();
        Socket second = connect()) {
      send(first, "/first");
      assertThat(answer(first)).endsWith("ok /first");

      send(second, "/second");
      // The first connection is open (kept alive): the second is not served yet. This can only
      // pass wrongly (a listener without the limit, slower than the second): never fail wrongly.
      second.setSoTimeout(1000);
      assertThatThrownBy(() -> second.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);

      first.close();
      second.setSoTimeout(60_000);
      assertThat(answer(second)).endsWith("ok /second");
    }
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort());
  }

  private static void send(Socket socket, String target) throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** One answer of a known short length: its head and body. */
  private static String answer(Socket socket) throws IOException {
    socket.setSoTimeout(60_000);
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    while (!text.toString().contains("\r\n\r\n")) {
      text.append((char) in.read());
    }
    String head = text.toString();
    int length =
        Integer.parseInt(
            head.lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst()
                .orElseThrow()
                .substring("content-length:".length())
                .strip());
    return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }
}
