package dev.parity.run;

import dev.parity.fixture.ProgramStrings;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the program of an argv and says why it cannot be executed. */
final class Programs {
  private Programs() {}

  /**
   * Says why the program cannot be started, before any process is spawned; a path with a separator
   * is resolved against {@code folder} and replaced in {@code argv} by its absolute form.
   */
  static Optional<String> check(Path folder, List<String> argv, Map<String, String> env) {
    Optional<String> environment = ProgramStrings.environmentProblem(env);
    if (environment.isPresent()) {
      return environment;
    }
    String program = argv.get(0);
    if (program.contains(File.separator)) {
      Path path = folder.resolve(program);
      if (!Files.exists(path)) {
        return Optional.of("program [" + program + "] does not exist");
      }
      if (Files.isDirectory(path) || !Files.isExecutable(path)) {
        return Optional.of(
            "program ["
                + program
                + "] is not executable (chmod +x it, or run it through its interpreter)");
      }
      argv.set(0, path.toString());
      return Optional.empty();
    }
    if (onPath(program, env).isPresent()) {
      return Optional.empty();
    }
    String pathVariable = env.getOrDefault("PATH", "");
    return Optional.of("program [" + program + "] not found on PATH (" + pathVariable + ")");
  }

  /**
   * Why the system refused to execute {@code program} ({@code reason}, its errno message), with the
   * likely cause: a script whose {@code #!} interpreter is missing fails with "No such file or
   * directory" though the script itself exists.
   */
  static String cannotExecute(String program, Map<String, String> env, Ending.NotExecuted failure) {
    String message = "program [" + program + "] cannot be executed: " + failure.reason();
    Optional<Path> path =
        program.contains(File.separator) ? Optional.of(Path.of(program)) : onPath(program, env);
    if (failure.errno() != Ending.ENOENT || path.isEmpty() || !Files.isRegularFile(path.get())) {
      return message;
    }
    Optional<String> interpreter = interpreter(path.get());
    return interpreter
        .map(
            i ->
                message
                    + " (its #! interpreter ["
                    + i
                    + "] is missing; install it or fix the first line of "
                    + path.get()
                    + ")")
        .orElse(message);
  }

  private static Optional<Path> onPath(String program, Map<String, String> env) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The interpreter named by a {@code #!} first line, if the file has one. */
  private static Optional<String> interpreter(Path script) {
    try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
      char[] head = new char[256];
      int read = reader.read(head);
      String first = read <= 0 ? "" : new String(head, 0, read).split("\n", 2)[0];
      if (!first.startsWith("#!")) {
        return Optional.empty();
      }
      String[] words = first.substring(2).strip().split("\\s+", 2);
      return words[0].isEmpty() ? Optional.empty() : Optional.of(words[0]);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
