package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Side;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingInfo;
import dev.parity.golden.PendingStore;
import dev.parity.run.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code parity review} through a real pseudo-terminal (util-linux {@code script}, which
 * every Debian has): keys go in as a person types them, the screen comes back as the terminal shows
 * it.
 */
class ReviewPtyIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path root;

  private Process process;
  private final StringBuilder screen = new StringBuilder();

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  @Test
  @Timeout(300)
  void acceptRejectSkipAndQuitLeaveGoldensAndPendingResultsAsDecided() throws Exception {
    Path suite = suite();
    Path golden = root.resolve("golden/s");
    GoldenStore goldens = new GoldenStore(golden);
    for (String id : List.of("a", "b", "c", "d", "e")) {
      goldens.write(id, stdout("old " + id + "\n"), false);
    }
    PendingStore pending = new PendingStore(root.resolve("reports/s"));
    legacy(pending, "a");
    candidate(pending, "b");
    legacy(pending, "c");
    legacy(pending, "d");
    candidate(pending, "e");

    start(suite);
    expect("case 1 of 5");
    expect("accepting replaces the golden");
    type("a");
    expect("case 2 of 5");
    expect("accepted difference");
    type("a");
    expect("Reason (required): ");
    type("intended: the port fixed it\r");
    expect("Ticket (optional): ");
    type("PORT-7\r");
    expect("case 3 of 5");
    type("r");
    expect("case 4 of 5");
    type("s");
    expect("case 5 of 5");
    type("q");
    assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(screen()).isTrue();

    assertThat(process.exitValue()).as(screen()).isZero();
    assertThat(screen()).contains("2 accepted, 1 rejected, 1 skipped; 2 pending results left");
    assertThat(golden.resolve("a/stdout")).hasContent("new a");
    assertThat(golden.resolve("b/stdout")).hasContent("old b");
    assertThat(golden.resolve("b/accepted/stdout")).hasContent("new b");
    assertThat(Files.readString(golden.resolve("b/accepted/accepted.yaml")))
        .contains("intended: the port fixed it")
        .contains("PORT-7");
    assertThat(golden.resolve("c/stdout")).hasContent("old c");
    assertThat(golden.resolve("d/stdout")).hasContent("old d");
    assertThat(pending.list().stream().map(r -> r.caseId()).toList()).containsExactly("d", "e");
  }

  @Test
  @Timeout(300)
  void aReviewKilledMidwayKeepsWhatWasDecidedAndEveryOtherPendingResult() throws Exception {
    Path suite = suite();
    Path golden = root.resolve("golden/s");
    GoldenStore goldens = new GoldenStore(golden);
    goldens.write("a", stdout("old a\n"), false);
    goldens.write("b", stdout("old b\n"), false);
    PendingStore pending = new PendingStore(root.resolve("reports/s"));
    legacy(pending, "a");
    legacy(pending, "b");

    start(suite);
    expect("case 1 of 2");
    type("a");
    expect("case 2 of 2");
    // The terminal goes away (a closed SSH session): the review ends without a word.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(golden.resolve("a/stdout")).hasContent("new a");
    assertThat(golden.resolve("b/stdout")).hasContent("old b");
    assertThat(pending.list().stream().map(r -> r.caseId()).toList()).containsExactly("b");
  }

  private Path suite() throws IOException {
    Path suite = Files.createDirectories(root.resolve("fixtures/s"));
    StringBuilder yaml =
        new StringBuilder(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\ncases:\n");
    for (String id : List.of("a", "b", "c", "d", "e")) {
      yaml.append("  - id: ")
          .append(id)
          .append("\n    args: ['echo new ")
          .append(id)
          .append("']\n");
    }
    Files.writeString(suite.resolve("suite.yaml"), yaml);
    return suite;
  }

  private static void legacy(PendingStore pending, String id) throws IOException {
    pending.write(
        id,
        Side.LEGACY,
        stdout("new " + id + "\n"),
        PendingInfo.of("s", PendingInfo.Source.RECORD, "record", Instant.now()));
  }

  private static void candidate(PendingStore pending, String id) throws IOException {
    pending.write(
        id,
        Side.CANDIDATE,
        stdout("new " + id + "\n"),
        PendingInfo.of("s", PendingInfo.Source.VERIFY, "verify", Instant.now()));
  }

  private static Observation stdout(String text) {
    return Observation.ofCommand(
        0, text.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }

  /** Starts the review inside {@code script}, which gives it a pseudo-terminal. */
  private void start(Path suite) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            quote(java),
            "-cp",
            quote(System.getProperty("java.class.path")),
            "dev.parity.cli.ParityCommand",
            "review",
            quote(suite.toString()));
    ProcessBuilder builder =
        new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
    builder.environment().remove("CI");
    builder.environment().put("NO_COLOR", "1");
    builder.environment().put("TERM", "xterm");
    builder.environment().put("USER", "reviewer");
    process = builder.start();
    Thread reader = new Thread(() -> pump(process.getInputStream()), "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void pump(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (screen) {
          screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          screen.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  private int seen;

  /** Waits until {@code text} appears after what earlier expectations consumed. */
  private void expect(String text) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (screen) {
      while (screen.indexOf(text, seen) < 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        assertThat(left > 0 && process.isAlive())
            .as("waiting for [%s]; the terminal showed:%n%s", text, screen.substring(seen))
            .isTrue();
        screen.wait(Math.min(left, 1000));
      }
      seen = screen.indexOf(text, seen) + text.length();
    }
  }

  private void type(String keys) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(keys.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private String screen() {
    synchronized (screen) {
      return screen.toString();
    }
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
