package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Survivors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * {@code parity-client} (src/main/c, built into target/ by the build) for tests, run as ./parity
 * runs it with {@code PARITY_DAEMON=1}, with a jar that holds nothing but a manifest naming the
 * tests' class path, and a daemon folder of the test's own.
 */
final class DaemonClient {
  static final Path BINARY = Path.of("target", "parity-client").toAbsolutePath();

  private final Path jar;
  private final Path folder;

  private DaemonClient(Path jar, Path folder) {
    this.jar = jar;
    this.folder = folder;
  }

  /** A client whose jar and daemon folder are in {@code scratch}. */
  static DaemonClient in(Path scratch) throws IOException {
    assertThat(BINARY)
        .as("the build compiles src/main/c/parity-client.c with the machine's cc")
        .isExecutable();
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, ParityCommand.class.getName());
    main.put(
        Attributes.Name.CLASS_PATH,
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
            .collect(Collectors.joining(" ")));
    Path jar = scratch.resolve("parity.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.finish();
    }
    return new DaemonClient(jar, scratch.resolve("daemons"));
  }

  /** The daemon folder ({@code PARITY_DAEMON_DIR}). */
  Path folder() {
    return folder;
  }

  Path jar() {
    return jar;
  }

  /** {@code parity-client JAR java OPTIONS... -- args...}, as ./parity execs it. */
  List<String> command(String... args) {
    List<String> command = new ArrayList<>(javaCommand());
    command.add(0, jar.toString());
    command.add(0, BINARY.toString());
    command.add("--");
    command.addAll(List.of(args));
    return command;
  }

  /** What the client runs without a daemon: {@code java OPTIONS... -jar JAR args...}. */
  List<String> directCommand(String... args) {
    List<String> command = new ArrayList<>(javaCommand());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** The {@code java} the commands name. */
  static String javaPath() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> javaCommand() {
    return List.of(javaPath(), "-XX:TieredStopAtLevel=1", "-Dparity.daemon.idleSeconds=120");
  }

  /** A process builder for {@code command} with this client's daemon folder, less CI. */
  ProcessBuilder process(List<String> command) {
    ProcessBuilder builder = ParityJvm.process(command);
    builder.environment().put("PARITY_DAEMON_DIR", folder.toString());
    return builder;
  }

  /** The live daemons of this client's folder (not those that ended and wait to be reaped). */
  List<ProcessHandle> daemons() {
    return Survivors.find("-Dparity.daemon=" + folder + "/").stream()
        .map(line -> ProcessHandle.of(Long.parseLong(line.substring(0, line.indexOf(':')))))
        .flatMap(Optional::stream)
        .toList();
  }

  /** The thread dumps of the live daemons of this client's folder, for a failing test's message. */
  String threadDumps() {
    StringBuilder dumps = new StringBuilder();
    Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
    for (ProcessHandle daemon : daemons()) {
      try {
        Process dump =
            new ProcessBuilder(jstack.toString(), Long.toString(daemon.pid()))
                .redirectErrorStream(true)
                .start();
        dumps.append(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        dumps.append(daemon.pid()).append(": ").append(e).append('\n');
      }
    }
    return dumps.toString();
  }

  /** Kills the daemons of this client's folder and waits for their end. */
  void killDaemons() {
    for (ProcessHandle daemon : daemons()) {
      daemon.destroyForcibly();
      daemon.onExit().join();
    }
  }
}
