package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.archive.RunArchive;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end: a suite run as 4 shards through the real CLI and merged gives the verdict of the same
 * suite run in one piece.
 */
class ShardMergeTests {
  private static final int CASES = ShardSuite.CASES;

  /** The suite recorded once, copied by the tests that start from its goldens. */
  @TempDir static Path recorded;

  @TempDir Path root;

  @BeforeAll
  static void recordTheSuiteOnce() {
    ShardSuite.record(recorded);
  }

  private static Cli parity(String... args) {
    Cli cli = Cli.run(args);
    assertThat(cli.exitCode()).as(String.join(" ", args) + "\n" + cli.out() + cli.err()).isIn(0, 1);
    return cli;
  }

  @ParameterizedTest
  @ValueSource(strings = {"record", "verify", "compare"})
  void fourShardsMergedGiveTheVerdictOfTheUnshardedRun(String command) throws IOException {
    TempSuite suite = ShardSuite.write(root);
    String folder = suite.folder().toString();
    Path goldens = root.resolve("goldens-whole");
    if (!command.equals("record")) {
      parity("record", folder, "--golden", goldens.toString());
    }
    Cli whole =
        parity(
            command,
            folder,
            "--golden",
            goldens.toString(),
            "--out",
            root.resolve("whole").toString());
    List<String> shards = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      // record writes the goldens of each shard into a folder of its own run.
      Path shardGoldens = command.equals("record") ? root.resolve("goldens-sharded") : goldens;
      Cli shard = parity(command, folder, "--golden", shardGoldens.toString(), "--shard", k + "/4");
      assertThat(shard.out()).contains("shard " + k + "/4: the decision holds for the");
      shards.add(suite.reports().resolve("shard-" + k + "-of-4").toString());
    }
    List<String> mergeArgs =
        new ArrayList<>(List.of("merge", "--out", root.resolve("merged").toString()));
    mergeArgs.addAll(shards);

    Cli merge = parity(mergeArgs.toArray(String[]::new));

    assertThat(merge.exitCode()).isEqualTo(whole.exitCode());
    JsonNode expected = ShardSuite.comparable(root.resolve("whole"));
    JsonNode actual = ShardSuite.comparable(root.resolve("merged"));
    assertThat(actual.get("fixtures")).hasSize(CASES);
    ((ArrayNode) actual.get("reasons")).remove(actual.get("reasons").size() - 1);
    assertThat(actual).isEqualTo(expected);
    for (String report : List.of("junit.xml", "index.html", "summary.md", "allure-results")) {
      assertThat(root.resolve("merged").resolve(report)).exists();
    }
    assertThat(testcases(root.resolve("merged"))).isEqualTo(testcases(root.resolve("whole")));
    // index.html and parity report read the outputs and repro commands of every case.
    RunArchive mergedArchive = RunArchive.in(root.resolve("merged"));
    RunArchive wholeArchive = RunArchive.in(root.resolve("whole"));
    if (!command.equals("record")) {
      assertThat(mergedArchive.repro("n/01", Side.CANDIDATE)).isPresent();
      assertThat(mergedArchive.read("n/04", Side.CANDIDATE, RunArchive.View.RAW)).isPresent();
    }
    for (int i = 1; i <= CASES; i++) {
      String id = String.format("n/%02d", i);
      for (Side side : Side.values()) {
        assertThat(mergedArchive.repro(id, side)).as(id).isEqualTo(wholeArchive.repro(id, side));
        assertThat(mergedArchive.read(id, side, RunArchive.View.RAW).map(ShardMergeTests::stdout))
            .as(id)
            .isEqualTo(
                wholeArchive.read(id, side, RunArchive.View.RAW).map(ShardMergeTests::stdout));
      }
    }
    assertThat(Files.readString(root.resolve("merged/summary.md")))
        .contains("Parity " + command + " tool", "merged from 4 shards");
  }

  @Test
  void theShardsSplitTheCasesOnceAndRecordWhatAMergeChecks() throws IOException {
    TempSuite suite = ShardSuite.copy(recorded, root);
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int k = 1; k <= 3; k++) {
      parity("verify", suite.folder().toString(), "--shard", k + "/3");
      JsonNode verdict = ShardSuite.verdict(suite.reports().resolve("shard-" + k + "-of-3"));
      JsonNode shard = verdict.get("shard");
      assertThat(verdict.get("scope").asText()).isEqualTo("shard");
      assertThat(shard.get("index").asInt()).isEqualTo(k);
      assertThat(shard.get("count").asInt()).isEqualTo(3);
      assertThat(shard.get("command").asText()).isEqualTo("verify");
      assertThat(shard.get("parity").asText()).isNotBlank();
      assertThat(shard.get("total").asInt()).isEqualTo(CASES);
      for (JsonNode id : shard.get("cases")) {
        assertThat(seen.add(id.asText())).as(id.asText()).isTrue();
        total++;
      }
      assertThat(verdict.get("fixtures")).hasSize(shard.get("cases").size());
    }
    assertThat(total).isEqualTo(CASES);
  }

  @Test
  void aShardWithNoCaseStillWritesItsVerdictAndMerges() throws IOException {
    TempSuite suite = ShardSuite.copy(recorded, root);
    List<String> args =
        new ArrayList<>(List.of("merge", "--out", root.resolve("merged").toString()));
    // 13 cases over 20 shards: some shards have none.
    int empty = 0;
    for (int k = 1; k <= 20; k++) {
      parity("verify", suite.folder().toString(), "--shard", k + "/20", "--filter", "n/0*");
      Path out = suite.reports().resolve("shard-" + k + "-of-20");
      if (ShardSuite.verdict(out).get("shard").get("cases").isEmpty()) {
        empty++;
      }
      args.add(out.toString());
    }
    parity(
        "verify",
        suite.folder().toString(),
        "--filter",
        "n/0*",
        "--out",
        root.resolve("whole").toString());

    Cli merge = parity(args.toArray(String[]::new));

    assertThat(empty).isPositive();
    assertThat(merge.exitCode()).isEqualTo(1);
    JsonNode actual = ShardSuite.comparable(root.resolve("merged"));
    ((ArrayNode) actual.get("reasons")).remove(actual.get("reasons").size() - 1);
    assertThat(actual).isEqualTo(ShardSuite.comparable(root.resolve("whole")));
    assertThat(actual.get("scope").asText()).isEqualTo("filtered");
  }

  @Test
  void theMergeJudgesAgainAndNeverTrustsAShardsDecision() throws IOException {
    TempSuite suite = ShardSuite.copy(recorded, root);
    List<String> args =
        new ArrayList<>(List.of("merge", "--out", root.resolve("merged").toString()));
    for (int k = 1; k <= 2; k++) {
      parity("verify", suite.folder().toString(), "--shard", k + "/2");
      Path out = suite.reports().resolve("shard-" + k + "-of-2");
      // A shard that says candidate and counts nothing failed, whatever its cases say.
      ObjectNode verdict = (ObjectNode) ShardSuite.verdict(out);
      verdict.put("decision", "candidate");
      verdict.put("status", "pass");
      ((ObjectNode) verdict.get("counts")).put("failed", 0);
      Files.writeString(out.resolve("verdict.json"), verdict.toPrettyString());
      args.add(out.toString());
    }

    Cli merge = Cli.run(args.toArray(String[]::new));

    assertThat(merge.exitCode()).isEqualTo(1);
    JsonNode merged = ShardSuite.verdict(root.resolve("merged"));
    assertThat(merged.get("decision").asText()).isEqualTo("legacy");
    assertThat(merged.get("counts").get("failed").asInt()).isEqualTo(4);
    assertThat(merged.get("reasons").get(0).asText())
        .isEqualTo("4 cases differ: n/04, n/07, n/08, n/12");
  }

  private static String stdout(Observation observation) {
    return new String(
        observation.streams().getOrDefault(Observation.STDOUT, new byte[0]),
        StandardCharsets.UTF_8);
  }

  private static int testcases(Path out) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(out.resolve("junit.xml").toFile())
          .getElementsByTagName("testcase")
          .getLength();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
