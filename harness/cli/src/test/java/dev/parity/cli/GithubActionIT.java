package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.cli.Processes.Result;
import dev.parity.testing.Repository;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.ParityVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable GitHub Action (ci/github/action.yml, issue 15 item 5) run locally: each of its shell
 * steps runs as the runner would run it, with the step's {@code env:} (its {@code ${{ }}}
 * expressions evaluated from the inputs and the earlier steps' outputs) and a fake {@code GITHUB_*}
 * environment (output, path and step summary files), on the distribution the build made. The steps
 * that use other actions (setup-java, upload-artifact) are checked, not run.
 */
class GithubActionIT {
  private static final Path ROOT = Repository.root();
  private static final Path ACTION = ROOT.resolve("ci/github");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

  @TempDir Path temp;
  Path output;
  Path summary;
  Path path;
  TempSuite suite;

  @BeforeEach
  void suite() throws Exception {
    suite =
        TempSuite.in(temp.resolve("workspace"), "shop")
            .suiteYaml(
                "name: shop\nlegacy: {command: [/bin/echo]}\n"
                    + "candidate: {command: [/bin/sh, -c, 'echo \"$0$SUFFIX\"']}\n"
                    + "cases:\n  - {id: same, args: [a], tags: [same]}\n"
                    + "  - {id: differs, args: [b], env: {SUFFIX: x}, tags: [differs]}\n");
    output = temp.resolve("github_output");
    summary = temp.resolve("step_summary");
    path = temp.resolve("github_path");
  }

  @Test
  void aLegacyDecisionIsSummarizedAnnotatedUploadedAndFailsTheStep() throws Exception {
    Run run = action(Map.of("suite", suite.folder().toString(), "mode", "compare"));

    assertThat(run.outputs()).containsEntry("decision", "legacy").containsEntry("status", "fail");
    assertThat(run.outputs()).containsEntry("exit-code", "1").containsEntry("groups", "{}");
    assertThat(Path.of(run.outputs().get("reports")).resolve("verdict.json")).isRegularFile();
    assertThat(Files.readString(summary))
        .startsWith("## \u274C Parity compare shop: legacy ships")
        .endsWith("<sub>Parity " + ParityVersion.current() + "</sub>\n");
    assertThat(run.log()).contains("::error title=Parity shop%3A differs::");
    assertThat(run.uploaded()).isEqualTo(run.outputs().get("reports"));
    assertThat(run.decide().exit()).isEqualTo(1);
    assertThat(run.decide().out())
        .contains("::error title=Parity::decision legacy (status fail): legacy stays");
  }

  @Test
  void failOnLegacyFalseOnlyReports() throws Exception {
    Run run =
        action(
            Map.of(
                "suite", suite.folder().toString(), "mode", "compare", "fail-on-legacy", "false"));

    assertThat(run.outputs()).containsEntry("decision", "legacy");
    assertThat(run.decide().exit()).isZero();
    assertThat(run.decide().out()).contains("::warning title=Parity::decision legacy");
  }

  @Test
  void aCandidateDecisionPassesAndArgsReachParity() throws Exception {
    Run run =
        action(
            Map.of(
                "suite", suite.folder().toString(), "mode", "compare", "args", "--filter 'sa*'"));

    assertThat(run.outputs())
        .containsEntry("decision", "candidate")
        .containsEntry("status", "pass")
        .containsEntry("scope", "filtered");
    assertThat(run.decide().exit()).isZero();
  }

  @Test
  void aConfigurationErrorStillUploadsWhatWasWrittenAndFails() throws Exception {
    suite.suiteYaml("name: shop\nlegacy: {command: [/bin/echo]}\ncases:\n  - {id: a, argz: [b]}\n");

    Run run =
        action(
            Map.of(
                "suite", suite.folder().toString(), "mode", "verify", "fail-on-legacy", "false"));

    assertThat(run.outputs()).containsEntry("exit-code", "2").containsEntry("status", "error");
    assertThat(run.uploaded()).isEqualTo(run.outputs().get("reports"));
    assertThat(run.decide().exit()).isEqualTo(2);
    assertThat(run.decide().out())
        .contains("::error title=Parity::no decision (parity exit code 2)");
  }

  @Test
  void anUnknownModeFailsTheRunStepAndDecidesNothing() throws Exception {
    Run run = action(Map.of("suite", suite.folder().toString(), "mode", "ship-it"));

    assertThat(run.log()).contains("::error title=Parity::mode [ship-it] is not one of");
    assertThat(run.outputs()).containsEntry("decision", "legacy").containsEntry("status", "error");
    assertThat(run.decide().exit()).isEqualTo(2);
  }

  /** What a run of the action left: every step's outputs, the log, and the Decide step. */
  record Run(Map<String, String> outputs, String log, String uploaded, Result decide) {}

  /**
   * Runs the action's steps in order as a runner would, with {@code with} as its inputs (the others
   * at their defaults) and the distribution the build made.
   */
  private Run action(Map<String, String> with) throws Exception {
    JsonNode action = new YAMLMapper().readTree(ACTION.resolve("action.yml").toFile());
    Map<String, String> inputs = new HashMap<>();
    action
        .get("inputs")
        .fields()
        .forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText("")));
    inputs.putAll(with);
    inputs.put(
        "distribution",
        ROOT.resolve("harness/cli/target/parity-" + ParityVersion.current() + ".tar.gz")
            .toString());
    assertThat(with.keySet()).allMatch(action.get("inputs")::has);

    Map<String, Map<String, String>> steps = new LinkedHashMap<>();
    StringBuilder log = new StringBuilder();
    String uploaded = "";
    Result decide = null;
    boolean failed = false;
    for (JsonNode step : action.at("/runs/steps")) {
      Context context = new Context(inputs, steps);
      String condition = step.path("if").asText("success()");
      boolean runs = condition.contains("always()") || !failed;
      if (step.has("uses")) {
        String uses = step.get("uses").asText();
        if (uses.startsWith("actions/upload-artifact@") && runs && context.condition(condition)) {
          uploaded = context.evaluate(step.at("/with/path").asText());
        }
        continue;
      }
      if (!runs) {
        continue;
      }
      Files.deleteIfExists(output);
      Files.createFile(output);
      Map<String, String> env = new HashMap<>(System.getenv());
      env.remove("JAVA_HOME");
      env.put("GITHUB_OUTPUT", output.toString());
      env.put("GITHUB_PATH", path.toString());
      env.put("GITHUB_STEP_SUMMARY", summary.toString());
      env.put("GITHUB_ACTION_PATH", ACTION.toString());
      env.put("GITHUB_WORKSPACE", suite.root().toString());
      env.put("RUNNER_TEMP", Files.createDirectories(temp.resolve("runner")).toString());
      step.path("env")
          .fields()
          .forEachRemaining(e -> env.put(e.getKey(), context.evaluate(e.getValue().asText())));
      assertThat(step.get("shell").asText()).isEqualTo("sh");
      Result result =
          Processes.runExactly(
              suite.root(), Duration.ofMinutes(3), env, "sh", "-e", "-c", step.get("run").asText());
      log.append(result.out()).append(result.err());
      steps.put(step.path("id").asText("step" + steps.size()), parse(Files.readAllLines(output)));
      failed |= result.exit() != 0;
      if (step.path("name").asText().equals("Decide")) {
        decide = result;
      }
    }
    assertThat(decide).as("the Decide step ran").isNotNull();
    Map<String, String> outputs = new HashMap<>();
    steps.values().forEach(outputs::putAll);
    return new Run(outputs, log.toString(), uploaded, decide);
  }

  private static Map<String, String> parse(List<String> lines) {
    Map<String, String> outputs = new HashMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      assertThat(eq).as("a name=value line: " + line).isPositive();
      outputs.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return outputs;
  }

  /** The expressions action.yml uses: inputs, earlier steps' outputs, a few github values. */
  private record Context(Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    String evaluate(String text) {
      Matcher m = EXPRESSION.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
      }
      m.appendTail(out);
      return out.toString();
    }

    /** {@code always() && steps.run.outputs.reports != ''} and the like. */
    boolean condition(String condition) {
      String text = condition.replace("${{", "").replace("}}", "").strip();
      boolean all = true;
      for (String part : text.split("&&")) {
        String p = part.strip();
        if (p.equals("always()")) {
          continue;
        }
        Matcher notEmpty = Pattern.compile("(\\S+) != ''").matcher(p);
        assertThat(notEmpty.matches()).as("a condition this test understands: " + p).isTrue();
        all &= !value(notEmpty.group(1)).isEmpty();
      }
      return all;
    }

    private String value(String expression) {
      List<String> alternatives = new ArrayList<>(List.of(expression.split("\\|\\|")));
      for (String alternative : alternatives) {
        String name = alternative.strip();
        String value;
        if (name.startsWith("inputs.")) {
          value = inputs.getOrDefault(name.substring(7), "");
        } else if (name.startsWith("steps.")) {
          String[] parts = name.split("\\.");
          value = steps.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
        } else if (name.startsWith("github.")) {
          value = "https://github.example/owner/parity";
        } else {
          throw new AssertionError("an expression this test does not know: " + name);
        }
        if (!value.isEmpty()) {
          return value;
        }
      }
      return "";
    }
  }
}
