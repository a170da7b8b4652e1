package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What --shard and parity merge refuse: exit 2, saying what, where and how to fix it. */
class ShardRefusalTests {
  /** The suite recorded once; each test works on a copy, since some break or rewrite it. */
  @TempDir static Path recorded;

  @TempDir Path root;

  private TempSuite suite;

  @BeforeAll
  static void recordTheSuiteOnce() {
    ShardSuite.record(recorded);
  }

  @BeforeEach
  void copyTheRecordedSuite() throws IOException {
    suite = ShardSuite.copy(recorded, root);
  }

  private Path shard(String command, int k, int n) {
    Cli run = Cli.run(command, suite.folder().toString(), "--shard", k + "/" + n);
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return suite.reports().resolve("shard-" + k + "-of-" + n);
  }

  private Cli merge(Path... shards) {
    String[] args = new String[shards.length + 3];
    args[0] = "merge";
    args[1] = "--out";
    args[2] = root.resolve("merged").toString();
    for (int i = 0; i < shards.length; i++) {
      args[i + 3] = shards[i].toString();
    }
    return Cli.run(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5/4", "0/4", "1/0", "-1/3", "x", "3", "1/2/3", "1/999999999", "1 /"})
  void aShardThatDoesNotExistIsAUsageErrorWithTheValidForm(String value) {
    for (String command : new String[] {"record", "verify", "compare", "gate"}) {
      Cli run = Cli.run(command, suite.folder().toString(), "--shard", value);

      assertThat(run.exitCode()).as(command + " " + value).isEqualTo(2);
      assertThat(run.err())
          .as(command)
          .contains("--shard [" + value + "]", "K/N with 1 <= K <= N, e.g. --shard 2/4");
    }
  }

  @Test
  void timingsWithoutAShardIsAUsageError() {
    Cli run = Cli.run("verify", suite.folder().toString(), "--timings", "verdict.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--timings balances shards: give --shard K/N with it");
  }

  @Test
  void timingsThatCannotBeReadAreAConfigurationError() {
    Path missing = root.resolve("nowhere/verdict.json");

    Cli run =
        Cli.run(
            "verify", suite.folder().toString(), "--shard", "1/2", "--timings", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--timings file ["
                + missing
                + "] does not exist; give the verdict.json of an earlier"
                + " run of the suite");
  }

  @Test
  void timingsFromAnEarlierRunBalanceTheShardsAndTheyStillMerge() throws IOException {
    Path whole = root.resolve("whole");
    assertThat(Cli.run("verify", suite.folder().toString(), "--out", whole.toString()).exitCode())
        .isEqualTo(1);
    Path timings = whole.resolve("verdict.json");
    Path[] shards = new Path[3];
    for (int k = 1; k <= 3; k++) {
      shards[k - 1] = root.resolve("s" + k);
      Cli.run(
          "verify",
          suite.folder().toString(),
          "--shard",
          k + "/3",
          "--timings",
          timings.toString(),
          "--out",
          shards[k - 1].toString());
    }

    Cli merged = merge(shards);

    assertThat(merged.exitCode()).as(merged.err()).isEqualTo(1);
    assertThat(ShardSuite.comparable(root.resolve("merged")).get("counts"))
        .isEqualTo(ShardSuite.comparable(whole).get("counts"));
  }

  @Test
  void aMissingShardIsRefused() {
    Path first = shard("verify", 1, 3);
    Path third = shard("verify", 3, 3);

    Cli merge = merge(first, third);

    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err())
        .contains(
            "missing shard 2/3: a merge needs the output folder of every shard 1/3 to 3/3 (got 2);"
                + " run the missing shards or give their folders");
    assertThat(root.resolve("merged/verdict.json")).doesNotExist();
  }

  @Test
  void aShardOfAHugeCountOrOfNoCountIsRefusedWithoutListingEveryMissingShard() throws IOException {
    Path first = shard("verify", 1, 2);
    ObjectNode verdict = (ObjectNode) ShardSuite.verdict(first);
    ((ObjectNode) verdict.get("shard")).put("count", 3_000_000);
    Files.writeString(first.resolve("verdict.json"), verdict.toPrettyString());

    Cli huge = merge(first);
    ((ObjectNode) verdict.get("shard")).put("index", 3_000_001);
    Files.writeString(first.resolve("verdict.json"), verdict.toPrettyString());
    Cli beyond = merge(first);

    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.err())
        .contains(
            "missing shards 2/3000000, 3/3000000, 4/3000000, 5/3000000, 6/3000000 and 2999994"
                + " more: a merge needs the output folder of every shard 1/3000000 to"
                + " 3000000/3000000 (got 1)");
    assertThat(beyond.exitCode()).isEqualTo(2);
    assertThat(beyond.err())
        .contains("shard [3000001/3000000] does not exist (verdict.json edited?)");
  }

  @Test
  void anOutFolderThatIsAShardFolderOrALinkToOneIsRefused() throws IOException {
    Path first = shard("verify", 1, 2);
    Path second = shard("verify", 2, 2);
    Path link = Files.createSymbolicLink(root.resolve("link"), second);
    String before = Files.readString(second.resolve("verdict.json"));

    Cli direct = Cli.run("merge", "--out", second.toString(), first.toString(), second.toString());
    Cli linked = Cli.run("merge", "--out", link.toString(), first.toString(), second.toString());

    assertThat(direct.exitCode()).isEqualTo(2);
    assertThat(direct.err()).contains("--out [" + second + "] is the output folder of shard 2/2");
    assertThat(linked.exitCode()).as(linked.out()).isEqualTo(2);
    assertThat(linked.err()).contains("--out [" + link + "] is the output folder of shard 2/2");
    assertThat(second.resolve("verdict.json")).content().isEqualTo(before);
  }

  @Test
  void aShardGivenTwiceIsRefused() {
    Path first = shard("verify", 1, 2);

    Cli merge = merge(first, first);

    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err()).contains("shard 1/2 is given twice, as [" + first + "] and [" + first);
  }

  @Test
  void overlappingShardsAreRefused() throws IOException {
    Path first = shard("verify", 1, 2);
    // A copy of shard 1 that claims to be shard 2: its cases are shard 1's.
    Path fake = root.resolve("fake");
    Files.createDirectories(fake);
    ObjectNode verdict = (ObjectNode) ShardSuite.verdict(first);
    ((ObjectNode) verdict.get("shard")).put("index", 2);
    Files.writeString(fake.resolve("verdict.json"), verdict.toPrettyString());

    Cli merge = merge(first, fake);

    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err())
        .contains("] is in shard 1/2 [" + first + "] and in shard 2/2 [" + fake + "]")
        .contains("run every shard with the same --timings FILE (or none)");
  }

  @Test
  void shardsOfDifferentModesAreRefused() {
    Path verify = shard("verify", 1, 2);
    Path compare = shard("compare", 2, 2);

    Cli merge = merge(verify, compare);

    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err())
        .contains(
            "shards of different modes: ["
                + verify
                + "] has [verify], ["
                + compare
                + "] has [compare]; merge the shards of one run only");
  }

  @Test
  void shardsOfDifferentVersionsOrSuitesAreRefused() throws IOException {
    Path first = shard("verify", 1, 2);
    Path second = shard("verify", 2, 2);
    ObjectNode verdict = (ObjectNode) ShardSuite.verdict(second);
    ((ObjectNode) verdict.get("shard")).put("parity", "0.0.1");
    Files.writeString(second.resolve("verdict.json"), verdict.toPrettyString());

    Cli versions = merge(first, second);
    verdict.put("suite", "other");
    Files.writeString(second.resolve("verdict.json"), verdict.toPrettyString());
    Cli suites = merge(first, second);

    assertThat(versions.exitCode()).isEqualTo(2);
    assertThat(versions.err()).contains("shards of different Parity versions: [", "] has [0.0.1]");
    assertThat(suites.exitCode()).isEqualTo(2);
    assertThat(suites.err()).contains("shards of different suites: [", "] has [other]");
  }

  @Test
  void anUnshardedOutputOrAFailedShardIsRefused() throws IOException {
    Path first = shard("verify", 1, 2);
    Path whole = root.resolve("whole");
    Cli.run("verify", suite.folder().toString(), "--out", whole.toString());

    Cli unsharded = merge(first, whole);

    assertThat(unsharded.exitCode()).isEqualTo(2);
    assertThat(unsharded.err())
        .contains(
            whole.resolve("verdict.json")
                + ": not the output of a sharded run (verdict.json has no shard); give the --out"
                + " folders of runs with --shard K/N");
    // A shard that passed once, then failed: its folder now holds the failed run's reports.
    shard("verify", 2, 2);
    Files.writeString(suite.folder().resolve("suite.yaml"), "name: [broken\n");
    Cli failed = Cli.run("verify", suite.folder().toString(), "--shard", "2/2");
    assertThat(failed.exitCode()).isEqualTo(2);
    Cli withFailed = merge(first, suite.reports().resolve("shard-2-of-2"));
    assertThat(withFailed.exitCode()).isEqualTo(2);
    assertThat(withFailed.err()).contains("this shard's run failed (configuration error: ");
  }

  @Test
  void aShardFolderThatDoesNotExistIsRefused() {
    Path nowhere = root.resolve("nowhere");

    Cli merge = merge(nowhere);

    assertThat(merge.exitCode()).isEqualTo(2);
    assertThat(merge.err())
        .contains(
            "shard output folder ["
                + nowhere
                + "] does not exist; give the --out folder of each `--shard K/N` run");
  }
}
