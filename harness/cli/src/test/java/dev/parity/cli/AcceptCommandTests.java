package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.golden.GoldenLock;
import dev.parity.golden.GoldenStore;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: pending results from verify and record are accepted or rejected with {@code parity
 * accept} / {@code reject}; an accepted difference passes verify while the candidate stays the
 * same, and fails when it changes or its {@code --until} day has passed.
 */
class AcceptCommandTests {
  @TempDir Path root;

  private static final String LEGACY = "echo \"Hello, $1!\"\n";

  private TempSuite suite(String candidate) throws IOException {
    TempSuite suite =
        TempSuite.in(root, "tool")
            .suiteYaml(
                TempSuite.scriptSides("tool")
                    + """
                cases:
                  - id: greet
                    args: [World]
                  - id: other/one
                    args: [Other]
                """)
            .script("legacy.sh", LEGACY)
            .script("candidate.sh", candidate);
    assertThat(run(NOV_30, "record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    return suite;
  }

  private static final Clock NOV_30 = day("2026-11-30");

  private static Clock day(String date) {
    return Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC);
  }

  /** Runs parity outside CI on {@code clock}'s day. */
  private static Cli run(Clock clock, String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(CiEnvironment.VARIABLE);
    env.put("USER", "alice");
    return Cli.run(env, clock, args);
  }

  private static JsonNode fixture(TempSuite suite, String id) throws IOException {
    JsonNode verdict =
        VerdictJson.mapper().readTree(suite.reports().resolve("verdict.json").toFile());
    for (JsonNode fixture : verdict.get("fixtures")) {
      if (fixture.get("id").asText().equals(id)) {
        return fixture;
      }
    }
    throw new AssertionError("no case " + id + " in verdict.json");
  }

  private Path pending(TempSuite suite, String id) {
    return suite.reports().resolve("pending").resolve(id);
  }

  @Test
  void anAcceptedDifferencePassesWhileEqualAndFailsWhenTheCandidateChanges() throws Exception {
    TempSuite suite = suite("[ \"$1\" = World ] && echo \"Hello $1\" || echo \"Hello, $1!\"\n");
    assertThat(run(NOV_30, "verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    assertThat(pending(suite, "greet").resolve("candidate/stdout")).hasContent("Hello World");

    Cli accept =
        run(
            NOV_30,
            "accept",
            suite.folder().toString(),
            "--candidate",
            "--reason",
            "the port drops the comma, intended",
            "--ticket",
            "PORT-7");

    assertThat(accept.exitCode()).as(accept.err()).isZero();
    assertThat(accept.out())
        .contains("accepted greet: candidate difference accepted (ticket PORT-7)");
    assertThat(pending(suite, "greet")).doesNotExist();
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hello, World!");
    assertThat(suite.golden().resolve("greet/accepted/stdout")).hasContent("Hello World");
    assertThat(suite.golden().resolve("greet/accepted/accepted.yaml"))
        .content()
        .contains("the port drops the comma, intended", "PORT-7", "alice");

    Cli equal = run(NOV_30, "verify", suite.folder().toString());
    assertThat(equal.exitCode()).as(equal.out()).isZero();
    JsonNode greet = fixture(suite, "greet");
    assertThat(greet.get("status").asText()).isEqualTo("accepted");
    assertThat(greet.get("accepted").get("ticket").asText()).isEqualTo("PORT-7");

    suite.script("candidate.sh", "echo \"Hi $1\"\n");
    Cli changed = run(NOV_30, "verify", suite.folder().toString(), "--filter", "greet");
    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(changed.out())
        .contains("candidate changed since the difference was accepted (ticket PORT-7)");
    assertThat(fixture(suite, "greet").get("status").asText()).isEqualTo("fail");
  }

  @Test
  void anAcceptedDifferenceNoLongerAppliesOnceTheGoldenChanged() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    String folder = suite.folder().toString();
    assertThat(run(NOV_30, "verify", folder).exitCode()).isEqualTo(1);
    Cli accept =
        run(
            NOV_30,
            "accept",
            folder,
            "--candidate",
            "--filter",
            "greet",
            "--reason",
            "no comma",
            "--ticket",
            "PORT-7");
    assertThat(accept.exitCode()).as(accept.err()).isZero();
    assertThat(run(NOV_30, "verify", folder, "--filter", "greet").exitCode()).isZero();
    // A new legacy release: the golden is re-recorded, the candidate did not follow.
    suite.script("legacy.sh", "echo \"Hi, $1!\"\n");
    assertThat(run(NOV_30, "record", "--update", "--runs", "1", folder).exitCode()).isZero();
    assertThat(suite.golden().resolve("greet/accepted/stdout")).hasContent("Hello World");

    Cli verify = run(NOV_30, "verify", folder, "--filter", "greet");

    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(1);
    assertThat(verify.out())
        .contains(
            "the golden changed since the difference was accepted (ticket PORT-7); review the"
                + " case and accept it again");
    assertThat(fixture(suite, "greet").get("status").asText()).isEqualTo("fail");
  }

  @Test
  void anAcceptedDifferenceFailsAfterItsUntilDay() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    assertThat(run(NOV_30, "verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    Cli accept =
        run(
            NOV_30,
            "accept",
            suite.folder().toString(),
            "--filter",
            "greet",
            "--reason",
            "intended until the release",
            "--ticket",
            "PORT-8",
            "--until",
            "2026-12-01");
    assertThat(accept.exitCode()).as(accept.err()).isZero();

    Cli lastDay = run(day("2026-12-01"), "verify", suite.folder().toString(), "--filter", "greet");
    Cli after = run(day("2026-12-02"), "verify", suite.folder().toString(), "--filter", "greet");

    assertThat(lastDay.exitCode()).as(lastDay.out()).isZero();
    assertThat(after.exitCode()).isEqualTo(1);
    assertThat(after.out()).contains("accepted difference expired on 2026-12-01 (ticket PORT-8)");
    Cli listed = run(day("2026-12-02"), "accepted", suite.folder().toString());
    assertThat(listed.out())
        .contains("greet  expired", "reason : intended until the release", "until  : 2026-12-01");
  }

  @Test
  void anAcceptedDifferenceUntilAVersionPassesUpToItAndFailsAfterIt() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    String folder = suite.folder().toString();
    assertThat(run(NOV_30, "verify", folder, "--filter", "greet").exitCode()).isEqualTo(1);
    Cli accept =
        run(
            NOV_30,
            "accept",
            folder,
            "--filter",
            "greet",
            "--reason",
            "fixed in 2.1",
            "--ticket",
            "PORT-9",
            "--until",
            "2.0",
            "--candidate-version",
            "1.4");
    assertThat(accept.exitCode()).as(accept.err()).isZero();
    assertThat(suite.golden().resolve("greet/accepted/accepted.yaml"))
        .content()
        .containsPattern("until: \"?2.0\"?\n");

    Cli before = run(NOV_30, "verify", folder, "--filter", "greet", "--candidate-version", "1.9");
    Cli at = run(NOV_30, "verify", folder, "--filter", "greet", "--candidate-version", "v2.0.0");
    Cli after = run(NOV_30, "verify", folder, "--filter", "greet", "--candidate-version", "2.1");
    Cli unknown = run(NOV_30, "verify", folder, "--filter", "greet");
    Cli unusable = run(NOV_30, "verify", folder, "--candidate-version", "latest");

    assertThat(before.exitCode()).as(before.out()).isZero();
    assertThat(at.exitCode()).as(at.out()).isZero();
    assertThat(after.exitCode()).isEqualTo(1);
    assertThat(after.out())
        .contains(
            "accepted difference expired after version 2.0 (the candidate is version 2.1)"
                + " (ticket PORT-9)");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out()).contains("give it with --candidate-version");
    assertThat(unusable.exitCode()).isEqualTo(2);
    assertThat(unusable.err())
        .contains("--candidate-version [latest] is not a version; give a version such as 2.3");
    Cli listed = run(NOV_30, "accepted", folder, "--candidate-version", "2.1");
    assertThat(listed.out()).contains("greet  expired", "until  : 2.0");
  }

  @Test
  void anUntilThatIsNoDateOrVersionOrAlreadyPastExitsTwoAndWritesNothing() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    String folder = suite.folder().toString();
    assertThat(run(NOV_30, "verify", folder).exitCode()).isEqualTo(1);

    Cli unusable = run(NOV_30, "accept", folder, "--reason", "r", "--until", "next release");
    Cli pastVersion =
        run(
            NOV_30,
            "accept",
            folder,
            "--reason",
            "r",
            "--until",
            "1.9",
            "--candidate-version",
            "2.0");
    Cli pastDay = run(NOV_30, "accept", folder, "--reason", "r", "--until", "2026-11-29");

    assertThat(unusable.exitCode()).isEqualTo(2);
    assertThat(unusable.err())
        .contains(
            "--until [next release] is neither a date nor a version; give a date YYYY-MM-DD (the"
                + " last day, UTC) or a version such as 2.3");
    assertThat(pastVersion.exitCode()).isEqualTo(2);
    assertThat(pastVersion.err())
        .contains("--until [1.9] is already past: the candidate is version 2.0");
    assertThat(pastDay.exitCode()).isEqualTo(2);
    assertThat(suite.golden().resolve("greet/accepted")).doesNotExist();
    assertThat(suite.golden().resolve("other/one/accepted")).doesNotExist();
    assertThat(pending(suite, "greet").resolve("candidate")).isDirectory();
  }

  @Test
  void acceptWithNothingToAcceptMakesNoGoldenOrPendingFolder() {
    TempSuite suite =
        TempSuite.in(root, "fresh")
            .suiteYaml(
                "name: fresh\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                    + "cases:\n  - id: a\n");

    Cli accept = run(NOV_30, "accept", suite.folder().toString(), "--reason", "r");

    assertThat(accept.exitCode()).isEqualTo(2);
    assertThat(accept.err()).contains("no pending result in");
    assertThat(suite.golden()).doesNotExist();
    assertThat(suite.reports().resolve("pending")).doesNotExist();
  }

  @Test
  void badInputExitsTwoAndWritesNothing() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    String folder = suite.folder().toString();
    Cli noPending = run(NOV_30, "accept", folder, "--reason", "r");
    assertThat(noPending.exitCode()).isEqualTo(2);
    assertThat(noPending.err()).contains("no pending result in", "run `parity verify`");
    assertThat(run(NOV_30, "verify", folder).exitCode()).isEqualTo(1);

    Cli unknownCase = run(NOV_30, "accept", folder, "--filter", "nope", "--reason", "r");
    Cli unknownCluster = run(NOV_30, "accept", folder, "--cluster", "c9", "--reason", "r");
    Cli past = run(NOV_30, "accept", folder, "--reason", "r", "--until", "2026-11-29");
    Cli noReason = run(NOV_30, "accept", folder, "--candidate");
    Cli wrongSide = run(NOV_30, "accept", folder, "--legacy");
    Cli locked;
    try (GoldenStore.Lock lock = new GoldenStore(suite.golden()).lock()) {
      locked = run(NOV_30, "accept", folder, "--reason", "r");
    }

    assertThat(unknownCase.exitCode()).isEqualTo(2);
    assertThat(unknownCase.err()).contains("--filter [nope] matches none of the 2 case ids");
    assertThat(unknownCluster.exitCode()).isEqualTo(2);
    assertThat(unknownCluster.err())
        .contains("--cluster [c9] names no cluster of the pending results");
    assertThat(past.exitCode()).isEqualTo(2);
    assertThat(past.err())
        .contains("--until [2026-11-29] is in the past (today is 2026-11-30, UTC)");
    assertThat(noReason.exitCode()).isEqualTo(2);
    assertThat(noReason.err()).contains("accepting a candidate result needs --reason TEXT");
    assertThat(wrongSide.exitCode()).isEqualTo(2);
    assertThat(wrongSide.err()).contains("has no pending legacy result", "use --candidate");
    assertThat(locked.exitCode()).isEqualTo(2);
    assertThat(locked.err()).contains("the goldens are being written by this process");
    assertThat(suite.golden().resolve("greet/accepted")).doesNotExist();
    assertThat(suite.golden().resolve("other/one/accepted")).doesNotExist();
    assertThat(pending(suite, "greet").resolve("candidate")).isDirectory();
    assertThat(pending(suite, "other/one").resolve("candidate")).isDirectory();
  }

  @Test
  void acceptAndRejectSelectPendingResultsByTheClusterTheReportsShow() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "versions")
            .suiteYaml(
                """
                name: versions
                legacy:
                  command: [sh, "{suite}/legacy.sh"]
                candidate:
                  command: [sh, "{suite}/candidate.sh"]
                cases:
                  - id: a
                    args: [a]
                  - id: b
                    args: [b]
                  - id: c
                    args: [c]
                  - id: same
                    args: [same]
                """)
            .script("legacy.sh", "echo \"$1\"; echo version 1\n")
            .script(
                "candidate.sh",
                "echo \"$1\"; case $1 in c) echo boom;; same) echo version 1;;"
                    + " *) echo version 2;; esac\n");
    String folder = suite.folder().toString();
    assertThat(run(NOV_30, "record", "--runs", "1", folder).exitCode()).isZero();
    Cli verify = run(NOV_30, "verify", folder);
    assertThat(verify.exitCode()).isEqualTo(1);
    JsonNode verdict =
        VerdictJson.mapper().readTree(suite.reports().resolve("verdict.json").toFile());
    Map<String, String> clusterOf = new HashMap<>();
    for (JsonNode cluster : verdict.get("clusters")) {
      cluster.get("examples").forEach(e -> clusterOf.put(e.asText(), cluster.get("id").asText()));
    }
    assertThat(clusterOf).containsOnlyKeys("a", "b", "c");
    assertThat(clusterOf.get("a")).isEqualTo(clusterOf.get("b")).isNotEqualTo(clusterOf.get("c"));
    assertThat(pending(suite, "a").resolve("pending.yaml"))
        .content()
        .contains("cluster: " + clusterOf.get("a"));

    Cli accept =
        run(NOV_30, "accept", folder, "--cluster", clusterOf.get("a"), "--reason", "v2 intended");

    assertThat(accept.exitCode()).as(accept.err()).isZero();
    assertThat(accept.out()).contains("accepted a:", "accepted b:", "2 pending results accepted");
    assertThat(suite.golden().resolve("a/accepted/stdout")).hasContent("a\nversion 2");
    assertThat(suite.golden().resolve("b/accepted/stdout")).hasContent("b\nversion 2");
    assertThat(suite.golden().resolve("c/accepted")).doesNotExist();
    assertThat(pending(suite, "a")).doesNotExist();
    assertThat(pending(suite, "c")).isDirectory();

    Cli reject = run(NOV_30, "reject", folder, "--cluster", clusterOf.get("c"));

    assertThat(reject.exitCode()).as(reject.err()).isZero();
    assertThat(reject.out()).contains("rejected c", "1 pending result rejected");
    assertThat(suite.reports().resolve("pending")).isEmptyDirectory();
    assertThat(suite.golden().resolve("c/stdout")).hasContent("c\nversion 1");
    Cli again = run(NOV_30, "verify", folder);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(fixture(suite, "a").get("status").asText()).isEqualTo("accepted");
    assertThat(fixture(suite, "c").get("status").asText()).isEqualTo("fail");
  }

  @Test
  void aClusterIdOfARecordAndOfAVerifyIsRefusedUnlessASideSaysWhich() throws Exception {
    TempSuite suite = suite(LEGACY);
    String folder = suite.folder().toString();
    // record: greet's golden changed (its cluster c1); verify: other/one fails (also c1).
    suite.script("legacy.sh", "[ \"$1\" = World ] && echo \"Hey $1\" || echo \"Hello, $1!\"\n");
    assertThat(run(NOV_30, "record", "--runs", "1", folder).exitCode()).isEqualTo(1);
    suite.script("candidate.sh", "[ \"$1\" = Other ] && echo \"Hi $1\" || echo \"Hey $1\"\n");
    assertThat(run(NOV_30, "verify", folder, "--filter", "other/*").exitCode()).isEqualTo(1);
    assertThat(pending(suite, "greet").resolve("pending.yaml")).content().contains("cluster: c1");
    assertThat(pending(suite, "other/one").resolve("pending.yaml"))
        .content()
        .contains("cluster: c1");

    Cli mixed = run(NOV_30, "accept", folder, "--cluster", "c1", "--reason", "r");
    assertThat(mixed.exitCode()).isEqualTo(2);
    assertThat(mixed.err()).contains("names a cluster of a record run and one of a verify run");
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hello, World!");
    assertThat(suite.golden().resolve("other/one/accepted")).doesNotExist();

    Cli legacyOnly = run(NOV_30, "accept", folder, "--cluster", "c1", "--legacy");
    assertThat(legacyOnly.exitCode()).as(legacyOnly.err()).isZero();
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hey World");
    assertThat(suite.golden().resolve("other/one/accepted")).doesNotExist();
    assertThat(pending(suite, "other/one").resolve("candidate")).isDirectory();
  }

  @Test
  void aCaseWithPendingResultsOfBothSidesNeedsASideToAccept() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    String folder = suite.folder().toString();
    suite.script("legacy.sh", "echo \"Hey $1\"\n");
    assertThat(run(NOV_30, "record", "--runs", "1", folder, "--filter", "greet").exitCode())
        .isEqualTo(1);
    assertThat(run(NOV_30, "verify", folder, "--filter", "greet").exitCode()).isEqualTo(1);
    assertThat(pending(suite, "greet").resolve("legacy/stdout")).hasContent("Hey World");
    assertThat(pending(suite, "greet").resolve("candidate/stdout")).hasContent("Hello World");

    Cli neither = run(NOV_30, "accept", folder, "--reason", "r");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err())
        .contains("the case [greet] holds both a pending legacy result", "--legacy or --candidate");
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hello, World!");

    Cli legacyOnly = run(NOV_30, "accept", folder, "--legacy");
    assertThat(legacyOnly.exitCode()).as(legacyOnly.err()).isZero();
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hey World");
    assertThat(pending(suite, "greet").resolve("legacy")).doesNotExist();
    assertThat(pending(suite, "greet").resolve("candidate/stdout"))
        .as("the candidate side is still to be reviewed")
        .hasContent("Hello World");
  }

  @Test
  @Timeout(120)
  void acceptingInAGoldenFolderLockedByAnotherProcessExitsTwoAndWritesNothing() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    String folder = suite.folder().toString();
    assertThat(run(NOV_30, "verify", folder).exitCode()).isEqualTo(1);
    Path lockFile = suite.golden().resolve(GoldenLock.FILE);
    // Another process holds the golden lock (a POSIX record lock, as parity takes it) until its
    // stdin closes.
    Process holder =
        new ProcessBuilder(
                "python3",
                "-c",
                "import fcntl, sys\n"
                    + "f = open(sys.argv[1], 'a+')\n"
                    + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                    + "f.write('4242\\n'); f.flush()\n"
                    + "print('locked', flush=True)\n"
                    + "sys.stdin.read()\n",
                lockFile.toString())
            .redirectErrorStream(true)
            .start();
    Cli locked;
    try {
      assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8))
          .isEqualTo("locked\n");
      Map<String, String> before = snapshot(suite.golden());

      locked = run(NOV_30, "accept", folder, "--reason", "r", "--ticket", "T-1", "--until", "2.0");

      assertThat(snapshot(suite.golden())).as("golden/ unchanged").isEqualTo(before);
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(60, TimeUnit.SECONDS);
      holder.destroyForcibly();
    }
    assertThat(locked.exitCode()).isEqualTo(2);
    assertThat(locked.err())
        .contains(
            "the goldens are being written by another parity process (pid 4242)",
            "wait until that `parity record` ends and run again");
    assertThat(suite.golden().resolve("greet/accepted")).doesNotExist();
    assertThat(pending(suite, "greet").resolve("candidate")).isDirectory();
    assertThat(pending(suite, "other/one").resolve("candidate")).isDirectory();
  }

  /** Every file below {@code folder} but the lock file, with its content. */
  private static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(GoldenLock.FILE)) {
          files.put(
              folder.relativize(file).toString(),
              new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  @Test
  void acceptRefusesInCiUnlessForced() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    assertThat(run(NOV_30, "verify", suite.folder().toString()).exitCode()).isEqualTo(1);

    Cli refused = Cli.inCi("accept", suite.folder().toString(), "--reason", "r");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("accept writes goldens, and CI is set", "--force");
    assertThat(suite.golden().resolve("greet/accepted")).doesNotExist();

    Cli forced = Cli.inCi("accept", suite.folder().toString(), "--reason", "r", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(suite.golden().resolve("greet/accepted/accepted.yaml")).exists();
  }

  @Test
  void rejectDropsPendingResultsAndLeavesTheGoldens() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    assertThat(run(NOV_30, "verify", suite.folder().toString()).exitCode()).isEqualTo(1);

    Cli reject = run(NOV_30, "reject", suite.folder().toString(), "--filter", "other/*");

    assertThat(reject.exitCode()).as(reject.err()).isZero();
    assertThat(reject.out()).contains("rejected other/one", "1 pending result rejected");
    assertThat(pending(suite, "other/one")).doesNotExist();
    assertThat(pending(suite, "greet")).isDirectory();
    assertThat(suite.golden().resolve("other/one/stdout")).hasContent("Hello, Other!");
  }

  @Test
  void acceptingAPendingLegacyResultReplacesTheGolden() throws Exception {
    TempSuite suite = suite(LEGACY);
    suite.script("legacy.sh", "echo \"Hey $1\"\n");
    Cli record = run(NOV_30, "record", "--runs", "1", suite.folder().toString());
    assertThat(record.exitCode()).isEqualTo(1);
    assertThat(pending(suite, "greet").resolve("legacy/stdout")).hasContent("Hey World");

    Cli accept = run(NOV_30, "accept", suite.folder().toString(), "--legacy", "--filter", "greet");

    assertThat(accept.exitCode()).as(accept.err()).isZero();
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hey World");
    assertThat(suite.golden().resolve("other/one/stdout")).hasContent("Hello, Other!");
    assertThat(pending(suite, "greet")).doesNotExist();
    assertThat(pending(suite, "other/one")).isDirectory();
  }

  @Test
  void aPendingResultOfAnotherSuiteInASharedOutIsNeverAccepted() throws Exception {
    TempSuite suite = suite(LEGACY);
    TempSuite other =
        TempSuite.in(root, "other")
            .suiteYaml(
                TempSuite.scriptSides("other") + "cases:\n  - id: greet\n    args: [World]\n")
            .script("legacy.sh", "echo \"Bye, $1\"\n")
            .script("candidate.sh", "echo \"Bye, $1\"\n");
    String out = root.resolve("shared").toString();
    String[] record = {"record", "--runs", "1", "--out", out, other.folder().toString()};
    assertThat(run(NOV_30, record).exitCode()).isZero();
    other.script("legacy.sh", "echo \"Ciao, $1\"\n");
    assertThat(run(NOV_30, record).exitCode()).isEqualTo(1);
    Path otherGreet = Path.of(out, "pending", "greet", "legacy", "stdout");
    assertThat(otherGreet).hasContent("Ciao, World");

    Cli accept = run(NOV_30, "accept", suite.folder().toString(), "--legacy", "--out", out);
    Cli reject = run(NOV_30, "reject", suite.folder().toString(), "--out", out);

    assertThat(accept.exitCode()).as(accept.out()).isEqualTo(2);
    assertThat(accept.err()).contains("; it holds none of suite [tool]: run `parity verify`");
    assertThat(reject.exitCode()).as(reject.out()).isEqualTo(2);
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hello, World!");
    assertThat(otherGreet).as("the other suite's review work is kept").hasContent("Ciao, World");
  }

  @Test
  void aPendingResultJudgedByAGoldenReplacedSinceIsNotAccepted() throws Exception {
    TempSuite suite = suite("echo \"Hello $1\"\n");
    assertThat(run(NOV_30, "verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    suite.script("legacy.sh", "echo \"Hey $1\"\n");
    Cli update = run(NOV_30, "record", "--update", "--runs", "1", suite.folder().toString());
    assertThat(update.exitCode()).as(update.out()).isZero();

    Cli accept =
        run(
            NOV_30,
            "accept",
            suite.folder().toString(),
            "--candidate",
            "--filter",
            "greet",
            "--reason",
            "r");

    assertThat(accept.exitCode()).as(accept.out()).isEqualTo(2);
    assertThat(accept.err())
        .contains(
            "the pending candidate result of [greet] in "
                + pending(suite, "greet")
                + " was judged by another golden than "
                + suite.golden().resolve("greet")
                + " holds now (replaced since that `parity verify`, or the result is from an older"
                + " parity); run `parity verify` again and review the new result");
    assertThat(suite.golden().resolve("greet/accepted")).doesNotExist();
    assertThat(pending(suite, "greet").resolve("candidate/stdout")).hasContent("Hello World");

    assertThat(run(NOV_30, "verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    Cli again =
        run(
            NOV_30,
            "accept",
            suite.folder().toString(),
            "--candidate",
            "--filter",
            "greet",
            "--reason",
            "r");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(suite.golden().resolve("greet/accepted/stdout")).hasContent("Hello World");
  }

  @Test
  void aPendingLegacyResultNeverReplacesAGoldenCheckedOutSinceTheRecord() throws Exception {
    TempSuite suite = suite(LEGACY);
    suite.script("legacy.sh", "echo \"Hey $1\"\n");
    assertThat(run(NOV_30, "record", "--runs", "1", suite.folder().toString()).exitCode())
        .isEqualTo(1);
    // A teammate's golden arrives (git pull) after the record stored its pending result.
    Path greet = suite.golden().resolve("greet");
    Files.writeString(greet.resolve("stdout"), "Howdy, World!\n");
    Files.writeString(
        greet.resolve("meta.yaml"),
        Files.readString(greet.resolve("meta.yaml"))
            .replaceAll("stdout: [0-9a-f]{64}", "stdout: " + sha256("Howdy, World!\n")));

    Cli accept = run(NOV_30, "accept", suite.folder().toString(), "--legacy", "--filter", "greet");

    assertThat(accept.exitCode()).as(accept.out()).isEqualTo(2);
    assertThat(accept.err()).contains("replaced since that `parity record`");
    assertThat(greet.resolve("stdout")).hasContent("Howdy, World!");
    assertThat(pending(suite, "greet").resolve("legacy/stdout")).hasContent("Hey World");
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
