package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI on an HTTP service that echoes the secrets it is sent and sets its own: no file
 * Parity writes holds one in clear, and the comparison still sees when they differ.
 */
class RedactionCliTests {
  @TempDir Path project;

  private Path suite(String candidateCookie) throws IOException {
    Path folder = Files.createDirectories(project.resolve("fixtures/web"));
    try (InputStream app = getClass().getResourceAsStream("/redaction-test-app.py")) {
      Files.copy(app, folder.resolve("app.py"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(
        folder.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: web",
            "legacy:",
            "  start: [python3, \"{suite}/app.py\", \"{port}\"]",
            "candidate:",
            "  start: [python3, \"{suite}/app.py\", \"{port}\"]",
            "  env: {SESSION_SECRET: " + candidateCookie + "}",
            "http:",
            "  redactHeaders: [X-Api-Key]",
            "redact: ['custom-SECRET-[0-9]+']",
            "cases:",
            "  - id: echo",
            "    request:",
            "      path: /echo",
            "      query: {access_token: qtok-SECRET-111}",
            "      headers: {Authorization: Bearer hdr-SECRET-222}",
            ""));
    return folder;
  }

  @Test
  void noSecretIsWrittenAndDifferentSecretsStillDiffer() throws Exception {
    Path suite = suite("cookie-SECRET-333");

    Cli record = Cli.run("record", suite.toString());
    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    assertThat(project.resolve("golden/web/echo/headers"))
        .content()
        .contains("set-cookie: <redacted sha256:", "x-api-key: <redacted sha256:");
    Cli verify = Cli.run("verify", suite.toString());
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    Cli compare = Cli.run("compare", suite.toString(), "--runs", "1");
    assertThat(compare.exitCode()).as(compare.out()).isZero();
    assertNoSecretIn(record, verify, compare);

    suite("cookie-SECRET-999");
    Cli changed = Cli.run("verify", suite.toString());

    assertThat(changed.exitCode()).as(changed.out()).isEqualTo(1);
    assertThat(changed.out()).contains("FAIL echo", "set-cookie");
    assertNoSecretIn(changed);
  }

  @Test
  void parityOwnSecretEnvironmentNeverReachesAFile() throws Exception {
    Path suite = Files.createDirectories(project.resolve("fixtures/env"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: env",
            "legacy:",
            "  command: [sh, -c, 'echo \"token is $GITHUB_TOKEN\"; env | sort']",
            "candidate:",
            "  command: [sh, -c, 'echo \"token is $GITHUB_TOKEN\"; env | sort']",
            "cases:",
            "  - id: a",
            ""));
    Path out = project.resolve("reports/env");
    // The real CLI in a process of its own, with a secret in its environment (as in CI).
    Processes.Result record =
        Processes.run(
            project,
            Duration.ofMinutes(2),
            Map.of("GITHUB_TOKEN", "ghp_SECRET-0123456789"),
            ParityJvm.command("record", suite.toString(), "--out", out.toString())
                .toArray(String[]::new));

    assertThat(record.exit()).as(record.out() + record.err()).isZero();
    assertThat(project.resolve("golden/env/a/stdout"))
        .content()
        .contains("token is <redacted sha256:", "GITHUB_TOKEN=<redacted sha256:");
    assertThat(record.out() + record.err()).doesNotContain("SECRET-");
    assertNoSecretIn();
  }

  /** Nothing Parity wrote (goldens, reports, observations, console) holds a secret. */
  private void assertNoSecretIn(Cli... runs) throws IOException {
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(project.resolve("golden")), Files.walk(project.resolve("reports")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (text.contains("SECRET-")) {
          leaks.add(file.toString());
        }
      }
    }
    for (Cli run : runs) {
      if ((run.out() + run.err()).contains("SECRET-")) {
        leaks.add("console: " + run.out() + run.err());
      }
    }
    assertThat(leaks).isEmpty();
  }
}
