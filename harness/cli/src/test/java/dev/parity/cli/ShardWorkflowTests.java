package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.testing.Repository;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workflow ci/github/parity-sharded.yml, run here: its shard and merge steps' scripts
 * with {@code ./parity} as this build's CLI, twice (the second run balanced by the first's
 * timings), as the matrix would run them.
 */
class ShardWorkflowTests {
  @TempDir Path work;

  private JsonNode workflow() throws IOException {
    return new YAMLMapper()
        .readTree(Repository.root().resolve("ci/github/parity-sharded.yml").toFile());
  }

  private static JsonNode step(JsonNode job, String name) {
    for (JsonNode step : job.get("steps")) {
      if (step.has("name") && step.get("name").asText().startsWith(name)) {
        return step;
      }
    }
    throw new AssertionError("no step " + name + " in " + job);
  }

  private Processes.Result bash(String script, Map<String, String> env)
      throws IOException, InterruptedException {
    Path file = work.resolve("step.sh");
    Files.writeString(file, "cd \"" + work + "\"\n" + script);
    return Processes.run(work, Duration.ofSeconds(120), env, "bash", "-e", file.toString());
  }

  @Test
  void theMatrixOfShardsAndTheMergeGiveOneDecision() throws Exception {
    JsonNode workflow = workflow();
    JsonNode shardJob = workflow.get("jobs").get("shard");
    JsonNode mergeJob = workflow.get("jobs").get("merge");
    int shards = workflow.get("env").get("SHARDS").asInt();
    assertThat(shardJob.get("strategy").get("matrix").get("shard")).hasSize(shards);
    assertThat(mergeJob.get("needs").asText()).isEqualTo("shard");
    TempSuite suite = ShardSuite.record(work);
    Path parity = work.resolve("parity");
    // Ten JVMs start here, one per step: like ./parity's class data sharing, the first dumps the
    // classes it loaded and the others map them; C1 alone and the serial collector suit such short
    // runs. None of this changes what Parity does.
    Path jsa = work.resolve("parity-test.jsa");
    Files.writeString(
        parity,
        "#!/bin/sh\nif [ -f '"
            + jsa
            + "' ]; then cds='-XX:SharedArchiveFile="
            + jsa
            + "'; else cds='-XX:ArchiveClassesAtExit="
            + jsa
            + "'; fi\nexec \""
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "\" $cds -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
            + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
            + System.getProperty("java.class.path")
            + "' dev.parity.cli.ParityCommand \"$@\"\n");
    parity.toFile().setExecutable(true);
    Path output = work.resolve("github_output");
    Map<String, String> env =
        Map.of(
            "SUITE", suite.folder().toString(),
            "SHARDS", String.valueOf(shards),
            "GITHUB_OUTPUT", output.toString());
    String shardScript = step(shardJob, "Verify shard").get("run").asText();
    String mergeScript = step(mergeJob, "Merge the shards").get("run").asText();

    for (int run = 1; run <= 2; run++) {
      Files.deleteIfExists(output);
      for (int k = 1; k <= shards; k++) {
        Processes.Result shard =
            bash(shardScript.replace("${{ matrix.shard }}", String.valueOf(k)), env);
        assertThat(shard.exit()).as(shard.out() + shard.err()).isZero();
      }
      Processes.Result merge = bash(mergeScript, env);

      assertThat(merge.exit()).as(merge.out() + merge.err()).isZero();
      assertThat(merge.out()).contains("4 cases differ: n/04, n/07, n/08, n/12");
      assertThat(Files.readString(output)).isEqualTo("decision=legacy\n");
      assertThat(work.resolve("reports/merged/index.html")).exists();
      assertThat(work.resolve("parity-timings.json")).exists();
    }
  }
}
