package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.cli.Processes.Result;
import dev.parity.testing.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./parity with the class-data-sharing archive the build makes (issue 13): used when it fits, and a
 * stale, damaged or missing archive changes nothing but the start-up time.
 */
class StartupIT {
  @TempDir Path temp;
  Path launcher;
  Path jar;
  Path archive;
  String version;

  /** A copy of the repository's layout: ./parity, the packaged jar and, per test, an archive. */
  @BeforeEach
  void layout() throws Exception {
    Path root = Repository.root();
    Path target = Files.createDirectories(temp.resolve("harness/cli/target"));
    jar = Files.copy(root.resolve("harness/cli/target/parity.jar"), target.resolve("parity.jar"));
    launcher = Files.copy(root.resolve("parity"), temp.resolve("parity"));
    archive = target.resolve("parity.jsa");
    version = jarVersion();
  }

  /** What the packaged jar prints for --version without the launcher or an archive. */
  private String jarVersion() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Result result =
        Processes.run(temp, Duration.ofMinutes(2), Map.of(), java, "-jar", jar.toString(), "-V");
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out().strip();
  }

  @Test
  void theVersionNamesTheReleaseTheCommitAndTheJdk() {
    assertThat(version.lines().toList())
        .hasSize(3)
        .satisfies(
            lines -> {
              assertThat(lines.get(0)).matches("parity \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
              // A build from a git checkout (as CI's clone) names its commit.
              assertThat(lines.get(1)).matches("commit [0-9a-f]{10}(-dirty)?");
              assertThat(lines.get(2)).startsWith("JDK " + Runtime.version().feature());
            });
  }

  @Test
  void theBuildsArchiveIsUsed() throws Exception {
    Path root = Repository.root();
    assertThat(root.resolve("harness/cli/target/parity.jsa"))
        .as("the archive the build dumps beside the jar")
        .isRegularFile();
    // The repository's own ./parity: an archive holds the path, size and time of the jar it was
    // dumped for.
    launcher = root.resolve("parity");

    Result result = parity(Map.of("PARITY_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "-V");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("source: shared objects file", version);
  }

  @Test
  void theArchiveHoldsTheClassesAVerifyLoads() throws Exception {
    Path root = Repository.root();
    launcher = root.resolve("parity");
    Path suite = Files.createDirectories(temp.resolve("suite"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        "name: s\nlegacy: {command: [/bin/echo]}\ncandidate: {command: [/bin/echo]}\n"
            + "cases:\n  - {id: one, args: [x]}\n");
    String golden = temp.resolve("golden").toString();
    assertThat(parity(Map.of(), "record", suite.toString(), "--golden", golden).exit()).isZero();

    Result result =
        parity(
            Map.of("PARITY_JAVA_OPTS", "-Xlog:class+load=info:stdout"),
            "verify",
            suite.toString(),
            "--golden",
            golden,
            "--out",
            temp.resolve("out").toString());

    assertThat(result.exit()).as(result.err()).isZero();
    // SnakeYAML parses the suite, Commons Exec runs the case, Jackson writes the verdict: none of
    // them is loaded by printing the help, which is all the archive held before.
    assertThat(result.out())
        .containsPattern("org\\.yaml\\.snakeyaml\\.parser\\.ParserImpl source: shared objects file")
        .containsPattern(
            "org\\.apache\\.commons\\.exec\\.DefaultExecutor source: shared objects file")
        .containsPattern(
            "com\\.fasterxml\\.jackson\\.databind\\.ObjectMapper source: shared objects file");
  }

  @Test
  void theJitStopsAtC1UnlessTheUserSaysOtherwise() throws Exception {
    Path root = Repository.root();
    launcher = root.resolve("parity");

    Result byDefault = parity(Map.of("PARITY_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
    Result overridden =
        parity(
            Map.of("PARITY_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"),
            "--version");

    assertThat(byDefault.out()).containsPattern("TieredStopAtLevel += 1 ").contains(version);
    assertThat(overridden.out()).containsPattern("TieredStopAtLevel += 4 ").contains(version);
  }

  @Test
  void theShadowProxyGetsC1AndG1WithAShortPauseGoal() throws Exception {
    // A proxy's collections stop its clients' path: the serial collector, right for a run of cases,
    // would put every young pause into the latency the proxy adds; and C2's compilations took the
    // clients' CPU in their first half minute (docs/traffic.md).
    launcher = Repository.root().resolve("parity");

    Result shadow = parity(Map.of("PARITY_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "shadow", "--help");

    assertThat(shadow.out())
        .containsPattern("TieredStopAtLevel += 1 ")
        .containsPattern("UseG1GC += true ")
        .containsPattern("UseSerialGC += false ")
        .containsPattern("MaxGCPauseMillis += 5 ")
        .contains("--listen");
  }

  @Test
  void theHeapGrowsWithTheLiveDataUnlessTheUserSaysOtherwise() throws Exception {
    Path root = Repository.root();
    launcher = root.resolve("parity");

    Result byDefault = parity(Map.of("PARITY_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
    Result overridden =
        parity(
            Map.of("PARITY_JAVA_OPTS", "-XX:-UseSerialGC -XX:+UseG1GC -XX:+PrintFlagsFinal"),
            "--version");

    assertThat(byDefault.out())
        .containsPattern("UseSerialGC += true ")
        .containsPattern("MaxHeapFreeRatio += 20 ")
        .contains(version);
    assertThat(overridden.out()).containsPattern("UseG1GC += true ").contains(version);
  }

  @Test
  void largeArraysSkipTheYoungGenerationAndTheHeapAsksForHugePagesWhereTheKernelOffersThem()
      throws Exception {
    // A large output's capture blocks were each copied once through the 8 MB young generation, and
    // a growing heap took a page fault per 4 KiB (docs/benchmarks.md, sixth pass of the diff).
    launcher = Repository.root().resolve("parity");
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");

    Result byDefault = parity(Map.of("PARITY_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");

    assertThat(byDefault.err()).isEmpty();
    assertThat(byDefault.out())
        .containsPattern("PretenureSizeThreshold += 262144 ")
        .containsPattern("UseTransparentHugePages += " + onRequest + " ")
        .contains(version);
  }

  @Test
  void aDamagedArchiveFallsBackSilently() throws Exception {
    Files.write(archive, new byte[] {1, 2, 3, 4});
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(5)));

    Result result = parity(Map.of(), "--version");

    assertThat(result).isEqualTo(new Result(0, version, ""));
  }

  @Test
  void anArchiveOlderThanTheJarIsNotUsed() throws Exception {
    Files.write(archive, new byte[] {1, 2, 3, 4});
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

    Result result = parity(Map.of("PARITY_JAVA_OPTS", "-Xlog:cds=info:stdout"), "--version");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain(archive.toString()).contains(version);
  }

  @Test
  void noArchiveRunsWithout() throws Exception {
    Result result = parity(Map.of(), "--version");

    assertThat(result).isEqualTo(new Result(0, version, ""));
  }

  private Result parity(Map<String, String> env, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "sh";
    command[1] = launcher.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    Result result = Processes.run(temp, Duration.ofMinutes(2), env, command);
    return new Result(result.exit(), result.out().strip(), result.err().strip());
  }
}
