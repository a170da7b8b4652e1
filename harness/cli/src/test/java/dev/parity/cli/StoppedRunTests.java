package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.session.RunStopped;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Mode;
import dev.parity.verdict.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that ends once the JVM's exit began (a signal's) leaves its reports to the stop, even when
 * it gets there before the stop's own hook: the exit's other hooks killed its programs, so a case
 * it judged since is the stop's doing (CI saw a verify stopped by SIGTERM report a failed case).
 */
class StoppedRunTests {
  @TempDir Path root;

  @Test
  void aRunThatEndsAfterTheJvmsExitBeganWritesNoReportsOfItsOwn() throws Exception {
    Path out = root.resolve("out");
    AtomicBoolean written = new AtomicBoolean();
    try (StoppedRun stop = StoppedRun.watch(out, root, Mode.VERIFY, Instant.now(), () -> true)) {
      assertThatThrownBy(
              () ->
                  stop.report(
                      () -> {
                        written.set(true);
                        return List.of();
                      }))
          .isInstanceOf(RunStopped.class);
      assertThat(stop.failed(new IOException("a failure after the stop"))).isEmpty();
    }
    assertThat(written).isFalse();
    assertThat(out).doesNotExist();
  }

  @Test
  void aRunThatEndsBeforeAnyExitWritesItsReports() throws Exception {
    Path out = root.resolve("out");
    try (StoppedRun stop = StoppedRun.watch(out, root, Mode.VERIFY, Instant.now(), () -> false)) {
      assertThat(stop.report(() -> "written")).isEqualTo("written");
    }
    try (StoppedRun stop = StoppedRun.watch(out, root, Mode.VERIFY, Instant.now(), () -> false)) {
      assertThat(stop.failed(new IOException("the suite is gone")))
          .hasValueSatisfying(
              v -> {
                assertThat(v.status()).isEqualTo(RunStatus.ERROR);
                assertThat(v.decision()).isEqualTo(Decision.LEGACY);
                assertThat(v.error())
                    .hasValueSatisfying(e -> assertThat(e).contains("the suite is gone"));
              });
    }
  }

  /** The JVM's own answer: no exit while it runs, an exit from its shutdown hooks on. */
  @Test
  void theJvmsExitIsToldFromItsShutdownHooks() throws Exception {
    assertThat(StoppedRun.jvmExiting()).isFalse();
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("running: false\nin a shutdown hook: true\n");
  }

  /** Prints what {@link StoppedRun#jvmExiting} says before and during the JVM's exit. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println("running: " + StoppedRun.jvmExiting());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> System.out.println("in a shutdown hook: " + StoppedRun.jvmExiting())));
      System.out.flush();
    }
  }
}
