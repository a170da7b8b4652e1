package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PipelineTests {

  private static Observation observation(String stdout, String stderr, Map<String, byte[]> files) {
    return Observation.ofCommand(
        0,
        stdout.getBytes(StandardCharsets.UTF_8),
        stderr.getBytes(StandardCharsets.UTF_8),
        files,
        Duration.ZERO);
  }

  private static String stream(Observation o, String name) {
    return new String(o.streams().get(name), StandardCharsets.UTF_8);
  }

  @Test
  void appliesRulesInOrderOnlyToTheirStreamsAndCountsFiring() {
    Rule uuids = Rule.of(new RuleAction.Builtin("uuids"), List.of("stdout"));
    Rule ids =
        Rule.of(new RuleAction.Regex(Pattern.compile("<uuid-(\\d)>"), "U$1", false), List.of());
    Rule sort = Rule.of(new RuleAction.Text("sortLines"), List.of("files"));
    Rule stale = Rule.of(new RuleAction.Builtin("pids"), List.of("stderr"));
    Pipeline pipeline = new Pipeline(List.of(uuids, ids, sort, stale));
    String id = "3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f";
    Observation legacy =
        observation(
            "id " + id + "\n",
            "id " + id + "\n",
            Map.of("out.txt", "b\na\n".getBytes(StandardCharsets.UTF_8)));
    Observation candidate =
        observation(
            "id 00000000-0000-4000-8000-000000000001\n",
            "x\n",
            Map.of("out.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8)));

    Pipeline.Result result = pipeline.apply(legacy, candidate);

    assertThat(stream(result.legacy(), "stdout")).isEqualTo("id U1\n");
    assertThat(stream(result.candidate(), "stdout")).isEqualTo("id U1\n");
    assertThat(stream(result.legacy(), "stderr")).isEqualTo("id " + id + "\n");
    assertThat(stream(result.legacy(), "file:out.txt")).isEqualTo("a\nb\n");
    assertThat(result.fired()).containsExactly(2, 2, 1, 0);
    assertThat(legacy.streams().get("stdout")).asString(StandardCharsets.UTF_8).contains(id);
  }

  @Test
  void binaryStreamsPassThroughAndNotesNameTheSide() {
    Rule json =
        Rule.of(
            new RuleAction.Json(true, List.of(), List.of(), Optional.empty(), false),
            List.of("stdout", "files"));
    Observation legacy = observation("{\"b\":1,\"a\":2}", "", Map.of("bin", new byte[] {0, 1, 2}));
    Observation candidate = observation("oops", "", Map.of("bin", new byte[] {0, 1, 3}));
    Pipeline.Result result = new Pipeline(List.of(json)).apply(legacy, candidate);
    assertThat(result.legacy().streams().get("file:bin")).containsExactly(0, 1, 2);
    assertThat(stream(result.legacy(), "stdout")).isEqualTo("{\n  \"a\" : 2,\n  \"b\" : 1\n}\n");
    assertThat(result.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.stream()).isEqualTo("stdout");
              assertThat(n.side()).isEqualTo("candidate");
              assertThat(n.message()).startsWith("not valid JSON");
            });
  }

  @Test
  void ruleStatsFlagRulesThatNeverFired() {
    Rule used =
        new Rule(
            new RuleAction.Builtin("uuids"),
            List.of(),
            Optional.of("random"),
            Optional.of("MIG-1"),
            Optional.of(Path.of("suite.yaml")),
            3,
            5);
    Rule unused =
        new Rule(
            new RuleAction.Builtin("pids"),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Path.of("suite.yaml")),
            5,
            5);
    RuleStats stats = new RuleStats();
    stats.declare(List.of(used, unused));
    stats.add(List.of(used, unused), List.of(3, 0));
    stats.add(List.of(used, unused), List.of(1, 0));
    assertThat(stats.usages())
        .containsExactly(
            new RuleUsage(
                "builtin: uuids",
                "suite.yaml:3:5",
                Optional.of("random"),
                Optional.of("MIG-1"),
                4,
                false),
            new RuleUsage(
                "builtin: pids", "suite.yaml:5:5", Optional.empty(), Optional.empty(), 0, true));
  }
}
