package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenLock;
import dev.parity.golden.GoldenStore;
import dev.parity.run.Observation;
import dev.parity.testing.Repository;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real, packaged CLI at random moments of {@code record --update}: after every kill
 * each golden is entirely old or entirely new (meta.yaml, checksums and every stream from one run)
 * or reported as incomplete, never torn and never silently missing; the next record completes what
 * a kill left, and leaves no temporary file behind. An integration test because it runs the jar
 * built at {@code package}.
 */
class GoldenCrashIT {
  private static final int KILLS = 50;

  /** Five top-level cases, each with nested cases inside its golden folder. */
  private static final List<String> CASES = cases();

  @TempDir Path root;

  @Test
  @Timeout(600)
  void everyGoldenIsEntirelyOldOrEntirelyNewAfterAKillAtAnyMoment() throws Exception {
    TempSuite suite = TempSuite.in(root, "crash").suiteYaml(suiteYaml());
    Path golden = suite.golden();
    Map<String, Set<Integer>> allowed = new HashMap<>();
    Process first = record(suite, 1);
    long locked = awaitLock(golden, first);
    assertThat(first.waitFor()).isZero();
    // How long the first record held the lock: kills land within that stretch of later runs,
    // where goldens are written (the JVM's start before it is of no interest here).
    long writingMillis = Math.max(1, (System.nanoTime() - locked) / 1_000_000);
    CASES.forEach(id -> allowed.put(id, new HashSet<>(Set.of(1))));
    check(golden, allowed, 1);

    Random random = new Random(20261130L);
    int killedWhileWriting = 0;
    for (int token = 2; token < KILLS + 2; token++) {
      Process parity = record(suite, token);
      for (Set<Integer> tokens : allowed.values()) {
        tokens.add(token);
      }
      long lockedAt = awaitLock(golden, parity);
      long delay = (long) (random.nextDouble() * writingMillis * 1.1);
      if (parity.waitFor(delay, TimeUnit.MILLISECONDS)) {
        assertThat(parity.exitValue()).as("a record that was not killed").isZero();
        // The first record may have been slow (cold caches): aim at the quickest one seen.
        writingMillis =
            Math.max(1, Math.min(writingMillis, (System.nanoTime() - lockedAt) / 1_000_000));
      } else {
        parity.destroyForcibly(); // SIGKILL
        parity.waitFor();
      }
      if (check(golden, allowed, token)) {
        killedWhileWriting++;
      }
    }
    System.out.printf(
        "GoldenCrashIT: %d kills, %d caught goldens mid-way%n", KILLS, killedWhileWriting);

    int last = KILLS + 2;
    assertThat(record(suite, last).waitFor()).as("a record after the kills").isZero();
    GoldenStore store = new GoldenStore(golden);
    for (String id : CASES) {
      assertThat(tokenOf(id, store.read(id).orElseThrow())).as(id).isEqualTo(last);
    }
    try (Stream<Path> files = Files.walk(golden)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith(".")))
          .as("leftovers of killed runs, temporary files, the lock file")
          .isEmpty();
    }
    assertThat(killedWhileWriting)
        .as("kills that landed while goldens were being replaced (of %d)", KILLS)
        .isPositive();
  }

  /**
   * Reads every golden as verify would: each is intact and from one allowed run, or reported as
   * incomplete. Returns whether the kill caught run {@code token} mid-way: some goldens from it and
   * some not, or incomplete ones.
   */
  private static boolean check(Path golden, Map<String, Set<Integer>> allowed, int token) {
    GoldenStore store = new GoldenStore(golden);
    int fromThisRun = 0;
    boolean incomplete = false;
    for (String id : CASES) {
      Optional<Observation> read;
      try {
        read = store.read(id);
      } catch (GoldenException e) {
        assertThat(e).as(id).hasMessageContaining("the golden is incomplete");
        incomplete = true;
        continue;
      }
      assertThat(read).as("golden of %s vanished", id).isPresent();
      int from = tokenOf(id, read.get());
      assertThat(allowed.get(id)).as(id).contains(from);
      allowed.put(id, new HashSet<>(Set.of(from)));
      fromThisRun += from == token ? 1 : 0;
    }
    return incomplete || (fromThisRun > 0 && fromThisRun < CASES.size());
  }

  /**
   * Waits until {@code parity} holds the golden lock (or has ended) and returns when, as {@link
   * System#nanoTime}. The lock file names its holder's pid; a file a killed run left behind names
   * the dead one, so its mere existence says nothing about this run.
   */
  private static long awaitLock(Path golden, Process parity) throws InterruptedException {
    Path lock = golden.resolve(GoldenLock.FILE);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!heldBy(lock, parity) && parity.isAlive() && System.nanoTime() - deadline < 0) {
      Thread.sleep(2);
    }
    return System.nanoTime();
  }

  private static boolean heldBy(Path lock, Process parity) {
    try {
      return Files.readString(lock, StandardCharsets.UTF_8).startsWith(parity.pid() + "\n");
    } catch (IOException absentOrBeingWritten) {
      return false;
    }
  }

  /** The run a golden comes from, checking that every part of it says the same. */
  private static int tokenOf(String id, Observation golden) {
    String stdout = text(golden, Observation.STDOUT);
    int token = Integer.parseInt(stdout.substring(0, stdout.indexOf(' ')));
    assertThat(stdout).as(id).isEqualTo(token + " " + id + "\n");
    assertThat(text(golden, Observation.STDERR)).as(id).isEqualTo(token + "\n");
    assertThat(text(golden, Observation.FILE_PREFIX + "out/r.txt")).as(id).isEqualTo(token + "\n");
    assertThat(golden.values())
        .as(id)
        .containsEntry(Observation.EXIT_CODE, String.valueOf(token % 50));
    return token;
  }

  private static String text(Observation golden, String stream) {
    return new String(golden.stream(stream).orElseThrow(), StandardCharsets.UTF_8);
  }

  private static Process record(TempSuite suite, int token) throws IOException {
    Path jar = Repository.root().resolve("harness/cli/target/parity.jar");
    assertThat(jar).as("the packaged jar").isRegularFile();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A quicker start: these runs are short and many.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "record",
                "--update",
                "--runs",
                "1",
                "--jobs",
                "2",
                suite.folder().toString())
            .redirectErrorStream(true)
            .redirectOutput(suite.root().resolve("parity-" + token + ".log").toFile());
    // These runs write goldens; a CI variable of the machine running the tests must not refuse
    // them.
    builder.environment().remove(CiEnvironment.VARIABLE);
    builder.environment().put("TOKEN", String.valueOf(token));
    return builder.start();
  }

  private static String suiteYaml() {
    StringBuilder yaml =
        new StringBuilder(
            "name: crash\n"
                + "legacy:\n"
                + "  command: [sh, -c, 'echo \"$TOKEN $1\"; echo \"$TOKEN\" >&2; mkdir -p out;"
                + " echo \"$TOKEN\" > out/r.txt; exit $((TOKEN % 50))', sh]\n"
                + "candidate:\n"
                + "  command: [sh, -c, 'true']\n"
                + "cases:\n");
    for (String id : CASES) {
      yaml.append("  - id: ").append(id).append("\n    args: [").append(id).append("]\n");
      yaml.append("    outputs: [out/r.txt]\n");
    }
    return yaml.toString();
  }

  private static List<String> cases() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add("c" + i);
      ids.add("c" + i + "/nested");
      ids.add("c" + i + "/nested/deep");
    }
    return List.copyOf(ids);
  }
}
