package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    environment.putAll(env);
    return Processes.runExactly(temp, TIMEOUT, environment, command);
  }
}
