package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.cli.Processes.Result;
import dev.parity.testing.Repository;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.ParityVersion;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distribution (issue 15 item 4): {@code parity-<version>.zip} and {@code .tar.gz}, unpacked
 * into a temporary folder, run a suite with their own {@code bin/parity} and nothing of the
 * checkout; without Java 17 the launcher says what to install and exits 2.
 */
class DistributionIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Path TARGET = Repository.root().resolve("harness/cli/target");
  private static final String BASE = "parity-" + ParityVersion.current();

  @TempDir Path temp;

  /** The user's cache folder for every run (XDG_CACHE_HOME): archives go here, not to ~/.cache. */
  private Path cache;

  @BeforeEach
  void cacheFolder() {
    cache = temp.resolve("cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zip", "tar.gz"})
  void theUnpackedDistributionVerifiesASuite(String format) throws Exception {
    Path home = unpack(format);
    TempSuite suite =
        TempSuite.in(temp.resolve("project"), "echo")
            .suiteYaml(
                "name: echo\nlegacy: {command: [/bin/echo]}\ncandidate: {command: [/bin/echo]}\n"
                    + "cases:\n  - {id: hello, args: [hello]}\n");
    String parity = home.resolve("bin/parity").toString();

    Result record = run(Map.of(), parity, "record", suite.folder().toString());
    Result verify = run(Map.of(), parity, "verify", suite.folder().toString());

    assertThat(record.exit()).as(record.err()).isZero();
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Decision: candidate");
    JsonNode verdict =
        VerdictJson.mapper().readTree(suite.reports().resolve("verdict.json").toFile());
    assertThat(verdict.get("parityVersion").asText()).isEqualTo(ParityVersion.current());
    assertThat(home.resolve("lib/parity.jar")).isRegularFile();
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(home.resolve("docs/suite-format.md")).isRegularFile();
    assertThat(home.resolve("docs/suite.schema.json")).isRegularFile();
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/parity")))
        .containsAll(PosixFilePermissions.fromString("r-xr-xr-x"));
  }

  @Test
  void findsJavaThroughJavaHomeBeforePath() throws Exception {
    Path home = unpack("tar.gz");
    // A java on PATH that would fail; JAVA_HOME's is the real one.
    Path bin = toolsWithout("java");
    fakeJava(bin, "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2; exit 1");

    Result result =
        run(
            Map.of("PATH", bin.toString(), "JAVA_HOME", System.getProperty("java.home")),
            home.resolve("bin/parity").toString(),
            "--version");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("parity " + ParityVersion.current() + "\n");
  }

  @Test
  void withoutJavaSaysWhatToInstallAndExitsTwo() throws Exception {
    Path home = unpack("tar.gz");

    Result result =
        run(
            Map.of("PATH", toolsWithout("java").toString()),
            home.resolve("bin/parity").toString(),
            "--version");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "parity: no Java found (JAVA_HOME is not set and there is no java on PATH). "
                + NEED
                + "\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"11.0.2\" 2019-01-15", "1.8.0_392\""})
  void withAnOldJavaSaysWhatToInstallAndExitsTwo(String printed) throws Exception {
    Path home = unpack("zip");
    Path bin = toolsWithout("java");
    Path java = fakeJava(bin, "echo 'openjdk version \"" + printed + "' >&2");
    String version = printed.substring(0, printed.indexOf('"'));

    Result result = run(Map.of("PATH", bin.toString()), home.resolve("bin/parity").toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("parity: " + java + " is Java " + version + ". " + NEED + "\n");
  }

  @Test
  void aJavaHomeWithoutJavaIsNamed() throws Exception {
    Path home = unpack("zip");
    Path empty = Files.createDirectories(temp.resolve("not-a-jdk"));

    Result result =
        run(
            Map.of("PATH", toolsWithout("java").toString(), "JAVA_HOME", empty.toString()),
            home.resolve("bin/parity").toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "parity: JAVA_HOME is "
                + empty
                + ", but "
                + empty.resolve("bin/java")
                + " is not an executable program. Parity needs Java 17 or newer.");
  }

  @Test
  void anOldJavaNamedByItsReleaseFileIsRefusedWithoutRunningIt() throws Exception {
    Path home = unpack("zip");
    Path jdk = fakeJavaHome("old-jdk", "JAVA_VERSION=\"11.0.2\"\n");
    Path ran = temp.resolve("java-ran");
    fakeJava(jdk.resolve("bin"), ": >" + ran + "; exit 1");

    Result result =
        run(
            Map.of("PATH", toolsWithout("java").toString(), "JAVA_HOME", jdk.toString()),
            home.resolve("bin/parity").toString(),
            "--version");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("parity: " + jdk.resolve("bin/java") + " is Java 11.0.2. " + NEED + "\n");
    assertThat(ran).as("the version came from the release file alone").doesNotExist();
  }

  @Test
  void theReleaseFileOfTheJavaOnPathSparesTheVersionCheckJvm() throws Exception {
    Path home = unpack("tar.gz");
    Path jdk =
        fakeJavaHome("jdk", Files.readString(Path.of(System.getProperty("java.home"), "release")));
    Path calls = temp.resolve("java-calls");
    String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Any `java -version` would fail the run; every start is logged.
    fakeJava(
        jdk.resolve("bin"),
        "echo \"$*\" >>" + calls + "\n[ \"$1\" = -version ] && exit 99\nexec " + real + " \"$@\"");
    Path bin = toolsWithout("java");
    // As /usr/bin/java -> /etc/alternatives/java -> the JDK's bin/java: the release file is the
    // JDK's, found through the links.
    Path alternative =
        Files.createSymbolicLink(temp.resolve("alternative-java"), jdk.resolve("bin/java"));
    Files.createSymbolicLink(bin.resolve("java"), alternative);

    Result result =
        run(Map.of("PATH", bin.toString()), home.resolve("bin/parity").toString(), "--version");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("parity " + ParityVersion.current() + "\n");
    assertThat(Files.readAllLines(calls))
        .as("one JVM: Parity's own")
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).endsWith(" --version").doesNotStartWith("-version"));
  }

  @Test
  void aCommandsFirstRunWritesTheArchiveItsLaterRunsMap() throws Exception {
    Path home = unpack("tar.gz");
    String parity = home.resolve("bin/parity").toString();
    Path cds = cache.resolve("parity/cds");

    Result first = run(Map.of(), parity, "--version");
    Result later =
        run(Map.of("PARITY_JAVA_OPTS", "-Xlog:class+load=info:stdout"), parity, "--version");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).isEqualTo(plain(parity, "--version").out());
    assertThat(archives(cds))
        .as("one archive, no temporary file left")
        .hasSize(1)
        .allSatisfy(a -> assertThat(a.getFileName().toString()).endsWith("-version.jsa"));
    assertThat(later.err()).isEmpty();
    assertThat(later.out())
        .containsPattern(
            "dev\\.parity\\.cli\\.ParityCommand source: shared objects file \\(top\\)");
  }

  @Test
  void aDamagedOrForeignArchiveIsIgnoredSilently() throws Exception {
    Path home = unpack("zip");
    String parity = home.resolve("bin/parity").toString();
    String expected = plain(parity, "--version").out();
    assertThat(run(Map.of(), parity, "--version").exit()).isZero();
    Path archive = archives(cache.resolve("parity/cds")).get(0);
    Path base = Path.of(System.getProperty("java.home"), "lib/server/classes.jsa");

    for (byte[] content :
        List.of("not an archive".repeat(1000).getBytes(), Files.readAllBytes(base))) {
      Files.delete(archive);
      Files.write(archive, content);

      Result result = run(Map.of(), parity, "--version");

      assertThat(result.exit()).as(result.err()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).isEqualTo(expected);
    }
  }

  @Test
  void aCacheFolderThatCannotBeWrittenChangesNothing() throws Exception {
    Path home = unpack("tar.gz");
    String parity = home.resolve("bin/parity").toString();
    String expected = plain(parity, "--version").out();
    // A file where the cache folder would be: mkdir fails even for root, as on a read-only home.
    Path notAFolder = Files.writeString(temp.resolve("cache-is-a-file"), "");
    Path readOnly = Files.createDirectories(temp.resolve("read-only-cache"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));

    for (Path folder : List.of(notAFolder, readOnly)) {
      Result result = run(Map.of("XDG_CACHE_HOME", folder.toString()), parity, "--version");

      assertThat(result.exit()).as(result.err()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).isEqualTo(expected);
    }
    assertThat(notAFolder).isEmptyFile();
  }

  @Test
  void aSigtermToTheLauncherDuringTheArchivesFirstRunStopsTheJvmAndItsPrograms() throws Exception {
    // The run that dumps the archive is the launcher's child, not exec'd: a supervisor's SIGTERM
    // (a CI's timeout) reaches only the launcher, which must pass it on, or the JVM and the program
    // it runs outlive it.
    Path home = unpack("tar.gz");
    TempSuite suite =
        TempSuite.in(temp.resolve("project"), "slow")
            .suiteYaml(
                "name: slow\nlegacy: {command: [sleep, '600']}\ncandidate: {command: [sleep,"
                    + " '600']}\ncases:\n  - {id: slow, timeout: 600s}\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/parity").toString(), "record", suite.folder().toString())
            .redirectOutput(temp.resolve("out.txt").toFile())
            .redirectError(temp.resolve("err.txt").toFile());
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove(CiEnvironment.VARIABLE);
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    Process launcher = builder.start();
    AtomicReference<List<ProcessHandle>> below = new AtomicReference<>(List.of());
    try {
      // A minute for what takes seconds, and well within the case's timeout (which would end the
      // JVM by itself): no bound a loaded machine can miss.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> below.updateAndGet(known -> launcher.descendants().toList()),
              found -> found.stream().anyMatch(DistributionIT::isSleep));
      assertThat(below.get())
          .as("the JVM and the program it runs")
          .anyMatch(DistributionIT::isSleep);

      launcher.destroy();

      assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> below.get().stream().noneMatch(ProcessHandle::isAlive));
      assertThat(below.get()).as("ended with the launcher").noneMatch(ProcessHandle::isAlive);
    } finally {
      below.get().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  private static boolean isSleep(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/sleep")).orElse(false);
  }

  @Test
  void parityNoCdsWritesNoArchive() throws Exception {
    Path home = unpack("zip");

    Result result = plain(home.resolve("bin/parity").toString(), "--version");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(cache.resolve("parity")).doesNotExist();
  }

  @Test
  void inCiAnArchiveIsUsedButNoneIsWritten() throws Exception {
    Path home = unpack("tar.gz");
    String parity = home.resolve("bin/parity").toString();

    // CI through env(1): the test runs drop CI from the environment they are given.
    Result ci = run(Map.of(), "env", "CI=true", parity, "--version");
    Path cds = cache.resolve("parity/cds");
    boolean writtenInCi = Files.exists(cds) && !archives(cds).isEmpty();
    Result notCi = run(Map.of(), "env", "CI=false", parity, "--version");
    Result ciLater =
        run(
            Map.of("PARITY_JAVA_OPTS", "-Xlog:class+load=info:stdout"),
            "env",
            "CI=true",
            parity,
            "--version");

    assertThat(ci.exit()).as(ci.err()).isZero();
    assertThat(writtenInCi).as("an archive dumped in CI").isFalse();
    assertThat(notCi.exit()).as(notCi.err()).isZero();
    assertThat(archives(cds)).hasSize(1);
    assertThat(ciLater.out())
        .containsPattern(
            "dev\\.parity\\.cli\\.ParityCommand source: shared objects file \\(top\\)");
  }

  /** A run without class data sharing. */
  private Result plain(String parity, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(parity));
    command.addAll(List.of(args));
    return run(Map.of("PARITY_NO_CDS", "1"), command.toArray(String[]::new));
  }

  /** The archives in the cache folder {@code cds}, and any other file there. */
  private static List<Path> archives(Path cds) throws Exception {
    try (var files = Files.list(cds)) {
      return files.sorted().toList();
    }
  }

  /** A Java home with only a release file of {@code release} and an empty bin/. */
  private Path fakeJavaHome(String name, String release) throws Exception {
    Path jdk = Files.createDirectories(temp.resolve(name).resolve("bin")).getParent();
    Files.writeString(jdk.resolve("release"), release);
    return jdk;
  }

  private static final String NEED =
      "Parity needs Java 17 or newer. Install a JDK or JRE 17+ (for example Eclipse Temurin 17 from"
          + " https://adoptium.net, or on Debian/Ubuntu: apt-get install openjdk-17-jre-headless),"
          + " then set JAVA_HOME to it or put its bin folder on PATH.";

  /** The archive of {@code format} unpacked into a fresh folder with the system's own tools. */
  private Path unpack(String format) throws Exception {
    Path archive = TARGET.resolve(BASE + "." + format);
    assertThat(archive).as("built by mvn package (maven-assembly-plugin)").isRegularFile();
    Path into = Files.createDirectories(temp.resolve("unpacked-" + format.replace('.', '-')));
    Result result =
        format.equals("zip")
            ? run(Map.of(), "unzip", "-q", archive.toString(), "-d", into.toString())
            : run(Map.of(), "tar", "-xzf", archive.toString(), "-C", into.toString());
    assertThat(result.exit()).as(result.err()).isZero();
    try (var entries = Files.list(into)) {
      assertThat(entries.toList()).as("one top folder").containsExactly(into.resolve(BASE));
    }
    return into.resolve(BASE);
  }

  /** A folder for PATH with the tools the launcher uses, and no java. */
  private Path toolsWithout(String missing) throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin-without-" + missing));
    for (String tool : List.of("sh", "sed", "cut", "dirname", "ls", "echo")) {
      Path real = Path.of("/bin", tool);
      if (!Files.exists(real)) {
        real = Path.of("/usr/bin", tool);
      }
      // Copies, not links: a link out of the temporary folder makes JUnit warn when it deletes it.
      Files.copy(real.toRealPath(), bin.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
    }
    return bin;
  }

  private static Path fakeJava(Path bin, String body) throws Exception {
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  /**
   * Runs {@code command} with this JVM's environment less JAVA_HOME, plus {@code env}: the launcher
   * finds Java only where a test puts it.
   */
  private Result run(Map<String, String> env, String... command) throws Exception {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.remove("JAVA_HOME");
    environment.put("XDG_CACHE_HOME", cache.toString());
    environment.putAll(env);
    return Processes.runExactly(temp, TIMEOUT, environment, command);
  }
}
