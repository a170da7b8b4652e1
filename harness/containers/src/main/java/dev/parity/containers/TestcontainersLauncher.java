package dev.parity.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.run.ContainerLauncher;
import dev.parity.run.LogTail;
import dev.parity.run.RunningService;
import dev.parity.run.ServiceStartException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.ImagePullPolicy;

/**
 * Starts containers with Testcontainers: a locally available {@code image:} (pulled only when
 * missing, which fails without a registry), or an image built from the suite's {@code build:}
 * folder. The container's port is published on a free host port; its log is kept for error reports.
 */
public final class TestcontainersLauncher implements ContainerLauncher {

  @Override
  public RunningService start(Suite suite, HttpImplementation.Container spec)
      throws ServiceStartException {
    String what = "cannot start " + spec.describe();
    // Everything counts against startTimeout, as the ready wait after it does: the engine's first
    // answers too (an engine that accepts connections and never answers must not hang the run),
    // the build and the start.
    BoundedStart bounded = new BoundedStart(spec.startTimeout());
    try {
      checkEngineAndImage(spec, what, bounded);
    } catch (BoundedStart.TooSlow e) {
      throw new ServiceStartException(
          what + ": " + e.getMessage() + (e.interrupted() ? "" : ENGINE_HINT), "");
    }
    LogBuffer log = new LogBuffer();
    GenericContainer<?> container = null;
    try {
      container = container(suite, spec, bounded);
      container
          .withExposedPorts(spec.port())
          .withEnv(spec.env())
          .withLogConsumer(log)
          // Readiness is polled by the harness (the ready: path), the same way for every service.
          .waitingFor(new NoWait());
      bounded.start(container, spec.build().isPresent());
    } catch (BoundedStart.TooSlow e) {
      throw new ServiceStartException(
          what
              + ": "
              + e.getMessage()
              + (e.interrupted() ? "" : "; raise [startTimeout] if it is just slow"),
          log.tail());
    } catch (RuntimeException e) {
      String why = exited(container).orElseGet(() -> rootMessage(e));
      if (container != null) {
        container.stop();
      }
      throw new ServiceStartException(what + ": " + why, log.tail(), e);
    }
    return new StartedContainer(container, log);
  }

  private static final String ENGINE_HINT =
      " (is the Docker engine at DOCKER_HOST, or the default socket, hung?)";

  private static void checkEngineAndImage(
      HttpImplementation.Container spec, String what, BoundedStart bounded)
      throws ServiceStartException, BoundedStart.TooSlow {
    if (!bounded.ask(TestcontainersLauncher::dockerAvailable, "the Docker engine did not answer")) {
      throw new ServiceStartException(
          what
              + ": no Docker engine is reachable (start one, e.g. dockerd, or point DOCKER_HOST at it;"
              + " inside a container also set TESTCONTAINERS_HOST_OVERRIDE=localhost)",
          "");
    }
    if (spec.image().isPresent()
        && !bounded.ask(
            () -> locallyAvailable(spec.image().get()), "the Docker engine did not answer")) {
      throw new ServiceStartException(
          what
              + ": image ["
              + spec.image().get()
              + "] is not available locally, and Parity does not pull images;"
              + " build or load it first (docker build -t "
              + spec.image().get()
              + " FOLDER), or use [build] with the folder of its Dockerfile",
          "");
    }
  }

  private static GenericContainer<?> container(
      Suite suite, HttpImplementation.Container spec, BoundedStart bounded)
      throws BoundedStart.TooSlow {
    if (spec.image().isPresent()) {
      return new GenericContainer<>(spec.image().get()).withImagePullPolicy(NEVER_PULL);
    }
    Path build = spec.build().orElseThrow();
    // A stable name per build folder lets Docker's layer cache make rebuilds cheap.
    String name =
        ("parity-build/"
                + suite.key()
                + "-"
                + build.getFileName()
                + ":"
                + Integer.toHexString(build.toString().hashCode()))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9/:._-]", "-");
    // Built here rather than by Testcontainers' ImageFromDockerfile, which can neither be bounded
    // in time nor cancelled.
    return new GenericContainer<>(bounded.build(build, name)).withImagePullPolicy(NEVER_PULL);
  }

  /**
   * Images come from this machine only: a pull would fail without a registry, or fetch something
   * unreviewed.
   */
  private static final ImagePullPolicy NEVER_PULL = image -> false;

  private static boolean locallyAvailable(String image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * {@code container exited with code 4 while starting} when the container stopped during start-up
   * (Testcontainers' own message then dumps the whole container state).
   */
  private static Optional<String> exited(@Nullable GenericContainer<?> container) {
    try {
      if (container == null || container.getContainerId() == null) {
        return Optional.empty();
      }
      var state =
          DockerClientFactory.instance()
              .client()
              .inspectContainerCmd(container.getContainerId())
              .exec()
              .getState();
      if (Boolean.TRUE.equals(state.getRunning())) {
        return Optional.empty();
      }
      Long code = state.getExitCodeLong();
      return Optional.of(
          "container exited" + (code == null ? "" : " with code " + code) + " while starting");
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** One message line at most this long; longer ones are object dumps, not explanations. */
  static final int MESSAGE_CHARS = 200;

  /**
   * The chain of messages down to the innermost, which is Docker's own (e.g. the failing build
   * step), on one line: each message's first line, cut at {@link #MESSAGE_CHARS}.
   */
  static String rootMessage(Throwable error) {
    StringBuilder text = new StringBuilder();
    String last = "";
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message =
          t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
      if (!message.isEmpty() && !last.contains(message)) {
        if (text.length() > 0) {
          text.append(": ");
        }
        text.append(message);
        last = message;
      }
    }
    return text.toString();
  }

  private static String firstLine(String message) {
    String line = withoutObjectDump(message.strip().lines().findFirst().orElse("").strip());
    return line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS - 3) + "...";
  }

  /** Where a generated toString() of Docker's objects starts: {@code Name(field=}. */
  private static final Pattern OBJECT_DUMP = Pattern.compile("<?\\b[A-Z][A-Za-z]+\\(\\w+=");

  private static final String FAILED_PREDICATE =
      "expected the predicate to return <true> but it returned <false>";

  /**
   * The message without the dump of Docker's objects that Testcontainers appends when a container
   * stops during start-up ("... for input of <InspectContainerResponse(args=[...], ...").
   */
  static String withoutObjectDump(String line) {
    Matcher dump = OBJECT_DUMP.matcher(line);
    if (!dump.find()) {
      return line;
    }
    String kept = line.substring(0, dump.start()).replaceFirst("\\s*(for input of)?\\s*$", "");
    return kept.replaceFirst(
        "\\S*GenericContainer " + Pattern.quote(FAILED_PREDICATE),
        "the container stopped before it was ready (Testcontainers' start check failed)");
  }

  /** Keeps the last lines a container printed. */
  static final class LogBuffer implements Consumer<OutputFrame> {
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public synchronized void accept(OutputFrame frame) {
      if (frame == null || frame.getBytes() == null) {
        return;
      }
      partial.append(frame.getUtf8String());
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        lines.addLast(partial.substring(0, newline));
        partial.delete(0, newline + 1);
        if (lines.size() > LogTail.LINES) {
          lines.removeFirst();
        }
      }
    }

    synchronized String tail() {
      return LogTail.of(String.join("\n", lines) + (partial.length() > 0 ? "\n" + partial : ""));
    }
  }

  private static final class NoWait extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {}
  }
}
