package dev.parity.run;

import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server process of a {@code start:} implementation, listening on a free port the harness picked.
 *
 * <p>It runs in its own process group (through {@code setsid}), so closing it kills the whole tree,
 * including whatever the server forked. Its output goes to a temporary log file kept for error
 * reports.
 */
final class LocalServer implements RunningService {
  private final Process process;
  private final boolean ownGroup;
  private final URI base;
  private final Path log;

  private LocalServer(Process process, boolean ownGroup, URI base, Path log) {
    this.process = process;
    this.ownGroup = ownGroup;
    this.base = base;
    this.log = log;
  }

  static LocalServer start(Suite suite, HttpImplementation.Start start)
      throws ServiceStartException {
    int port = freePort();
    String portText = Integer.toString(port);
    List<String> argv = new ArrayList<>();
    start
        .command()
        .forEach(part -> argv.add(part.replace(HttpImplementation.PORT_PLACEHOLDER, portText)));
    Path folder = start.cwd().orElse(suite.folder());
    String program = argv.get(0);
    if (program.contains(File.separator)) {
      Path path = suite.folder().resolve(program);
      if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
        throw new ServiceStartException(
            "server program ["
                + program
                + "] "
                + (Files.exists(path)
                    ? "is not executable (chmod +x it, or run it through its interpreter)"
                    : "does not exist"),
            "");
      }
      argv.set(0, path.toString());
    }
    Optional<Path> setsid = ProcessTree.setsid();
    List<String> line = new ArrayList<>();
    setsid.ifPresent(s -> line.add(s.toString()));
    line.addAll(argv);
    Map<String, String> env = new HashMap<>(suite.env());
    start
        .env()
        .forEach((k, v) -> env.put(k, v.replace(HttpImplementation.PORT_PLACEHOLDER, portText)));
    env.put(CommandRunner.SUITE_VARIABLE, suite.folder().toString());
    Path log;
    try {
      log = Files.createTempFile("parity-server-", ".log");
    } catch (IOException e) {
      throw new ServiceStartException("cannot create the server's log file: " + e.getMessage(), "");
    }
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    File devNull = new File("/dev/null");
    if (devNull.exists()) {
      builder.redirectInput(ProcessBuilder.Redirect.from(devNull));
    }
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      return new LocalServer(
          process, setsid.isPresent(), URI.create("http://127.0.0.1:" + port), log);
    } catch (IOException e) {
      deleteQuietly(log);
      throw new ServiceStartException(
          "cannot start server [" + String.join(" ", argv) + "]: " + e.getMessage(), "");
    }
  }

  private static int freePort() throws ServiceStartException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ServiceStartException("cannot find a free port: " + e.getMessage(), "");
    }
  }

  @Override
  public URI baseUri() {
    return base;
  }

  @Override
  public Optional<String> ended() {
    if (process.isAlive()) {
      return Optional.empty();
    }
    int code = process.exitValue();
    // setsid reports a program it cannot execute as 126/127, like a shell.
    return Optional.of("exited with code " + code + (code == 127 ? " (program not found?)" : ""));
  }

  @Override
  public String logTail() {
    return LogTail.ofFile(log);
  }

  @Override
  public void close() {
    ProcessTree.kill(process.toHandle(), ownGroup);
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteQuietly(log);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover log in the temporary folder is harmless.
    }
  }
}
