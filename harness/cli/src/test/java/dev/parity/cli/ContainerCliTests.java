package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parity.cli.HttpCliTests.Result;
import dev.parity.testing.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Legacy and candidate containers compared over HTTP, end to end through the CLI, on a real Docker
 * engine. Images are built locally {@code FROM scratch} with the static busybox, since no image can
 * be pulled. Without an engine these tests skip and say why; with {@code PARITY_REQUIRE_DOCKER=1}
 * (set by ci/setup/10-docker.sh) they fail instead.
 */
@Timeout(300)
class ContainerCliTests {
  static final Path BUSYBOX = Path.of("/bin/busybox");

  @TempDir Path project;

  @BeforeAll
  static void requireDocker() {
    Optional<String> missing = Optional.empty();
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      missing =
          Optional.of(
              "no Docker engine is reachable (start one with ci/setup/10-docker.sh, or set DOCKER_HOST"
                  + "; inside a container also TESTCONTAINERS_HOST_OVERRIDE=localhost)");
    } else if (!Files.isExecutable(BUSYBOX)) {
      missing =
          Optional.of(
              "the static busybox the test images are built from is missing at "
                  + BUSYBOX
                  + " (apt-get install busybox-static)");
    }
    Requirement.require("PARITY_REQUIRE_DOCKER", missing);
  }

  private Path suite(String yaml) throws IOException {
    Path folder = project.resolve("fixtures/boxes");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("suite.yaml"), yaml);
    return folder;
  }

  /**
   * A build folder: busybox httpd serving {@code www/} on port 8080, or running {@code entrypoint}.
   */
  private Path image(String name, String data, String entrypoint) throws IOException {
    Path folder = project.resolve("fixtures/boxes").resolve(name);
    Files.createDirectories(folder.resolve("www"));
    Files.copy(BUSYBOX, folder.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(folder.resolve("www/data.json"), data);
    Files.writeString(folder.resolve("www/health"), "ok\n");
    Files.writeString(
        folder.resolve("Dockerfile"),
        "FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\nENTRYPOINT " + entrypoint + "\n");
    return folder;
  }

  private static final String HTTPD =
      "[\"/bin/busybox\", \"httpd\", \"-f\", \"-v\", \"-p\", \"8080\", \"-h\", \"/www\"]";

  /**
   * This JVM's Parity containers (Testcontainers labels each with its session id): another build
   * sharing the Docker engine has containers of its own.
   */
  private static List<String> parityContainers() {
    return DockerClientFactory.instance()
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(
            Map.of(
                DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL,
                DockerClientFactory.SESSION_ID))
        .exec()
        .stream()
        .filter(
            c ->
                c.getImage() != null
                    && (c.getImage().startsWith("parity-build/")
                        || c.getImage().startsWith("parity-test/")))
        .map(c -> c.getImage() + " " + c.getStatus())
        .toList();
  }

  @Test
  void recordsVerifiesAndComparesContainersBuiltLocally() throws IOException {
    image("legacy", "{\"version\":1,\"items\":[]}\n", HTTPD);
    image("candidate", "{\"version\":1,\"items\":null}\n", HTTPD);
    Path suite =
        suite(
            """
            name: boxes
            legacy:
              container: {build: legacy, port: 8080, ready: /health}
            candidate:
              container: {build: candidate, port: 8080, ready: /health, startTimeout: 1m}
            cases:
              - id: data
                request: {path: /data.json}
              - id: health
                request: {path: /health}
            """);

    Result record = HttpCliTests.parity("record", suite.toString());
    assertThat(record.exit()).as(record.out() + record.err()).isZero();
    assertThat(project.resolve("golden/boxes/data/body"))
        .hasContent("{\"version\":1,\"items\":[]}");

    Result verify = HttpCliTests.parity("verify", suite.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out())
        .contains(
            "2 cases, 1 passed, 1 failed, 0 errors",
            "FAIL data  (body differ)",
            "+{\"version\":1,\"items\":null}");

    Result compare = HttpCliTests.parity("compare", suite.toString());
    assertThat(compare.exit()).isEqualTo(1);
    assertThat(compare.out()).contains("FAIL data  (body differ)").doesNotContain("FAIL health");
    assertThat(parityContainers())
        .as("every container is stopped and removed after the run")
        .isEmpty();
  }

  @Test
  void startsALocallyAvailableImageByName() throws Exception {
    Path folder = image("prebuilt", "{\"a\":1}\n", HTTPD);
    new ImageFromDockerfile("parity-test/httpd:1", false).withFileFromPath(".", folder).get();
    Path suite =
        suite(
            """
            name: boxes
            legacy:
              container: {image: "parity-test/httpd:1", port: 8080}
            candidate:
              container: {image: "parity-test/httpd:1", port: 8080, env: {GREETING: hello}}
            cases:
              - id: data
                request: {path: /data.json}
            """);

    Result compare = HttpCliTests.parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isZero();
    assertThat(compare.out()).contains("1 cases, 1 passed");
  }

  @Test
  void aContainerThatFailsToBuildMakesItsSideUnavailable() throws IOException {
    image("legacy", "{}", HTTPD);
    Path broken = image("candidate", "{}", HTTPD);
    Files.writeString(broken.resolve("Dockerfile"), "FROM scratch\nCOPY no-such-file /x\n");
    Path suite = suite(legacyBuiltAndCandidate("{build: candidate, port: 8080}"));

    Result compare = HttpCliTests.parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(3);
    assertThat(compare.out())
        .contains(
            "ERROR data  (candidate could not be run: cannot start container built from "
                + broken
                + ": ")
        .contains("no-such-file");
    assertThat(parityContainers()).isEmpty();
  }

  @Test
  void aContainerThatExitsIsReportedWithItsLogTail() throws IOException {
    image("legacy", "{}", HTTPD);
    image(
        "candidate",
        "{}",
        "[\"/bin/busybox\", \"sh\", \"-c\", \"echo no config at /etc/app.conf >&2; exit 4\"]");
    Path suite =
        suite(
            legacyBuiltAndCandidate(
                "{build: candidate, port: 8080, ready: /health, startTimeout: 20s}"));

    Result compare = HttpCliTests.parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(3);
    assertThat(compare.out())
        .containsPattern(
            "candidate could not be run: (cannot start container built from .*|container built from .* container exited with code 4 before it was ready)")
        .contains("| no config at /etc/app.conf")
        .doesNotContain("InspectContainerResponse", "ContainerState(");
    assertThat(compare.out().lines().filter(l -> l.contains("could not be run")))
        .allMatch(l -> l.length() < 500);
    assertThat(parityContainers()).isEmpty();
  }

  @Test
  void anImageThatIsNotAvailableLocallyMakesItsSideUnavailable() throws IOException {
    image("legacy", "{}", HTTPD);
    Path suite =
        suite(legacyBuiltAndCandidate("{image: \"parity-test/never-built:0\", port: 8080}"));

    Result compare = HttpCliTests.parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(3);
    assertThat(compare.out())
        .contains(
            "ERROR data  (candidate could not be run: cannot start container parity-test/never-built:0:"
                + " image [parity-test/never-built:0] is not available locally, and Parity does not pull images;");
  }

  /**
   * A build that never finishes (a RUN step that sleeps an hour) cannot hold the run: the build
   * counts against [startTimeout], the side is unavailable with a message that says so, and the
   * engine stops the build (no build container is left running).
   */
  @Test
  @Timeout(180)
  void aBuildThatStallsIsBoundedByTheStartTimeoutAndLeavesNothingRunning() throws IOException {
    image("legacy", "{}", HTTPD);
    Path stalling = image("candidate", "{}", HTTPD);
    String marker = "3599" + ProcessHandle.current().pid();
    Files.writeString(
        stalling.resolve("Dockerfile"),
        "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"sleep\", \""
            + marker
            + "\"]\n");
    Path suite = suite(legacyBuiltAndCandidate("{build: candidate, port: 8080, startTimeout: 5s}"));

    Result compare = HttpCliTests.parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(3);
    assertThat(compare.out())
        .contains(
            "ERROR data  (candidate could not be run: cannot start container built from "
                + stalling
                + ": the image was not built and started within 5s");
    assertThat(parityContainers()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(containersRunning(marker))
                    .as("the stalled build's container")
                    .isEmpty());
  }

  /**
   * A container that runs but never listens (docker-proxy accepts and drops the connections) is
   * unavailable at [startTimeout], counted from the start of its build, and removed.
   */
  @Test
  void aContainerThatNeverGetsReadyIsUnavailableAtTheStartTimeoutAndRemoved() throws IOException {
    image("legacy", "{}", HTTPD);
    image("candidate", "{}", "[\"/bin/busybox\", \"sleep\", \"3600\"]");
    Path suite =
        suite(
            legacyBuiltAndCandidate(
                "{build: candidate, port: 8080, ready: /health, startTimeout: 4s}"));

    Result compare = HttpCliTests.parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(3);
    assertThat(compare.out())
        .contains("candidate could not be run: container built from ")
        .contains("did not answer 2xx on [/health] within 4s");
    assertThat(parityContainers()).isEmpty();
  }

  /**
   * Stopping Parity (SIGTERM, as CI or Ctrl-C would) while a build stalls stops at once: the start
   * is interrupted and the build cancelled, instead of the stop waiting for [startTimeout].
   */
  @Test
  @Timeout(240)
  void aStopDuringAStalledBuildCancelsItAndExitsWithoutWaitingForTheStartTimeout()
      throws Exception {
    Path stalling = image("legacy", "{}", HTTPD);
    String marker = "3598" + ProcessHandle.current().pid();
    Files.writeString(
        stalling.resolve("Dockerfile"),
        "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"sleep\", \""
            + marker
            + "\"]\n");
    Path suite =
        suite(
            """
            name: boxes
            legacy:
              container: {build: legacy, port: 8080, startTimeout: 10m}
            candidate:
              url: http://127.0.0.1:1
            cases:
              - id: data
                request: {path: /data.json}
            """);
    Process parity =
        ParityJvm.process("record", suite.toString())
            .redirectErrorStream(true)
            .redirectOutput(project.resolve("parity.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> !containersRunning(marker).isEmpty() || !parity.isAlive());
      assertThat(containersRunning(marker))
          .as(Files.readString(project.resolve("parity.log")))
          .isNotEmpty();

      parity.destroy();

      assertThat(parity.waitFor(60, TimeUnit.SECONDS))
          .as("Parity exits well before the 10m start timeout")
          .isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(containersRunning(marker))
                      .as("the stalled build's container")
                      .isEmpty());
    } finally {
      parity.destroyForcibly();
    }
  }

  /** Every container, of any session, whose command mentions {@code token}. */
  private static List<String> containersRunning(String token) {
    return DockerClientFactory.instance()
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .exec()
        .stream()
        .filter(c -> c.getCommand() != null && c.getCommand().contains(token))
        .map(c -> c.getId() + " " + c.getCommand() + " " + c.getStatus())
        .toList();
  }

  /**
   * A suite.yaml whose legacy is the image built from {@code legacy/}, whose candidate is the
   * container spec given, and whose one case fetches /data.json.
   */
  private static String legacyBuiltAndCandidate(String candidateContainer) {
    return """
        name: boxes
        legacy:
          container: {build: legacy, port: 8080}
        candidate:
          container: %s
        cases:
          - id: data
            request: {path: /data.json}
        """
        .formatted(candidateContainer);
  }
}
