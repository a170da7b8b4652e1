package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.fixture.Shard;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stale shard of an earlier run beside fresh ones: the merge would decide for cases that nobody
 * ran against these goldens, this suite or this candidate version. Every test first shows that the
 * stale shard makes a merge pass where the fresh one keeps legacy; the merge must refuse it. And a
 * gate shard that benchmarked nothing must not decide candidate for its cases.
 */
class ShardInputsTests {
  private static final int CASES = 6;

  @TempDir Path root;

  private TempSuite suite;

  @BeforeEach
  void recordASuiteWhoseCandidatePassesEveryCase() {
    StringBuilder yaml = new StringBuilder(TempSuite.scriptSides("tool") + "cases:\n");
    for (int i = 1; i <= CASES; i++) {
      yaml.append("  - id: n/").append(i).append("\n    args: [\"").append(i).append("\"]\n");
    }
    suite =
        TempSuite.in(root, "tool")
            .suiteYaml(yaml.toString())
            .script("legacy.sh", "echo \"value $*\"\n")
            .script("candidate.sh", "echo \"value $*\"\n");
    Cli record = Cli.run("record", suite.folder().toString());
    assertThat(record.exitCode()).as(record.err()).isZero();
  }

  private Path shard(int k, String name, String... more) {
    Path out = root.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of("verify", suite.folder().toString(), "--shard", k + "/2", "--out", out + ""));
    args.addAll(List.of(more));
    Cli run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return out;
  }

  private Cli merge(Path first, Path second) {
    return Cli.run(
        "merge",
        "--out",
        root.resolve("merged-" + second.getFileName()) + "",
        first + "",
        second + "");
  }

  /** The numbers (args) of the cases in the shard written to {@code out}. */
  private static List<String> numbers(Path out) throws IOException {
    List<String> numbers = new ArrayList<>();
    for (JsonNode id : ShardSuite.verdict(out).get("shard").get("cases")) {
      numbers.add(id.asText().substring("n/".length()));
    }
    assertThat(numbers).isNotEmpty();
    return numbers;
  }

  @Test
  void shardsJudgedAgainstDifferentGoldensAreRefused() throws IOException {
    Path stale = shard(1, "stale");
    // Legacy changes on shard 1's cases and is recorded again; shard 2's goldens stay as they were.
    suite.script(
        "legacy.sh",
        "case \"$1\" in "
            + String.join("|", numbers(stale))
            + ") echo \"changed $1\";; *) echo \"value $*\";; esac\n");
    assertThat(Cli.run("record", suite.folder().toString(), "--update").exitCode()).isIn(0, 1);
    Path second = shard(2, "second");
    Path fresh = shard(1, "fresh");

    Cli merged = merge(stale, second);

    assertThat(merge(fresh, second).exitCode()).as("the fresh shard keeps legacy").isEqualTo(1);
    assertThat(merged.exitCode()).as(merged.out()).isEqualTo(2);
    assertThat(merged.err())
        .contains(
            "shards of different goldens (recorded, accepted or edited between shards?): ["
                + stale
                + "] has [",
            "], [" + second + "] has [",
            "]; merge the shards of one run only");
    assertThat(root.resolve("merged-stale-second/verdict.json")).doesNotExist();
  }

  @Test
  void shardsOfDifferentSuiteDefinitionsAreRefused() throws IOException {
    Path stale = shard(1, "stale");
    // The same case ids, but shard 1's cases now pass one more argument, which the candidate
    // prints and legacy's goldens do not have.
    String yaml = Files.readString(suite.folder().resolve("suite.yaml"));
    for (String n : numbers(stale)) {
      yaml = yaml.replace("args: [\"" + n + "\"]", "args: [\"" + n + "\", \"more\"]");
    }
    suite.suiteYaml(yaml);
    Path second = shard(2, "second");
    Path fresh = shard(1, "fresh");

    Cli merged = merge(stale, second);

    assertThat(merge(fresh, second).exitCode()).as("the fresh shard keeps legacy").isEqualTo(1);
    assertThat(merged.exitCode()).as(merged.out()).isEqualTo(2);
    assertThat(merged.err())
        .contains(
            "shards of different suite definitions (suite.yaml or a case file changed between"
                + " shards?): [");
  }

  @Test
  void shardsOfDifferentCandidateVersionsOrStrictnessAreRefused() {
    Path first = shard(1, "first", "--candidate-version", "1.0.0");
    Path second = shard(2, "second", "--candidate-version", "2.0.0");
    Path strict = shard(2, "strict", "--candidate-version", "1.0.0", "--strict");

    Cli versions = merge(first, second);
    Cli strictness = merge(first, strict);

    assertThat(versions.exitCode()).as(versions.out()).isEqualTo(2);
    assertThat(versions.err())
        .contains(
            "shards of different --candidate-version values: ["
                + first
                + "] has [1.0.0], ["
                + second
                + "] has [2.0.0]");
    assertThat(strictness.exitCode()).as(strictness.out()).isEqualTo(2);
    assertThat(strictness.err())
        .contains("shards of different strictness", "has [not strict]", "has [strict]");
  }

  @Test
  void aGateShardWithNoCaseToBenchmarkKeepsLegacyForItsCases() throws IOException {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= CASES; i++) {
      ids.add("n/" + i);
    }
    // Only n/1 is benchmarked (tagged bench); the other shard has nothing to benchmark.
    Path yaml = suite.folder().resolve("suite.yaml");
    suite.suiteYaml(
        Files.readString(yaml).replace("args: [\"1\"]\n", "args: [\"1\"]\n    tags: [bench]\n"));
    int other = Shard.parse("1/2").ids(ids).contains("n/1") ? 2 : 1;

    Cli gate =
        Cli.run(
            "gate",
            suite.folder().toString(),
            "--shard",
            other + "/2",
            "--out",
            root.resolve("gate").toString());

    assertThat(gate.exitCode()).as(gate.out() + gate.err()).isEqualTo(1);
    assertThat(gate.out()).contains("Decision: legacy", "this shard has no case to benchmark");
  }

  @Test
  void theShardsOfOneRunStillMergeAndPass() {
    Path first = shard(1, "first", "--candidate-version", "1.0.0");
    Path second = shard(2, "second", "--candidate-version", "1.0.0");

    Cli merged = merge(first, second);

    assertThat(merged.exitCode()).as(merged.err()).isZero();
  }
}
