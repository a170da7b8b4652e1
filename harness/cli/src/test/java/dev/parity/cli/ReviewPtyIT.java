package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.golden.PendingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    Path suite = suite(List.of("a", "b", "c", "d", "e", "f", "g"));
    Path golden = root.resolve("golden/s");
    // Real runs store the pending results: record finds changed goldens (a, c, d, g), verify
    // failing candidates (b, e, f, one cluster: "version 1" became "version 2").
    for (String id : List.of("a", "c", "d", "g")) {
      output(suite, "legacy", id, "new " + id + "\n");
    }
    for (String id : List.of("b", "e", "f")) {
      output(suite, "candidate", id, id + "\nversion 2\n");
    }
    assertThat(Cli.run("record", "--runs", "1", suite.toString()).exitCode()).isEqualTo(1);
    assertThat(Cli.run("verify", suite.toString()).exitCode()).isEqualTo(1);
    PendingStore pending = new PendingStore(root.resolve("reports/s"));
    assertThat(pending.list().stream().map(r -> r.caseId()).toList())
        .containsExactly("a", "b", "c", "d", "e", "f", "g");
    assertThat(pending.read("b").orElseThrow().info().cluster())
        .isPresent()
        .isEqualTo(pending.read("f").orElseThrow().info().cluster());

    start(suite);
    expect("case 1 of 7");
    expect("accepting replaces the golden");
    type("a");
    expect("case 2 of 7");
    expect("accepted difference");
    // A: every pending result of b's cluster (b, e, f) with one reason.
    type("A");
    expect("Reason (required): ");
    type("intended: the port fixed it\r");
    expect("Ticket (optional): ");
    type("PORT-7\r");
    expect("case 5 of 7");
    type("r");
    expect("case 6 of 7");
    type("s");
    expect("case 7 of 7");
    type("q");
    assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(screen()).isTrue();

    assertThat(process.exitValue()).as(screen()).isZero();
    assertThat(screen()).contains("4 accepted, 1 rejected, 1 skipped; 2 pending results left");
    assertThat(golden.resolve("a/stdout")).hasContent("new a");
    for (String id : List.of("b", "e", "f")) {
      assertThat(golden.resolve(id + "/stdout")).hasContent(id + "\nversion 1");
      assertThat(golden.resolve(id + "/accepted/stdout")).hasContent(id + "\nversion 2");
      assertThat(Files.readString(golden.resolve(id + "/accepted/accepted.yaml")))
          .contains("intended: the port fixed it")
          .contains("PORT-7");
    }
    assertThat(golden.resolve("c/stdout")).hasContent("c\nversion 1");
    assertThat(golden.resolve("d/stdout")).hasContent("d\nversion 1");
    assertThat(golden.resolve("g/stdout")).hasContent("g\nversion 1");
    assertThat(pending.list().stream().map(r -> r.caseId()).toList()).containsExactly("d", "g");
    Cli verify = Cli.run("verify", suite.toString(), "--filter", "b");
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("1 accepted");
  }

  @Test
  @Timeout(300)
  void aReviewKilledMidwayKeepsWhatWasDecidedAndEveryOtherPendingResult() throws Exception {
    Path suite = suite(List.of("a", "b"));
    Path golden = root.resolve("golden/s");
    output(suite, "legacy", "a", "new a\n");
    output(suite, "legacy", "b", "new b\n");
    assertThat(Cli.run("record", "--runs", "1", suite.toString()).exitCode()).isEqualTo(1);
    PendingStore pending = new PendingStore(root.resolve("reports/s"));

    start(suite);
    expect("case 1 of 2");
    type("a");
    expect("case 2 of 2");
    // The terminal goes away (a closed SSH session): the review ends without a word.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(golden.resolve("a/stdout")).hasContent("new a");
    assertThat(golden.resolve("b/stdout")).hasContent("b\nversion 1");
    assertThat(pending.list().stream().map(r -> r.caseId()).toList()).containsExactly("b");
    try (Stream<Path> files = Files.walk(golden)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith(".")))
          .as("no half-written golden left behind")
          .isEmpty();
    }
  }

  /**
   * A suite whose sides print the file {@code legacy/<id>} or {@code candidate/<id>} of the suite
   * folder, both {@code <id>\nversion 1} at first; its goldens are recorded.
   */
  private Path suite(List<String> ids) throws IOException {
    Path suite = Files.createDirectories(root.resolve("fixtures/s"));
    StringBuilder yaml =
        new StringBuilder(
            "name: s\nlegacy:\n  command: [sh, -c, 'cat \"$0\"/legacy/\"$1\"', '{suite}']\n"
                + "candidate:\n  command: [sh, -c, 'cat \"$0\"/candidate/\"$1\"', '{suite}']\n"
                + "cases:\n");
    for (String id : ids) {
      yaml.append("  - id: ").append(id).append("\n    args: [").append(id).append("]\n");
      output(suite, "legacy", id, id + "\nversion 1\n");
      output(suite, "candidate", id, id + "\nversion 1\n");
    }
    Files.writeString(suite.resolve("suite.yaml"), yaml);
    Cli record = Cli.run("record", "--runs", "1", suite.toString());
    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    return suite;
  }

  private static void output(Path suite, String side, String id, String text) throws IOException {
    Files.createDirectories(suite.resolve(side));
    Files.writeString(suite.resolve(side).resolve(id), text);
  }

  /** Starts the review inside {@code script}, which gives it a pseudo-terminal. */
  private void start(Path suite) throws IOException {
    ProcessBuilder builder =
        Pty.of(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.parity.cli.ParityCommand",
                    "review",
                    suite.toString()))
            .redirectErrorStream(true);
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
}
