package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.parity.cli.Processes.Result;
import dev.parity.diff.Fact;
import dev.parity.testing.CaseResults;
import dev.parity.testing.Repository;
import dev.parity.testing.Requirement;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the CI integration in ci/: the deployment switch, the nginx map, the GitHub workflow.
 */
class CiIntegrationTests {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");

  @TempDir Path dir;
  private Path ci;
  private Path verdict;

  @BeforeEach
  void setUp() throws IOException {
    ci = Repository.root().resolve("ci");
    // search passes everywhere; list has a mismatch: legacy for list, candidate for search.
    Verdict behaviour =
        Verdict.of(
            "demo",
            Mode.VERIFY,
            List.of(
                result("search/a", Status.PASS, "search"), result("list/b", Status.FAIL, "list")),
            List.of(),
            Instant.EPOCH,
            1);
    Performance fast =
        new Performance(
            OptionalDouble.of(0.9),
            OptionalDouble.of(0.85),
            OptionalDouble.of(0.95),
            1.10,
            1.05,
            false,
            PerformanceStatus.PASS,
            Optional.empty(),
            Optional.empty(),
            "m",
            List.of());
    verdict = dir.resolve("verdict.json");
    Files.writeString(verdict, VerdictJson.toJson(Verdict.gate(behaviour, fast, Map.of(), 1)));
  }

  private static CaseResult result(String id, Status status, String tag) {
    List<Fact> facts = status == Status.PASS ? List.of() : List.of(new Fact("stdout", "differs"));
    return CaseResults.of(id, status).tags(List.of(tag)).summary("x").facts(facts).build();
  }

  private Result run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    return Processes.run(dir, Duration.ofSeconds(30), env, command);
  }

  private Result run(String... command) throws IOException, InterruptedException {
    return run(Map.of(), command);
  }

  private Path deployment() throws IOException {
    Path deploy = dir.resolve("app");
    Files.createDirectories(deploy.resolve("legacy"));
    Files.createDirectories(deploy.resolve("candidate"));
    return deploy;
  }

  @Test
  void switchPointsTheSymlinkAndEnvFileAtTheDecision() throws Exception {
    Path deploy = deployment();
    String script = ci.resolve("switch-implementation.sh").toString();

    Result toCandidate = run("bash", script, "--decision", "candidate", deploy.toString());

    assertThat(toCandidate.exit()).as(toCandidate.err()).isZero();
    assertThat(Files.readSymbolicLink(deploy.resolve("current"))).isEqualTo(Path.of("candidate"));
    String release = deploy.resolve("candidate").toRealPath().toString();
    assertThat(Files.readString(deploy.resolve("parity.env")))
        .isEqualTo("PARITY_IMPLEMENTATION=candidate\nPARITY_RELEASE=" + release + "\n");
    assertThat(toCandidate.out())
        .isEqualTo("switched " + deploy + "/current to candidate (" + release + ")\n");

    Result fromVerdict = run("bash", script, "--verdict", verdict.toString(), deploy.toString());

    assertThat(fromVerdict.exit()).as(fromVerdict.err()).isZero();
    assertThat(Files.readSymbolicLink(deploy.resolve("current"))).isEqualTo(Path.of("legacy"));
    assertThat(Files.readString(deploy.resolve("parity.env")))
        .startsWith("PARITY_IMPLEMENTATION=legacy\n");
    assertThat(Files.list(deploy).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("legacy", "candidate", "current", "parity.env");
  }

  @Test
  void switchUsesAGroupsDecisionAndIsIdempotent() throws Exception {
    Path deploy = deployment();
    String script = ci.resolve("switch-implementation.sh").toString();

    String[] switchToSearchsDecision = {
      "bash", script, "--verdict", verdict.toString(), "--group", "search", deploy.toString()
    };
    assertThat(run(switchToSearchsDecision).exit()).isZero();
    Result again = run(switchToSearchsDecision);

    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("already on candidate");
    assertThat(Files.readSymbolicLink(deploy.resolve("current"))).isEqualTo(Path.of("candidate"));
  }

  @Test
  void switchRejectsBadInputWithExitCode2() throws Exception {
    Path deploy = deployment();
    String script = ci.resolve("switch-implementation.sh").toString();

    Result unknown = run("bash", script, "--decision", "newest", deploy.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("error: unknown decision [newest]; valid: legacy, candidate");

    Result noGroup =
        run(
            "bash",
            script,
            "--verdict",
            verdict.toString(),
            "--group",
            "export",
            deploy.toString());
    assertThat(noGroup.exit()).isEqualTo(2);
    assertThat(noGroup.err())
        .contains("group [export] is not in the verdict; its groups are: list, search");

    Files.delete(deploy.resolve("candidate"));
    Result missing = run("bash", script, "--decision", "candidate", deploy.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("release folder [" + deploy + "/candidate] not found");
    assertThat(deploy.resolve("current")).doesNotExist();
  }

  @Test
  void nginxMapRoutesEachGroupToItsDecision() throws Exception {
    Result map = run("python3", ci.resolve("nginx-map.py").toString(), verdict.toString());

    assertThat(map.exit()).as(map.err()).isZero();
    assertThat(map.out())
        .isEqualTo(
            "# Generated by ci/nginx-map.py from "
                + verdict
                + "\n"
                + "# suite demo: overall decision legacy; one line per group (case tag).\n"
                + "map $parity_feature $parity_upstream {\n"
                + "    default legacy;\n"
                + "    list legacy;\n"
                + "    search candidate;\n"
                + "}\n");
  }

  @Test
  void nginxMapRejectsAVerdictWithoutGroups() throws Exception {
    Path plain = dir.resolve("plain.json");
    Files.writeString(plain, "{\"decision\": \"legacy\"}");

    Result map = run("python3", ci.resolve("nginx-map.py").toString(), plain.toString());

    assertThat(map.exit()).isEqualTo(2);
    assertThat(map.err())
        .isEqualTo(
            "nginx-map: verdict [" + plain + "] has no [groups]; write it with `parity gate`\n");
  }

  /**
   * Runs real nginx with the example routing and the generated map, in front of two real upstreams.
   */
  @Test
  void nginxRoutesFeaturesToTheChosenUpstream() throws Exception {
    Requirement.require(
        "PARITY_REQUIRE_NGINX",
        Files.isExecutable(NGINX)
            ? Optional.empty()
            : Optional.of(
                "nginx is not installed at " + NGINX + " (ci/setup/60-nginx.sh installs it)"));
    Path prefix = dir.resolve("nginx");
    Files.createDirectories(prefix.resolve("logs"));
    Result map = run("python3", ci.resolve("nginx-map.py").toString(), verdict.toString());
    Files.writeString(prefix.resolve("parity-groups.map"), map.out());
    HttpServer legacy = server("legacy");
    HttpServer candidate = server("candidate");
    int port = freePort();
    String routing =
        Files.readString(ci.resolve("nginx/parity-routing.conf"))
            .replace("127.0.0.1:8081", "127.0.0.1:" + legacy.getAddress().getPort())
            .replace("127.0.0.1:8082", "127.0.0.1:" + candidate.getAddress().getPort())
            .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
    Files.writeString(prefix.resolve("parity-routing.conf"), routing);
    Files.writeString(
        prefix.resolve("nginx.conf"),
        "daemon off;\npid "
            + prefix
            + "/nginx.pid;\nerror_log "
            + prefix
            + "/logs/error.log;\nevents {}\n"
            + "http {\n  access_log off;\n  client_body_temp_path "
            + prefix
            + "/body;\n  proxy_temp_path "
            + prefix
            + "/proxy;\n"
            + "  include "
            + prefix
            + "/parity-routing.conf;\n}\n");
    Result check =
        run(
            NGINX.toString(),
            "-t",
            "-p",
            prefix.toString(),
            "-c",
            prefix.resolve("nginx.conf").toString());
    assertThat(check.exit()).as(check.err()).isZero();
    Process nginx =
        new ProcessBuilder(
                NGINX.toString(),
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/console.log").toFile())
            .start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      List<String> served = new ArrayList<>();
      for (String path : List.of("/search/q", "/list/all", "/unknown")) {
        served.add(get(client, port, path));
      }
      assertThat(served).containsExactly("candidate", "legacy", "legacy");
    } finally {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
      legacy.stop(0);
      candidate.stop(0);
    }
  }

  private static String get(HttpClient client, int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    Exception last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      } catch (IOException e) {
        last = e; // nginx is still starting
        Thread.sleep(100);
      }
    }
    throw last;
  }

  private static HttpServer server(String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = name.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void workflowRunsTheGateAndExposesItsDecision() throws IOException {
    JsonNode workflow = new YAMLMapper().readTree(ci.resolve("github/parity-gate.yml").toFile());
    JsonNode gate = workflow.get("jobs").get("gate");

    JsonNode step = null;
    for (JsonNode s : gate.get("steps")) {
      if (s.has("id") && s.get("id").asText().equals("gate")) {
        step = s;
      }
    }
    assertThat(step).isNotNull();
    // The reusable action (GithubActionIT runs its steps) on the distribution built here.
    assertThat(step.get("uses").asText()).isEqualTo("./ci/github");
    assertThat(step.at("/with/suite").asText()).isEqualTo("fixtures/genealogy-cli");
    assertThat(step.at("/with/mode").asText()).isEqualTo("gate");
    assertThat(step.at("/with/distribution").asText())
        .isEqualTo("harness/cli/target/parity-*.tar.gz");
    assertThat(gate.get("outputs").get("decision").asText())
        .isEqualTo("${{ steps.gate.outputs.decision }}");
    assertThat(gate.get("outputs").get("groups").asText())
        .isEqualTo("${{ steps.gate.outputs.groups }}");
    String deploy = workflow.get("jobs").get("deploy").toString();
    assertThat(deploy)
        .contains(
            "ci/switch-implementation.sh --decision \\\"${{ needs.gate.outputs.decision }}\\\"")
        .contains("ci/nginx-map.py");
  }

  @Test
  void githubOutputHasTheNamesTheWorkflowReads() throws IOException {
    Path output = dir.resolve("github_output");
    Files.writeString(output, "earlier=1\n");

    GateCommand.writeGithubOutput(output, VerdictJson.read(verdict));

    assertThat(Files.readString(output))
        .isEqualTo(
            "earlier=1\ndecision=legacy\nstatus=fail\nscope=all\nperformance=pass\nratio=0.900\ngroup-list=legacy\ngroup-search=candidate\n"
                + "groups={\"list\":\"legacy\",\"search\":\"candidate\"}\n");
  }
}
