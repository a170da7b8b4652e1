package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's status file, as {@link Ending#read} understands it. */
class EndingTests {
  @TempDir Path root;

  private Ending read(String status) throws IOException {
    Path file = root.resolve("status");
    Files.writeString(file, status);
    return Ending.read(file);
  }

  @Test
  void oneLineTellsHowTheProgramEnded() throws IOException {
    assertThat(read("exit 3\n")).isEqualTo(new Ending.Exited(3));
    assertThat(read("signal 9 SIGKILL\n")).isEqualTo(new Ending.Signaled(9, "SIGKILL"));
    assertThat(read("started 42\n")).isEqualTo(new Ending.Abandoned(42));
  }

  @Test
  void aSecondLineNamesAProcessThatHeldTheOutputWhenTheRunWasStopped() throws IOException {
    assertThat(read("exit 3\nheld 1234 sleep\n"))
        .isEqualTo(new Ending.OutputHeld(new Ending.Exited(3), 1234, "sleep"));
    assertThat(read("signal 11 SIGSEGV\nheld 7 my tool\n"))
        .isEqualTo(new Ending.OutputHeld(new Ending.Signaled(11, "SIGSEGV"), 7, "my tool"));
  }

  @Test
  void aSecondLineOfAnyOtherShapeIsMalformed() throws IOException {
    assertThat(read("exit 0\nheld x sleep\n"))
        .isInstanceOfSatisfying(
            Ending.Unknown.class, u -> assertThat(u.why()).contains("is malformed"));
    assertThat(read("exit 0\nsomething else\n")).isInstanceOf(Ending.Unknown.class);
  }

  @Test
  void theRunsFailureSaysHowTheProgramEndedAndWhichProcessHeldTheOutput() {
    String reason =
        CommandRunner.outputHeld(
            new Ending.OutputHeld(new Ending.Signaled(11, "SIGSEGV"), 99, "worker"),
            "at the timeout of 30s");

    assertThat(reason)
        .startsWith(
            "the program was killed by SIGSEGV, but a process it started, pid 99 (worker), still"
                + " held its standard output or error open at the timeout of 30s");
  }
}
