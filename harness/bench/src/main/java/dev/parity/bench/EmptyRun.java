package dev.parity.bench;

import com.sun.net.httpserver.HttpServer;
import dev.parity.fixture.Case;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.run.Runner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The harness's own cost of one run of a case, timed in every round and subtracted from both sides'
 * times (the way hyperfine subtracts its shell's start-up), so that it does not pull the ratio
 * towards 1.
 *
 * <ul>
 *   <li>Commands: {@code true}, run exactly as the case is (fresh working directory with the case's
 *       files, the implementation's environment, process-group handling).
 *   <li>HTTP services: the case's request, sent exactly as the case's is (same client, same
 *       connection pool), to a stub server inside Parity that answers {@code 204 No Content} at
 *       once: the cost of the HTTP client and the loopback, not of any server.
 * </ul>
 */
final class EmptyRun implements AutoCloseable {
  private final Target target;
  private final Optional<HttpServer> stub;

  private EmptyRun(Target target, Optional<HttpServer> stub) {
    this.target = target;
    this.stub = stub;
  }

  /**
   * The empty run for a case, shaped like the suite's legacy implementation; empty for any other
   * kind.
   */
  static Optional<EmptyRun> of(Runner runner, Suite suite, Case testCase) {
    if (suite.legacy() instanceof CommandImplementation command) {
      CommandImplementation empty =
          new CommandImplementation(List.of("true"), command.env(), command.cwd());
      return Optional.of(
          new EmptyRun(new Target(runner, suite, Side.LEGACY, empty, testCase), Optional.empty()));
    }
    if (suite.legacy() instanceof HttpImplementation) {
      HttpServer stub = startStub();
      URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
      HttpImplementation empty =
          new HttpImplementation(
              new HttpImplementation.Url(
                  base, Optional.empty(), HttpImplementation.DEFAULT_START_TIMEOUT));
      return Optional.of(
          new EmptyRun(new Target(runner, suite, Side.LEGACY, empty, testCase), Optional.of(stub)));
    }
    return Optional.empty();
  }

  Target target() {
    return target;
  }

  @Override
  public void close() {
    stub.ifPresent(server -> server.stop(0));
  }

  private static HttpServer startStub() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
              body.transferTo(OutputStream.nullOutputStream());
            }
            // No body: the status line and headers leave in one write, so no Nagle delay either.
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the stub server that measures the HTTP client's own cost", e);
    }
  }
}
