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
 * <p>On Linux it runs under the {@link Launcher}, so closing it, or Parity dying, kills the whole
 * tree, including whatever the server forked or daemonized; elsewhere it runs in its own process
 * group (through {@code setsid}), which closing it kills. Its output goes to a log file in a
 * private temporary folder, kept for error reports.
 */
final class LocalServer implements RunningService {
  private static final String LOG = "log";
  private static final String STATUS = "status";

  private final Process process;
  private final ProcessTree.Containment containment;
  private final URI base;
  private final Path folder;
  private final String program;
  private final Map<String, String> env;

  private LocalServer(
      Process process,
      ProcessTree.Containment containment,
      URI base,
      Path folder,
      String program,
      Map<String, String> env) {
    this.process = process;
    this.containment = containment;
    this.base = base;
    this.folder = folder;
    this.program = program;
    this.env = env;
  }

  static LocalServer start(Suite suite, HttpImplementation.Start start)
      throws ServiceStartException {
    int port = freePort();
    String portText = Integer.toString(port);
    List<String> argv = new ArrayList<>();
    start
        .command()
        .forEach(part -> argv.add(part.replace(HttpImplementation.PORT_PLACEHOLDER, portText)));
    Path cwd = start.cwd().orElse(suite.folder());
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
    Map<String, String> env = new HashMap<>(suite.env());
    start
        .env()
        .forEach((k, v) -> env.put(k, v.replace(HttpImplementation.PORT_PLACEHOLDER, portText)));
    env.put(CommandRunner.SUITE_VARIABLE, suite.folder().toString());
    Path folder;
    try {
      folder = Workdirs.create("server");
    } catch (IOException e) {
      throw new ServiceStartException("cannot create the server's log file: " + e.getMessage(), "");
    }
    Optional<Launcher> launcher = Launcher.get();
    Optional<Path> setsid = ProcessTree.setsid();
    List<String> line = new ArrayList<>();
    ProcessTree.Containment containment;
    if (launcher.isPresent()) {
      line.addAll(launcher.get().command(folder.resolve(STATUS), argv));
      containment = ProcessTree.Containment.LAUNCHER;
    } else {
      setsid.ifPresent(s -> line.add(s.toString()));
      line.addAll(argv);
      containment =
          setsid.isPresent()
              ? ProcessTree.Containment.PROCESS_GROUP
              : ProcessTree.Containment.DESCENDANTS;
    }
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve(LOG).toFile());
    File devNull = new File("/dev/null");
    if (devNull.exists()) {
      builder.redirectInput(ProcessBuilder.Redirect.from(devNull));
    }
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      if (containment == ProcessTree.Containment.LAUNCHER) {
        ProcessTree.killSessionWhenAbandoned(process, folder.resolve(STATUS));
      }
      return new LocalServer(
          process,
          containment,
          URI.create("http://127.0.0.1:" + port),
          folder,
          argv.get(0),
          Map.copyOf(builder.environment()));
    } catch (IOException e) {
      Workdirs.deleteQuietly(folder);
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
    if (containment != ProcessTree.Containment.LAUNCHER) {
      // setsid reports a program it cannot execute as 126/127, like a shell.
      return Optional.of("exited with code " + code + (code == 127 ? " (program not found?)" : ""));
    }
    Ending ending = Ending.read(folder.resolve(STATUS));
    if (ending instanceof Ending.OutputHeld held) {
      ending = held.program(); // stopped while a process it started still held its log open
    }
    if (ending instanceof Ending.Exited exited) {
      return Optional.of("exited with code " + exited.code());
    }
    if (ending instanceof Ending.Signaled signaled) {
      return Optional.of("was killed by " + signaled.name());
    }
    if (ending instanceof Ending.NotExecuted failure) {
      return Optional.of("could not start: " + Programs.cannotExecute(program, env, failure));
    }
    if (ending instanceof Ending.Abandoned) {
      return Optional.of(
          "stopped: its launcher was killed while it ran (does the server kill its parent?); every"
              + " process left in its session was killed");
    }
    return Optional.of("stopped: " + ((Ending.Unknown) ending).why());
  }

  @Override
  public Optional<String> endedCheaply() {
    return ended();
  }

  @Override
  public String logTail() {
    return LogTail.ofFile(folder.resolve(LOG));
  }

  @Override
  public void close() {
    ProcessTree.stop(process, containment);
    try {
      process.waitFor(ProcessTree.LAUNCHER_GRACE.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Workdirs.deleteQuietly(folder);
  }
}
