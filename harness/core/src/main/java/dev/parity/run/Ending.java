package dev.parity.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** How a program started through the {@link Launcher} ended, as its status file tells. */
sealed interface Ending {

  /** The program exited by itself with {@code code}. */
  record Exited(int code) implements Ending {}

  /** The program was killed by signal {@code number} ({@code name}, e.g. {@code SIGKILL}). */
  record Signaled(int number, String name) implements Ending {
    /** The exit code a shell would show for it: 128 + the signal number. */
    int exitCode() {
      return 128 + number;
    }
  }

  /** The program could not be executed at all; {@code reason} is the system's error message. */
  record NotExecuted(int errno, String reason) implements Ending {}

  /**
   * No program status: the launcher was stopped before the program ended, or itself failed ({@code
   * why}).
   */
  record Unknown(String why) implements Ending {}

  /**
   * The launcher was killed while its program ran (by SIGKILL, the one signal it cannot block), so
   * nothing killed what the program started: {@code session} is the program's session.
   */
  record Abandoned(long session) implements Ending {}

  /**
   * The program ended ({@code program}), but a process it started, {@code pid} ({@code command}),
   * still held its standard output or error open when the run was stopped (its timeout): the output
   * was not complete. The launcher waits for such processes as {@code program | cat} would.
   */
  record OutputHeld(Ending program, long pid, String command) implements Ending {}

  /** errno of "No such file or directory". */
  int ENOENT = 2;

  /** Reads the launcher's one-line status file. */
  static Ending read(Path status) {
    String line;
    try {
      if (!Files.isRegularFile(status, LinkOption.NOFOLLOW_LINKS)) {
        Path folder = status.toAbsolutePath().getParent();
        return folder != null && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
            ? new Unknown(
                "the run's folder "
                    + folder
                    + " was deleted while the program ran (by the program?), and with it the"
                    + " launcher's status")
            : new Unknown("the launcher wrote no status (it was killed)");
      }
      line = new String(Files.readAllBytes(status), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return new Unknown("the launcher's status is unreadable: " + e.getMessage());
    }
    int second = line.indexOf('\n');
    if (second < 0) {
      return parse(line);
    }
    Ending program = parse(line.substring(0, second));
    String[] held = line.substring(second + 1).split(" ", 3);
    try {
      if (held.length == 3 && held[0].equals("held")) {
        return new OutputHeld(program, Long.parseLong(held[1]), held[2]);
      }
    } catch (NumberFormatException e) {
      // Malformed below.
    }
    return new Unknown("the launcher's status [" + line + "] is malformed");
  }

  /** One line of the status: how the program ended. */
  private static Ending parse(String line) {
    String[] parts = line.split(" ", 3);
    try {
      switch (parts[0]) {
        case "exit":
          return new Exited(Integer.parseInt(parts[1]));
        case "signal":
          return new Signaled(Integer.parseInt(parts[1]), parts[2]);
        case "exec-error":
          return new NotExecuted(Integer.parseInt(parts[1]), parts[2]);
        case "started":
          return new Abandoned(Long.parseLong(parts[1]));
        case "killed":
          return new Unknown("the run was stopped before the program ended");
        default:
          return new Unknown("the launcher failed: " + line);
      }
    } catch (RuntimeException e) {
      return new Unknown("the launcher's status [" + line + "] is malformed");
    }
  }
}
